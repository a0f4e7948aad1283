// Package batch is the batch run behind `fengong run`: it reads one
// 分工意见 and regenerates every pack, safely enough for cron. The whole
// run is the ordered list of stages below; reading that list explains
// the job.
package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"time"

	"fengong/export/pdf"
	"fengong/extract"
	"fengong/progress"
	"fengong/templates"
)

// stage is one step of the run. A stage that does not apply returns a
// *SkipError, so the skip is logged as a warning, never silently.
type stage struct {
	name string
	run  func(ctx context.Context, r *Run) error
}

// stages is the whole run, in order.
func stages() []stage {
	return []stage{
		{"config", configure},          // defaults, flags over fengong.yaml, the generation date
		{"preflight", preflight},       // cheap checks first: input, output dir, lock, stale temp dirs (reading starts)
		{"read", readInput},            // the input decoded (UTF-8/GB18030/UTF-16/.docx/.html) and normalised
		{"unchanged", stopUnchanged},   // --incremental: the pack in DIR is made by this build from the same inputs? stop
		{"warm", warmUp},               // start reading, in the background, what the export reads besides the model
		{"extract", extractModel},      // build the model, once
		{"validate", validateModel},    // safe file stems for every dept name, with warnings; the dept filter
		{"progress", evaluateProgress}, // with a ledger: the period's returns → the 督办 snapshot (status rules)
		{"export", render},             // workbooks, PDFs, charts in parallel (-j); reuse with --incremental
		{"manifest", buildManifest},    // model.json, 变更.md, manifest.json with every file's sha256
		{"publish", publish},           // write a temp dir beside DIR, swap it in atomically
	}
}

// SkipError says why a stage or part of one did not run.
type SkipError struct{ Reason string }

func (e *SkipError) Error() string { return "skipped: " + e.Reason }

// ErrPartial is returned when some depts' files failed and the rest were
// published.
var ErrPartial = errors.New("partial: some files failed")

// ErrLocked is returned when another run holds the output directory.
var ErrLocked = errors.New("another fengong run is writing to this output directory")

// Options are the inputs of a run.
type Options struct {
	ConfigFile  string // fengong.yaml; "" = none
	Flags       Config // set by flags; non-zero fields override the file
	Incremental bool   // reuse unchanged depts' files from the previous run
	Seed        []byte // the bundled seed, used when no input is given
	SeedName    string
	Now         func() time.Time    // the clock, read only when no date is configured
	Getenv      func(string) string // SOURCE_DATE_EPOCH
	Log         *slog.Logger
	Progress    io.Writer // a terminal to draw progress on; nil = none
	Version     string
	// Build is this binary's Go build ID ("" = unknown). With it,
	// --incremental stops before extracting when the pack in DIR was made
	// by the same build from the same inputs (stopUnchanged).
	Build string
	// FontDirs are folders to look for the standard PDF faces in
	// (pdf.FontDirs); nil = none, so the run does not depend on the
	// machine's fonts. The config's fonts win.
	FontDirs []string

	// OpenLedger opens a --ledger file; nil = this build reads no ledger.
	OpenLedger OpenLedger

	// hooks for tests: a renderer that fails for some dept, a kill point,
	// a model edited after extraction (for names the parser would not make)
	failDept  string
	afterRun  func(stage string)
	editModel func(*extract.Document)
	// tookSubset is told the path of each PDF a font subset is taken from
	tookSubset func(path string)
	// tookPart is told each worksheet part taken from the previous pack
	tookPart func(path, part string)
	// lookedAhead is called once the previous pack's and the spare's
	// files are stat'ed ahead (publisher.lookAhead), before any is checked
	lookedAhead func()
	// snapshot gives the run a 督办 snapshot of the model, as the ledger
	// will (--ledger)
	snapshot func(*extract.Document) *progress.Snapshot
}

// Run is the state of one run. Stages fill it in order.
type Run struct {
	opt Options
	cfg Config
	log *slog.Logger

	date       time.Time
	dateSource string
	tmpl       *templates.Set
	dir        *extract.Directory // the dept directory, once extract has it from loadDir
	loadDir    func() (*extract.Directory, error)
	fonts      pdf.Fonts                     // the configured fonts' bytes, read in preflight
	reading    func() (*extract.Text, error) // the input, read and decoded from preflight on (startReading)
	// openingPrev opens the previous pack from preflight on; nil once
	// joinPrevious has taken it into prev
	openingPrev func() (openedPack, error)
	cuts        *packCuts         // the PDF faces cut for the batch, kept in the pack (warmUp)
	hashes      map[string]string // sha256 of templates, depts_file and fonts in use
	inputName   string
	text        *extract.Text
	doc         *extract.Document
	index       *extract.Index     // doc's, made once by exportOptions
	model       []byte             // model.json: the model's JSON, made once
	snap        *progress.Snapshot // the 督办 snapshot; nil without a ledger
	depts       []string           // depts that get their own files, in model order
	stems       map[string]string  // every dept's safe file stem
	lock        *lock
	madeDirs    []string   // folders above DIR this run made, removed if it fails
	pub         *publisher // writes the new pack beside DIR
	prev        *prevPack  // the previous run's pack in DIR, if any
	files       []*File
	failures    []Failure
	warnings    []string // render warnings and skips, for the manifest
	manifest    *Manifest
	changes     func() (changeReport, error) // the change report (makeChanges)
	// unchanged: --incremental found the pack in DIR to be what this run
	// would make; the stages after the one that found it do not run and
	// DIR is left as it is
	unchanged bool
}

