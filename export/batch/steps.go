package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fengong/export"
	"fengong/export/pdf"
	"fengong/extract"
	"fengong/templates"
)

// maxInput caps the input read from disk; Read applies its own cap too.
const maxInput = 64 << 20

// configure merges the config file and the flags, and fixes the date.
func configure(_ context.Context, r *Run) error {
	var c Config
	if r.opt.ConfigFile != "" {
		var err error
		if c, err = LoadConfig(r.opt.ConfigFile); err != nil {
			return err
		}
	}
	c = c.Override(r.opt.Flags)
	if err := c.normalise(); err != nil {
		return err
	}
	if c.Jobs == 0 {
		c.Jobs = defaultJobs()
	}
	r.cfg = c
	d, src, err := resolveDate(c.Date, r.opt.Flags.Date != "", r.opt.Getenv("SOURCE_DATE_EPOCH"), r.opt.Now)
	if err != nil {
		return err
	}
	r.date, r.dateSource = d, src
	r.log.Info("config", "output", c.Output, "formats", strings.Join(c.Formats, ","), "date", d.Format("2006-01-02"), "date_from", src, "jobs", c.Jobs)
	return nil
}

// resolveDate picks the generation date: --date, then SOURCE_DATE_EPOCH,
// then the config's date, then today's date from the injected clock.
func resolveDate(cfgDate string, fromFlag bool, epoch string, now func() time.Time) (time.Time, string, error) {
	parse := func(s, from string) (time.Time, string, error) {
		d, err := time.Parse("2006-01-02", strings.TrimSpace(s))
		if err != nil {
			return time.Time{}, "", templates.Fail("config.date", fmt.Errorf("%s: date %q is not YYYY-MM-DD", from, s), "from", from, "value", s)
		}
		return d, from, nil
	}
	if fromFlag {
		return parse(cfgDate, "--date")
	}
	if epoch != "" {
		sec, err := strconv.ParseInt(strings.TrimSpace(epoch), 10, 64)
		if err != nil {
			return time.Time{}, "", templates.Fail("config.epoch", fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", epoch), "value", epoch)
		}
		t := time.Unix(sec, 0).UTC()
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), "SOURCE_DATE_EPOCH", nil
	}
	if cfgDate != "" {
		return parse(cfgDate, "config")
	}
	t := now()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), "clock", nil
}

// preflight makes the cheap checks before any expensive work.
func preflight(_ context.Context, r *Run) error {
	c := &r.cfg
	if c.Input != "" {
		st, err := os.Stat(c.Input)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return templates.Fail("input.not_found", fmt.Errorf("input: %w", err), "path", c.Input)
			}
			return fmt.Errorf("input: %w", err)
		}
		if st.IsDir() {
			return templates.Fail("input.is_dir", fmt.Errorf("input %s: is a directory", c.Input), "path", c.Input)
		}
		if st.Size() > maxInput {
			return &extract.Error{File: c.Input, Err: fmt.Errorf("%w: %d bytes, the limit is %d", extract.ErrTooLarge, st.Size(), maxInput)}
		}
	}
	// the input is read and decoded while the checks below are made; the
	// read stage waits for it
	r.startReading()
	ts, err := templates.New(c.Templates)
	if err != nil {
		return err
	}
	r.tmpl = ts
	r.hashes = map[string]string{}
	// the dept directory is decoded while the run goes on, from here;
	// extracting waits for it
	var data []byte
	if c.DeptsFile != "" {
		if data, err = os.ReadFile(c.DeptsFile); err != nil {
			return fmt.Errorf("depts_file: %w", err)
		}
		r.hashes["depts_file"] = sha(data)
	}
	r.loadDir = background(func() (*extract.Directory, error) {
		if c.DeptsFile != "" {
			return extract.ParseDirectoryWith(ts, data, c.DeptsFile)
		}
		return extract.LoadDirectory(ts)
	})
	// the fonts the config names are read now; the machine's standard
	// faces are looked for while the checks below are made
	var found func() foundFonts
	if c.wants(FormatPDF) {
		if found, err = r.loadFonts(); err != nil {
			return err
		}
	}
	for _, name := range append(extract.TemplateFiles(ts), "xlsx.yaml", "pdf.yaml", "charts.yaml", templates.MessagesFile, changesTemplate, changesHTMLTemplate) {
		b, err := ts.ReadFile(name)
		if err != nil {
			return err
		}
		r.hashes["templates/"+name] = sha(b)
	}
	// where the run writes: checked before anything is written there
	out, err := resolveOutput(c.Output)
	if err != nil {
		return err
	}
	if out != c.Output && filepath.Clean(c.Output) != out {
		r.log.Info("output resolved", "given", c.Output, "dir", out)
	}
	c.Output = out
	if _, err := checkOutput(out); err != nil {
		return err
	}
	if r.madeDirs, err = mkdirs(filepath.Dir(out)); err != nil {
		return err
	}
	if r.lock, err = acquireLock(out, r.log); err != nil {
		return err
	}
	recoverInterrupted(out, r.log)
	removeStaleTemps(out, r.log)
	// again, under the lock: a run that died may have left DIR changed
	hasPack, err := checkOutput(out)
	if err != nil {
		return err
	}
	// the previous pack's manifest is decoded while the run goes on;
	// the unchanged stage, the first to read it, waits for it
	if hasPack {
		r.openingPrev = background(func() (openedPack, error) {
			p, skips, err := openPrevious(out)
			return openedPack{p, skips}, err
		})
	}
	if r.pub, err = newPublisher(out); err != nil {
		return err
	}
	if found != nil {
		r.useFound(found())
	}
	return nil
}

