package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"fengong/export/batch"
	"fengong/templates"
)

// Exit codes, documented in README.md.
const (
	exitOK      = 0 // everything written
	exitFailed  = 1 // nothing written (bad input, config, I/O, another run holds the lock)
	exitUsage   = 2 // bad command line
	exitPartial = 3 // some depts' files failed, or collect refused some files; the rest were written
)

// errUsage marks command-line mistakes.
var errUsage = errors.New("usage")

const usage = `usage:
  fengong run [FILE] [-o DIR] [--config fengong.yaml] [flags]   regenerate every pack (FILE defaults to the bundled seed)
  fengong collect --ledger FILE --period YYYY-MM [--input DOC] [--date DAY] DIR|FILE…   take returned 任务分解表 into the 督办 ledger
  fengong status --ledger FILE [--period YYYY-MM] [--input DOC] [--format text|json]   the 督办 summary of a period
  fengong extract FILE [--format json|text]                       print the extraction model
  fengong version
Run "fengong run -h" or "fengong extract -h" for the flags.
`

// Main runs one command and returns the process exit code.
func Main(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	var msgs templates.Messages // each command reads its own wording
	switch args[0] {
	case "extract":
		msgs, err = cmdExtract(args[1:], stdout, stderr)
	case "run":
		return cmdRun(args[1:], stdout, stderr, getenv)
	case "collect":
		msgs, err = cmdCollect(args[1:], stdout, stderr, getenv)
	case "status":
		msgs, err = cmdStatus(args[1:], stdout, stderr, getenv)
	case "version", "--version":
		fmt.Fprintln(stdout, "fengong", version)
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		msgs = clerkWording("")
		err = usageError("usage.unknown_command", fmt.Sprintf("unknown command %q", args[0]), "command", args[0])
	}
	return exitCode(err, stderr, msgs)
}

// exitCode reports err in the clerk's words (messages.yaml) and maps it to
// an exit code. It is the one place that does: every command returns its
// error here.
func exitCode(err error, stderr io.Writer, msgs templates.Messages) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "fengong：%s\n%s\n%s", msgs.Error(err), msgs.Text("usage.hint"), usage)
		return exitUsage
	case errors.Is(err, batch.ErrPartial), errors.Is(err, errRefused):
		fmt.Fprintf(stderr, "fengong：%s\n", msgs.Error(err))
		return exitPartial
	}
	fmt.Fprintf(stderr, "fengong：%s\n", msgs.Error(err))
	return exitFailed
}

// usageError is a command-line mistake worded by key.
func usageError(key, detail string, pairs ...string) error {
	return templates.Fail(key, fmt.Errorf("%w: %s", errUsage, detail), pairs...)
}

// clerkWording is messages.yaml of the templates directory dir, else the
// embedded default (a broken override is reported by the command that
// reads the directory).
func clerkWording(dir string) templates.Messages {
	if dir != "" {
		if ts, err := templates.New(dir); err == nil {
			if m, err := templates.LoadMessages(ts); err == nil {
				return m
			}
		}
	}
	m, err := templates.LoadMessages(nil)
	if err != nil {
		return templates.Messages{} // the embedded file is checked by the tests
	}
	return m
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, as in "fengong extract FILE --format text".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError("usage.flag", err.Error(), "detail", err.Error())
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func quietFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func oneOf(v string, allowed ...string) bool {
	for _, a := range allowed {
		if strings.EqualFold(v, a) {
			return true
		}
	}
	return false
}

// interruptible is the context of a command that SIGTERM or Ctrl-C stops:
// the first signal cancels it, with the signal as its cause, and the
// command stops at its next step, cleaning up (a run at its next stage,
// publishing nothing). The first signal also gives the signals back to
// the default, before the context is cancelled, so a second one ends the
// process at once, as the one a shell sends after a step that does not
// stop; what that leaves, the next run clears.
func interruptible() (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case s := <-sig:
			signal.Stop(sig)
			cancel(errors.New(s.String() + " signal received"))
		case <-ctx.Done():
		}
	}()
	return ctx, func() { signal.Stop(sig); cancel(context.Canceled) }
}

// interruptibleSoon starts interruptible in the background and returns
// what waits for it. Installing the handlers starts the runtime's signal
// thread and waits for it: 0.5–1 ms at a command's start on the machines
// fengong runs on, which the command's flag parsing and wording then
// overlap (a one-edit --incremental run 0.7–0.9 ms faster, paired, 60
// rounds twice, 2026-11-30). The command calls wait before it writes
// anything, and stop (which waits too) when it is done.
func interruptibleSoon() (wait func() context.Context, stop func()) {
	done := make(chan struct{})
	var ctx context.Context
	var cancel context.CancelFunc
	go func() {
		ctx, cancel = interruptible()
		close(done)
	}()
	wait = func() context.Context { <-done; return ctx }
	stop = func() { <-done; cancel() }
	return wait, stop
}