// Result is what a run reports.
type Result struct {
	Dir      string
	Files    int
	Reused   int
	Failures []Failure
	Changed  bool // the model differs from the previous run's
	// Unchanged: --incremental found nothing to change; DIR is left as it
	// is and Files counts the files of its pack.
	Unchanged bool
}

// Execute runs every stage in order. It returns ErrPartial (with the
// result) when some files failed but the rest were published.
func Execute(ctx context.Context, opt Options) (Result, error) {
	if opt.Log == nil {
		opt.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Getenv == nil {
		opt.Getenv = func(string) string { return "" }
	}
	r := &Run{opt: opt, log: opt.Log}
	defer r.cleanup()
	for _, s := range stages() {
		if ctx.Err() != nil {
			return r.result(), r.interrupted(ctx, s.name)
		}
		start := time.Now()
		err := s.run(ctx, r)
		if reasons, ok := skipped(err); ok {
			for _, reason := range reasons {
				r.log.Warn("skipped", "stage", s.name, "reason", reason)
			}
		} else if err != nil {
			if ctx.Err() != nil {
				return r.result(), r.interrupted(ctx, s.name)
			}
			return r.result(), err
		}
		r.log.Debug("stage done", "stage", s.name, "took", time.Since(start).Round(time.Microsecond))
		if opt.afterRun != nil {
			opt.afterRun(s.name)
		}
		if r.unchanged {
			r.log.Info("nothing changed: the pack in DIR is left as it is", "dir", r.cfg.Output, "files", len(r.files))
			break
		}
	}
	res := r.result()
	if len(r.failures) > 0 {
		return res, &PartialError{Failed: len(r.failures), Dir: res.Dir}
	}
	return res, nil
}

// skipped reports whether err is made of skips only (one *SkipError or
// several joined), and their reasons. Skips are logged as warnings; they
// are not written to the manifest, which describes the pack, and the pack
// is the same whether or not a part was reused or compared.
func skipped(err error) ([]string, bool) {
	if err == nil {
		return nil, false
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var reasons []string
	for _, e := range errs {
		var skip *SkipError
		if !errors.As(e, &skip) {
			return nil, false
		}
		reasons = append(reasons, skip.Reason)
	}
	return reasons, true
}

// interrupted is the error of a run whose context was cancelled, by a
// signal or a caller, before it published.
func (r *Run) interrupted(ctx context.Context, stage string) error {
	return &InterruptedError{Stage: stage, Dir: r.cfg.Output, Cause: context.Cause(ctx)}
}

// InterruptedError says that a run was stopped, by a signal or its
// caller, before it published anything: DIR keeps the previous pack.
type InterruptedError struct {
	Stage string
	Dir   string
	Cause error // from context.Cause: for a signal, which one
}

func (e *InterruptedError) Error() string {
	dir := e.Dir
	if dir == "" {
		dir = "the output folder"
	}
	return fmt.Sprintf("interrupted (%v) during %s; nothing was published, %s keeps the previous pack", e.Cause, e.Stage, dir)
}

func (e *InterruptedError) Unwrap() error { return e.Cause }

// PartialError is returned, with the result, when some files failed and
// the rest were published. It matches ErrPartial.
type PartialError struct {
	Failed int
	Dir    string
}

func (e *PartialError) Error() string {
	return fmt.Sprintf("partial: %d file(s) failed, the rest are in %s (see manifest.json)", e.Failed, e.Dir)
}

func (e *PartialError) Is(target error) bool { return target == ErrPartial }

// Message words the error for the clerk (messages.yaml).
func (e *PartialError) Message() (string, []string) {
	return "output.partial", []string{"failed", strconv.Itoa(e.Failed), "dir", e.Dir}
}

// Message words the error for the clerk (messages.yaml).
func (e *InterruptedError) Message() (string, []string) {
	cause := ""
	if e.Cause != nil {
		cause = e.Cause.Error()
	}
	return "run.interrupted", []string{"stage", e.Stage, "dir", e.Dir, "cause", cause}
}

func (r *Run) result() Result {
	res := Result{Dir: r.cfg.Output, Failures: r.failures, Unchanged: r.unchanged}
	for _, f := range r.files {
		res.Files++
		if f.reused {
			res.Reused++
		}
	}
	if r.manifest != nil {
		res.Changed = r.manifest.changed
	}
	return res
}

// cleanup removes what a run made for itself: its temporary folders, its
// lock, and, when it did not publish, the folders it made above DIR.
func (r *Run) cleanup() {
	r.joinPrevious()
	r.prev.close()
	published := false
	if r.pub != nil {
		published = r.pub.done
		r.pub.abort()
	}
	if r.lock != nil {
		r.lock.release()
	}
	if !published {
		for _, d := range r.madeDirs { // innermost first; only empty ones go
			os.Remove(d)
		}
	}
}
