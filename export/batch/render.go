package batch

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"runtime"
	"sort"
	"sync"

	"golang.org/x/sync/errgroup"

	"fengong/charts"
	"fengong/export"
	"fengong/export/pdf"
	"fengong/export/xlsx"
)

// File kinds, as listed in manifest.json.
const (
	KindModel          = "model"
	KindMasterWorkbook = "master-workbook"
	KindBrief          = "brief"
	KindDeptWorkbook   = "dept-workbook"
	KindDeptBrief      = "dept-brief"
	KindChart          = "chart"
	KindChanges        = "changes"
)

// File is one output file: rendered bytes, or a file of the previous
// pack that --incremental reuses.
type File struct {
	Path   string // slash-separated, relative to DIR
	Kind   string
	Dept   string
	Key    string // what the file was rendered from, for --incremental
	SHA256 string
	Size   int64
	reused bool // the bytes are the previous pack's (--incremental)
	failed bool
}

// Failure is a file that could not be rendered.
type Failure struct {
	Path  string `json:"path"`
	Kind  string `json:"kind"`
	Dept  string `json:"dept,omitempty"`
	Error string `json:"error"`
}

func defaultJobs() int { return runtime.NumCPU() }

// job renders one file.
type job struct {
	file   *File
	render func() ([]byte, error)
}

// render renders every file, spread over cfg.Jobs workers, and hands each
// to the publisher as it is done. A failing dept file is recorded and the
// others go on. The longest jobs start first, so no core idles at the end.
func render(ctx context.Context, r *Run) error {
	opt := r.exportOptions()
	stems := r.stems
	fp := r.fingerprints()
	var err error
	var xr *xlsx.Renderer
	if r.cfg.wants(FormatXLSX) {
		ret := xlsx.WithReturn(xlsx.ReturnInfo{Due: r.cfg.Return.dueText(), To: r.cfg.Return.To})
		if xr, err = xlsx.NewRenderer(r.doc, opt, ret); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}

	r.pub.start()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(r.cfg.Jobs)
	var mu sync.Mutex
	stop := func(err error) error {
		g.Wait()
		r.pub.drain()
		return err
	}
	// the charts are one long job that needs nothing else: start it first,
	// while the PDF fonts are cut
	var chartFiles []*File // written by the charts job only, read after Wait
	if r.cfg.wants(FormatCharts) {
		g.Go(func() error {
			files, err := r.renderCharts(opt, stems)
			if err != nil {
				mu.Lock()
				defer mu.Unlock()
				r.failures = append(r.failures, Failure{Path: r.cfg.Names.ChartsDir, Kind: KindChart, Error: err.Error()})
			}
			chartFiles = files
			return nil
		})
	}
	var pr *pdf.Renderer
	if r.cfg.wants(FormatPDF) {
		if pr, err = pdf.NewRenderer(r.doc, opt, r.fonts); err != nil {
			return stop(fmt.Errorf("pdf: %w", err))
		}
		fp["pdf-font"] = pr.Fingerprint()
		for _, f := range pr.Faces() {
			r.log.Info("pdf font", "role", f.Role, "face", f.Name, "from", cmp.Or(f.From, "embedded"))
		}
	}

	jobs := r.jobs(xr, pr, stems, fp)
	prev := r.reuseFrom()
	total := len(jobs)
	done, reused := 0, 0
	for _, j := range jobs {
		j := j
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			if data, ok := prev.reusable(j.file); ok {
				j.file.reused = true
				r.pub.send(j.file, data)
				mu.Lock()
				defer mu.Unlock()
				reused++
				done++
				r.progress(done, total)
				return nil
			}
			data, err := j.render()
			if err == nil {
				r.pub.send(j.file, data)
			}
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				j.file.failed = true
				r.failures = append(r.failures, Failure{Path: j.file.Path, Kind: j.file.Kind, Dept: j.file.Dept, Error: err.Error()})
				r.log.Error("render failed", "path", j.file.Path, "err", err)
			}
			done++
			r.progress(done, total)
			return nil
		})
	}
	err = g.Wait()
	if werr := r.pub.drain(); werr != nil {
		return werr // the disk, not a dept: stop the run
	}
	if err != nil {
		return err
	}
	r.files = append(r.files, chartFiles...)
	if r.opt.Progress != nil {
		fmt.Fprintln(r.opt.Progress)
	}
	// drop what failed; the manifest lists it under failures
	kept := r.files[:0]
	for _, f := range r.files {
		if !f.failed {
			kept = append(kept, f)
		}
	}
	r.files = kept
	if pr != nil {
		r.warnings = append(r.warnings, pr.Warnings()...)
	}
	r.log.Info("rendered", "files", len(r.files), "reused", reused, "failed", len(r.failures))
	if r.opt.Incremental && prev == nil {
		return &SkipError{Reason: "--incremental: " + r.cfg.Output + " holds no previous pack to reuse; every file was rendered"}
	}
	return nil
}

