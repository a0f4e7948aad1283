package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"fengong/cmd/fengong/internal/hugeheap"
	"fengong/export/batch"
	"fengong/export/pdf"
	"fengong/ledger"
	"fengong/seeds"
	"fengong/templates"
)

// listFlag collects a repeatable or comma-separated flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

func cmdRun(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	// the signal handlers and the build ID (read from the binary's file)
	// are made ready while the flags and the wording are read
	signals, stopSignals := interruptibleSoon()
	defer stopSignals()
	build := make(chan string, 1)
	go func() { build <- buildID() }()
	fs := quietFlagSet("run", stderr)
	var flags batch.Config
	var formats, depts listFlag
	fs.StringVar(&flags.Output, "o", "", "output directory DIR (default \"out\")")
	config := fs.String("config", "", "YAML config file (fengong.yaml); flags override it")
	fs.StringVar(&flags.Date, "date", "", "generation date YYYY-MM-DD (else SOURCE_DATE_EPOCH, the config, then today)")
	fs.StringVar(&flags.Title, "title", "", "document title printed on every file (default: the document's own)")
	fs.Var(&formats, "formats", "formats to write: xlsx,pdf,charts (default all)")
	fs.Var(&depts, "dept", "only write this dept's own files (repeatable or comma-separated)")
	fs.StringVar(&flags.Templates, "templates", "", "directory overriding the embedded templates file by file")
	fs.StringVar(&flags.DeptsFile, "depts-file", "", "dept directory (depts.yaml format) replacing the built-in one")
	fs.StringVar(&flags.Ledger, "ledger", "", "督办 ledger FILE (SQLite) to show progress from: 进展台账, 报送情况, 督查通报, the dashboard's 督办 page")
	fs.StringVar(&flags.Period, "period", "", "reporting period YYYY-MM shown with --ledger (default: the last one ended before the run's date)")
	fs.IntVar(&flags.Jobs, "j", 0, "parallel workers (default: number of CPUs)")
	incremental := fs.Bool("incremental", false, "reuse the previous run's files in DIR whose inputs did not change")
	fs.BoolVar(&flags.Fsync, "fsync", false, "flush the pack to disk before swapping it in (survives a power cut; slower)")
	logFormat := fs.String("log-format", "text", "log format on stderr: text or json")
	quiet := fs.Bool("q", false, "quiet: log warnings and errors only")
	verbose := fs.Bool("v", false, "verbose: log every stage")
	pos, err := parseInterspersed(fs, args)
	if err == nil && len(pos) > 1 {
		err = usageError("usage.run_args", "run takes at most one FILE")
	}
	if err == nil && !oneOf(*logFormat, "text", "json") {
		err = usageError("usage.log_format", "--log-format must be text or json")
	}
	if err != nil {
		return exitCode(err, stderr, clerkWording(""))
	}
	msgs, err := runWording(flags.Templates, *config)
	if err != nil {
		return exitCode(err, stderr, clerkWording(""))
	}
	if len(pos) == 1 {
		flags.Input = pos[0]
	}
	flags.Formats, flags.Depts = formats, depts

	level := slog.LevelInfo
	switch {
	case *quiet:
		level = slog.LevelWarn
	case *verbose:
		level = slog.LevelDebug
	}
	hopts := &slog.HandlerOptions{Level: level}
	var handler slog.Handler = slog.NewTextHandler(stderr, hopts)
	if strings.EqualFold(*logFormat, "json") {
		handler = slog.NewJSONHandler(stderr, hopts)
	}
	var progress io.Writer
	if !*quiet && isTerminal(stderr) && !strings.EqualFold(*logFormat, "json") {
		progress = stderr
	}

	tuneGC(getenv)
	res, err := batch.Execute(signals(), batch.Options{
		ConfigFile:  *config,
		Flags:       flags,
		Incremental: *incremental,
		Seed:        seeds.Hunan2022,
		SeedName:    seeds.Hunan2022Name,
		Now:         time.Now,
		Getenv:      getenv,
		Log:         slog.New(handler),
		Progress:    progress,
		FontDirs:    pdf.FontDirs(*config, getenv),
		Version:     version,
		Build:       <-build,
		OpenLedger: func(path string) (batch.ProgressSource, error) {
			return ledger.Open(path)
		},
	})
	if err != nil {
		return exitCode(err, stderr, msgs) // partial (3) included
	}
	switch {
	case *quiet:
	case res.Unchanged:
		fmt.Fprintln(stdout, msgs.Text("run.unchanged", "files", strconv.Itoa(res.Files+1), "dir", res.Dir))
	default:
		fmt.Fprintln(stdout, msgs.Text("run.done", "files", strconv.Itoa(res.Files+1), "dir", res.Dir, "reused", strconv.Itoa(res.Reused)))
	}
	return exitOK
}

// runWording reads messages.yaml from the run's templates directory: the
// flag's, else the config's. A config that does not load is left for the
// run to report.
func runWording(dir, config string) (templates.Messages, error) {
	if dir == "" && config != "" {
		if c, err := batch.LoadConfig(config); err == nil {
			dir = c.Templates
		}
	}
	ts, err := templates.New(dir)
	if err != nil {
		return nil, err
	}
	return templates.LoadMessages(ts)
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// tuneGC bounds the batch run's memory and sets the collector's pace,
// unless GOGC or GOMEMLIMIT is set (then they win, and the other is as
// below).
//
// A run starts as every command does (package hugeheap): with no
// collection at all until its heap nears hugeheap.FirstLimit, so a
// one-edit --incremental run never collects. Measured alternately on
// 2026-11-29 (load 0.2–0.5, median of 15), with hugeheap's allocation
// freed at start-up: 74 ms and 106 ms of CPU against 92 ms and 140 ms.
//
// At the first collection a larger run turns to the pace it had before:
// a soft limit of 112 MiB makes the collector work harder only as the
// heap nears it, so a 20× input peaks under 150 MB of RSS (the heap, plus
// the binary's pages and the stacks); below it, the collector runs at
// twice the live heap (GOGC=200) rather than Go's default of once.
// Measured before (2026-11-28): the seed's full run 0.53 s against
// 0.55 s at Go's default (80 MB peak against 62 MB), the 20× run 4.45 s
// against 4.6 s at the same 131 MB; collecting at 4× paid for every new
// page of heap in page faults. With no collection at all (GOGC=off and
// the 112 MiB limit) the seed's full run peaked at 136 MB.
func tuneGC(getenv func(string) string) {
	setLimit, setPace := getenv("GOMEMLIMIT") != "", getenv("GOGC") != ""
	switch {
	case setLimit && setPace:
	case setPace:
		debug.SetMemoryLimit(runLimit)
	case setLimit:
		debug.SetGCPercent(runPace)
	default:
		hugeheap.Then(runPace, runLimit)
	}
}

// The collector's settings for a run after its first collection (tuneGC).
const (
	runLimit = 112 << 20 // a soft limit
	runPace  = 200       // GOGC
)