// openedPack is what openPrevious gives: the pack and what was skipped.
type openedPack struct {
	pack  *prevPack
	skips []error
}

// joinPrevious waits for the previous pack that preflight started to
// open, and returns the error that opening it met, or the skips.
func (r *Run) joinPrevious() error {
	if r.openingPrev == nil {
		return nil
	}
	o, err := r.openingPrev()
	r.openingPrev = nil
	r.prev = o.pack
	if err != nil {
		return err
	}
	return errors.Join(o.skips...)
}

// startReading starts reading and decoding the input, or the bundled
// seed, in the background (readInput waits for it).
func (r *Run) startReading() {
	name, seed := filepath.Base(r.cfg.Input), r.opt.Seed
	if r.cfg.Input == "" {
		name = r.opt.SeedName
	}
	r.inputName = name
	path := r.cfg.Input
	r.reading = background(func() (*extract.Text, error) {
		raw := seed
		if path != "" {
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, fmt.Errorf("input: %w", err)
			}
			raw = data
		} else if len(raw) == 0 {
			return nil, templates.Fail("input.none", errors.New("no input file given and no bundled seed"))
		}
		return extract.Read(name, raw)
	})
}

// readInput takes the input that preflight started to read and decode.
func readInput(_ context.Context, r *Run) error {
	t, err := r.reading()
	if err != nil {
		return err
	}
	if r.cfg.Input == "" {
		r.log.Info("no input given: using the bundled seed", "name", r.inputName)
	}
	r.text = t
	return nil
}

// warmUp starts, in the background, the reading the export does besides
// the model, so that it overlaps the extraction (one core extracts, the
// other would wait): the PDF faces and the wording, parsed; and, with
// --incremental, the faces the previous run cut for its batch, read from
// its pack and parsed, and the previous pack's and the spare's files
// stat'ed for the reuse checks (publisher.lookAhead). The export takes
// them as they are, or waits for those still being read; a face or cut
// the batch turns out not to need was parsed for nothing. They start in
// the order the export needs them, and the core that idles takes them
// about in that order: the PDF renderer first (made before any job
// starts), then the reuse checks (before any file is checked). The
// previous model, which only the change report reads, is read by its job
// (prevPack.model): read here, first, it had delayed the others past the
// extraction's end (2.4 ms a one-edit run, paired), and last it still
// took a core from the export's first jobs.
func warmUp(_ context.Context, r *Run) error {
	if r.cfg.wants(FormatPDF) {
		w, fonts, ts := pdf.NewWarm(), r.fonts, r.tmpl
		r.fonts.Warm = w
		r.cuts = newPackCuts(r, r.reuseFrom())
		go func() {
			w.Wording(ts)
			w.Faces(fonts)
		}()
		r.cuts.readAhead(w.Cut)
	}
	if prev := r.reuseFrom(); prev != nil {
		r.pub.lookAhead(prev, r.opt.lookedAhead)
	}
	return nil
}

// extractModel builds the model, once.
func extractModel(_ context.Context, r *Run) error {
	dir, err := r.loadDir()
	if err != nil {
		return err
	}
	r.dir = dir
	doc, err := extract.Parse(r.text, r.dir)
	if err != nil {
		return err
	}
	if r.opt.editModel != nil {
		r.opt.editModel(doc)
	}
	r.doc = doc
	if r.opt.snapshot != nil {
		r.snap = r.opt.snapshot(doc)
	}
	r.log.Info("extracted", "items", len(doc.Items), "tasks", doc.TaskCount(), "depts", len(doc.Depts), "targets", len(doc.Targets), "warnings", len(doc.Warnings))
	for _, w := range doc.Warnings {
		r.log.Debug("extraction warning", "line", w.Line, "msg", w.Message)
	}
	return nil
}

// validateModel gives every dept its safe file stem, warning about each
// stem that is not the name as written, and applies the dept filter. A
// dept name never stops a run: it is data, printed as written inside the
// files (export.DeptStems is the one policy).
func validateModel(_ context.Context, r *Run) error {
	names := make([]string, len(r.doc.Depts))
	for i, d := range r.doc.Depts {
		names[i] = d.Name
	}
	var rewrites []export.Rewrite
	r.stems, rewrites = export.DeptStems(names)
	for _, w := range rewrites {
		r.log.Warn("dept file name rewritten", "dept", w.Name, "stem", w.Stem, "why", w.Why)
		r.warnings = append(r.warnings, w.String())
	}
	if len(r.cfg.Depts) == 0 {
		for _, d := range r.doc.Depts {
			r.depts = append(r.depts, d.Name)
		}
		return nil
	}
	want := map[string]bool{}
	for _, name := range r.cfg.Depts {
		canon := name
		if e, _, ok := r.dir.Lookup(name); ok {
			canon = e.Name
		}
		if r.doc.Dept(canon) == nil {
			return templates.Fail("config.dept", fmt.Errorf("config: dept filter names %q, which no task of %s names", name, r.inputName), "value", name, "file", r.inputName)
		}
		want[canon] = true
	}
	for _, d := range r.doc.Depts {
		if want[d.Name] {
			r.depts = append(r.depts, d.Name)
		}
	}
	return nil
}

// background starts fn and returns a function that waits for its result.
func background[T any](fn func() (T, error)) func() (T, error) {
	var v T
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		v, err = fn()
	}()
	return func() (T, error) {
		<-done
		return v, err
	}
}
