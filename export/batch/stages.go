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
	"time"

	"fengong/export/pdf"
	"fengong/extract"
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
		{"config", configure},       // defaults, flags over fengong.yaml, the generation date
		{"preflight", preflight},    // cheap checks first: input, output dir, lock, stale temp dirs
		{"read", readInput},         // decode UTF-8/GB18030/UTF-16/.docx/.html and normalise
		{"extract", extractModel},   // build the model, once
		{"validate", validateModel}, // no dept name may become a path; apply the dept filter
		{"export", render},          // workbooks, PDFs, charts in parallel (-j); reuse with --incremental
		{"manifest", buildManifest}, // model.json, 变更.md, manifest.json with every file's sha256
		{"publish", publish},        // write a temp dir beside DIR, swap it in atomically
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

	// hooks for tests: a renderer that fails for some dept, a kill point
	failDept string
	afterRun func(stage string)
}

// Run is the state of one run. Stages fill it in order.
type Run struct {
	opt Options
	cfg Config
	log *slog.Logger

	date       time.Time
	dateSource string
	tmpl       *templates.Set
	dir        *extract.Directory
	fonts      pdf.Fonts         // the configured fonts' bytes, read in preflight
	hashes     map[string]string // sha256 of templates, depts_file and fonts in use
	inputName  string
	text       *extract.Text
	doc        *extract.Document
	depts      []string // depts that get their own files, in model order
	lock       *lock
	pub        *publisher // writes the new pack beside DIR
	prev       *Manifest  // the previous run's manifest in DIR, if any
	files      []*File
	failures   []Failure
	warnings   []string // render warnings and skips, for the manifest
	manifest   *Manifest
}

// Result is what a run reports.
type Result struct {
	Dir      string
	Files    int
	Reused   int
	Failures []Failure
	Changed  bool // the model differs from the previous run's
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
		if err := ctx.Err(); err != nil {
			return r.result(), fmt.Errorf("%s: %w", s.name, err)
		}
		start := time.Now()
		err := s.run(ctx, r)
		var skip *SkipError
		switch {
		case errors.As(err, &skip):
			r.log.Warn("stage skipped", "stage", s.name, "reason", skip.Reason)
			r.warnings = append(r.warnings, s.name+": "+skip.Error())
		case err != nil:
			return r.result(), err
		default:
			r.log.Debug("stage done", "stage", s.name, "took", time.Since(start).Round(time.Microsecond))
		}
		if opt.afterRun != nil {
			opt.afterRun(s.name)
		}
	}
	res := r.result()
	if len(r.failures) > 0 {
		return res, ErrPartial
	}
	return res, nil
}

func (r *Run) result() Result {
	res := Result{Dir: r.cfg.Output, Failures: r.failures}
	for _, f := range r.files {
		res.Files++
		if f.reuse != "" {
			res.Reused++
		}
	}
	if r.manifest != nil {
		res.Changed = r.manifest.changed
	}
	return res
}

func (r *Run) cleanup() {
	if r.pub != nil {
		r.pub.abort()
	}
	if r.lock != nil {
		r.lock.release()
	}
}