// exportOptions are what every exporter is given: the date, the title,
// the wording, and the run's own scratch folder for temporary files.
func (r *Run) exportOptions() export.Options {
	o := export.Options{Date: r.date, Title: r.cfg.Title, Templates: r.tmpl}
	if r.pub != nil {
		o.TempDir = r.pub.scratch
	}
	return o
}

// jobs lists the files to render, longest first: the overall brief and
// the master workbook, then each dept's files, busiest dept first.
func (r *Run) jobs(xr *xlsx.Renderer, pr *pdf.Renderer, stems map[string]string, fp map[string]string) []job {
	n := r.cfg.Names
	var jobs []job
	add := func(f *File, fn func() ([]byte, error)) {
		r.files = append(r.files, f)
		jobs = append(jobs, job{f, fn})
	}
	if pr != nil {
		add(&File{Path: path.Join(n.MasterDir, n.Brief), Kind: KindBrief}, pr.Brief)
	}
	if xr != nil {
		add(&File{Path: path.Join(n.MasterDir, n.MasterWorkbook), Kind: KindMasterWorkbook}, xr.Master)
	}
	wanted := map[string]bool{}
	for _, d := range r.depts {
		wanted[d] = true
	}
	common := r.commonView()
	for _, dept := range r.doc.ByWorkload() {
		d := dept.Name
		if !wanted[d] {
			continue
		}
		stem := stems[d]
		view := r.deptView(d)
		if pr != nil {
			add(&File{Path: path.Join(n.DeptsDir, stem, stem+".pdf"), Kind: KindDeptBrief, Dept: d, Key: deptKey(KindDeptBrief, common, view, fp)},
				r.failable(d, func() ([]byte, error) { return pr.Dept(d) }))
		}
		if xr != nil {
			add(&File{Path: path.Join(n.DeptsDir, stem, stem+".xlsx"), Kind: KindDeptWorkbook, Dept: d, Key: deptKey(KindDeptWorkbook, common, view, fp)},
				r.failable(d, func() ([]byte, error) { return xr.Dept(d) }))
		}
	}
	return jobs
}

// renderCharts renders every chart page and hands them to the publisher.
func (r *Run) renderCharts(opt export.Options, stems map[string]string) ([]*File, error) {
	// the dept pages link to the dept's own files this run writes
	own := make(map[string][]string, len(r.doc.Depts))
	for _, d := range r.depts {
		st := stems[d]
		for _, f := range []struct{ format, ext string }{{FormatPDF, ".pdf"}, {FormatXLSX, ".xlsx"}} {
			if r.cfg.wants(f.format) {
				own[d] = append(own[d], path.Join(r.cfg.Names.DeptsDir, st, st+f.ext))
			}
		}
	}
	pages, err := charts.Pages(r.doc, charts.Options{Options: opt, DeptStems: stems, DeptFiles: own, DeptsDir: r.cfg.Names.DeptsDir})
	if err != nil {
		return nil, err
	}
	files := make([]*File, len(pages))
	for i, p := range pages {
		files[i] = &File{Path: path.Join(r.cfg.Names.ChartsDir, p.Name), Kind: KindChart}
		r.pub.send(files[i], p.Data)
	}
	return files, nil
}

// failable wraps a dept's renderer so a test can make one dept fail.
func (r *Run) failable(dept string, fn func() ([]byte, error)) func() ([]byte, error) {
	if r.opt.failDept != "" && r.opt.failDept == dept {
		return func() ([]byte, error) { return nil, fmt.Errorf("injected failure for %s", dept) }
	}
	return fn
}

func (r *Run) progress(done, total int) {
	if r.opt.Progress == nil || total == 0 {
		return
	}
	const width = 30
	filled := done * width / total
	bar := make([]byte, width)
	for i := range bar {
		if i < filled {
			bar[i] = '#'
		} else {
			bar[i] = '.'
		}
	}
	fmt.Fprintf(r.opt.Progress, "\r[%s] %d/%d", bar, done, total)
}

// reuseFrom is the previous pack whose files --incremental may reuse, or
// nil.
func (r *Run) reuseFrom() *prevPack {
	if !r.opt.Incremental || r.prev == nil || r.prev.manifest == nil {
		return nil
	}
	return r.prev
}

// fingerprints hashes everything besides the model that shapes the
// output: version, date, title, wording templates.
func (r *Run) fingerprints() map[string]string {
	fp := map[string]string{
		"version": r.opt.Version,
		"date":    r.date.Format("2006-01-02"),
		"title":   r.cfg.Title,
	}
	for _, name := range []string{"xlsx.yaml", "pdf.yaml"} {
		fp[name] = r.hashes["templates/"+name]
	}
	return fp
}

// commonView hashes what every dept's files show of the whole document.
func (r *Run) commonView() string {
	h := sha256.New()
	fmt.Fprintf(h, "%q\x00", r.doc.Title) // dept files print no source name
	fmt.Fprintf(h, "%q %q\x00", r.cfg.Return.Due, r.cfg.Return.To)
	for _, s := range r.doc.Sections {
		fmt.Fprintf(h, "%q %d %q %d\x00", s.Number, s.Ordinal, s.Title, s.FirstItem)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// deptView hashes a dept's own view of the model: its record, its tasks
// with their items and roles, and the targets it sees.
func (r *Run) deptView(dept string) string {
	h := sha256.New()
	if d := r.doc.Dept(dept); d != nil {
		fmt.Fprintf(h, "%q %q %q %v %d %d %d %d\x00", d.Name, d.Aliases, d.Kind, d.Known, d.Lead, d.Co, d.Respective, d.All)
	}
	for _, a := range r.doc.TasksOf(dept) {
		t := a.Task
		fmt.Fprintf(h, "%d %q %q|%q %q %d %q %q %q %q %q %v %q %q %d\x00", a.Item.Number, a.Item.Section, a.Role,
			t.ID, t.Sub, t.Item, t.Text, t.Lead, t.Co, t.Respective, t.Groups, t.All, t.Deadline, t.Clause, t.Line)
	}
	for _, t := range r.doc.TargetsOf(dept) {
		fmt.Fprintf(h, "%d %q %q %q %v %q %q %q %d\x00", t.Item, t.Task, t.Indicator, t.Verb, t.Value, t.Unit, t.Op, t.Text, t.Line)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// deptKey is what a dept's file of one kind is rendered from: the views
// above plus the fingerprints that apply to the kind.
func deptKey(kind, common, view string, fp map[string]string) string {
	keys := make([]string, 0, len(fp))
	for k := range fp {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", kind, common, view)
	for _, k := range keys {
		if kind == KindDeptWorkbook && (k == "pdf.yaml" || k == "pdf-font") || kind == KindDeptBrief && k == "xlsx.yaml" {
			continue
		}
		fmt.Fprintf(h, "%s=%s\x00", k, fp[k])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (r *Run) loadFonts() (pdf.Fonts, error) {
	var f pdf.Fonts
	for _, x := range []struct {
		path string
		dst  *[]byte
		name string
	}{{r.cfg.Fonts.Body, &f.Body, "body"}, {r.cfg.Fonts.Heading, &f.Heading, "heading"}, {r.cfg.Fonts.Subheading, &f.Subheading, "subheading"}, {r.cfg.Fonts.Title, &f.Title, "title"}} {
		if x.path == "" {
			continue
		}
		b, err := os.ReadFile(x.path)
		if err != nil {
			return f, fmt.Errorf("fonts.%s: %w", x.name, err)
		}
		*x.dst = b
		r.hashes["fonts."+x.name] = sha(b)
	}
	// the standard faces found on the machine, for roles the config leaves
	f, notes := pdf.FindFonts(r.opt.FontDirs, f)
	for _, n := range notes {
		r.log.Warn("pdf font passed over", "why", n)
	}
	for _, x := range []struct {
		from string
		b    []byte
		name string
	}{{f.From.Body, f.Body, "body"}, {f.From.Heading, f.Heading, "heading"}, {f.From.Subheading, f.Subheading, "subheading"}, {f.From.Title, f.Title, "title"}} {
		if _, given := r.hashes["fonts."+x.name]; x.from != "" && !given {
			r.hashes["fonts."+x.name] = sha(x.b)
		}
	}
	return f, nil
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
