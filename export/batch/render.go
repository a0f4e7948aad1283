package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"golang.org/x/sync/errgroup"

	"fengong/charts"
	"fengong/export"
	"fengong/export/pdf"
	"fengong/export/xlsx"
	"fengong/extract"
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
	data   []byte
	reuse  string // absolute path of the previous file to reuse
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

// render renders every file, spread over cfg.Jobs workers. A failing dept
// file is recorded and the others go on.
func render(ctx context.Context, r *Run) error {
	opt := export.Options{Date: r.date, Title: r.cfg.Title, Templates: r.tmpl}
	names := make([]string, len(r.doc.Depts))
	for i, d := range r.doc.Depts {
		names[i] = d.Name
	}
	stems := export.Stems(names)
	n := r.cfg.Names
	fp, err := r.fingerprints()
	if err != nil {
		return err
	}

	var pr *pdf.Renderer
	if r.cfg.wants(FormatPDF) {
		fonts, err := r.loadFonts()
		if err != nil {
			return err
		}
		if pr, err = pdf.NewRenderer(r.doc, opt, fonts); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
		fp["pdf-font"] = pr.Fingerprint()
	}

	var jobs []job
	add := func(f *File, fn func() ([]byte, error)) {
		r.files = append(r.files, f)
		jobs = append(jobs, job{f, fn})
	}
	for _, d := range r.depts {
		d := d
		stem := stems[d]
		if r.cfg.wants(FormatXLSX) {
			add(&File{Path: path.Join(n.DeptsDir, stem, stem+".xlsx"), Kind: KindDeptWorkbook, Dept: d, Key: r.deptKey(KindDeptWorkbook, d, fp)},
				r.failable(d, func() ([]byte, error) { return xlsx.Dept(r.doc, d, opt) }))
		}
		if pr != nil {
			add(&File{Path: path.Join(n.DeptsDir, stem, stem+".pdf"), Kind: KindDeptBrief, Dept: d, Key: r.deptKey(KindDeptBrief, d, fp)},
				r.failable(d, func() ([]byte, error) { return pr.Dept(d) }))
		}
	}
	if r.cfg.wants(FormatXLSX) {
		add(&File{Path: path.Join(n.MasterDir, n.MasterWorkbook), Kind: KindMasterWorkbook}, func() ([]byte, error) { return xlsx.Master(r.doc, opt) })
	}
	if pr != nil {
		add(&File{Path: path.Join(n.MasterDir, n.Brief), Kind: KindBrief}, pr.Brief)
	}

	reused := r.reuse(jobs)
	total := len(jobs) - reused
	var mu sync.Mutex
	done := 0
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(r.cfg.Jobs)
	for _, j := range jobs {
		if j.file.reuse != "" {
			continue
		}
		j := j
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			data, err := j.render()
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				r.failures = append(r.failures, Failure{Path: j.file.Path, Kind: j.file.Kind, Dept: j.file.Dept, Error: err.Error()})
				r.log.Error("render failed", "path", j.file.Path, "err", err)
			} else {
				j.file.data = data
			}
			done++
			r.progress(done, total)
			return nil
		})
	}
	if r.cfg.wants(FormatCharts) {
		g.Go(func() error {
			pages, err := charts.Pages(r.doc, charts.Options{Options: opt, DeptStems: stems})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				r.failures = append(r.failures, Failure{Path: n.ChartsDir, Kind: KindChart, Error: err.Error()})
				return nil
			}
			for _, p := range pages {
				r.files = append(r.files, &File{Path: path.Join(n.ChartsDir, p.Name), Kind: KindChart, data: p.Data})
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if r.opt.Progress != nil {
		fmt.Fprintln(r.opt.Progress)
	}
	// drop what failed; the manifest lists it under failures
	kept := r.files[:0]
	for _, f := range r.files {
		if f.data != nil || f.reuse != "" {
			kept = append(kept, f)
		}
	}
	r.files = kept
	if pr != nil {
		r.warnings = append(r.warnings, pr.Warnings()...)
	}
	r.log.Info("rendered", "files", len(r.files), "reused", reused, "failed", len(r.failures))
	return nil
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

// reuse marks the jobs whose previous file can be reused: same key, and
// the file on disk still has the hash the previous manifest recorded.
func (r *Run) reuse(jobs []job) int {
	if !r.opt.Incremental || r.prev == nil {
		return 0
	}
	prev := map[string]FileEntry{}
	for _, f := range r.prev.Files {
		prev[f.Path] = f
	}
	n := 0
	for _, j := range jobs {
		f := j.file
		p, ok := prev[f.Path]
		if f.Key == "" || !ok || p.Key != f.Key {
			continue
		}
		abs := filepath.Join(r.cfg.Output, filepath.FromSlash(f.Path))
		data, err := os.ReadFile(abs)
		if err != nil || sha(data) != p.SHA256 {
			continue
		}
		f.reuse, f.SHA256, f.Size = abs, p.SHA256, int64(len(data))
		n++
	}
	return n
}

// fingerprints hashes everything besides the model that shapes the
// output: version, date, title, wording templates.
func (r *Run) fingerprints() (map[string]string, error) {
	fp := map[string]string{
		"version": r.opt.Version,
		"date":    r.date.Format("2006-01-02"),
		"title":   r.cfg.Title,
	}
	for _, name := range []string{"xlsx.yaml", "pdf.yaml"} {
		b, err := r.tmpl.ReadFile(name)
		if err != nil {
			return nil, err
		}
		fp[name] = sha(b)
	}
	return fp, nil
}

// deptKey is what a dept's file is rendered from: the dept's own view of
// the model plus the fingerprints that apply to the kind.
func (r *Run) deptKey(kind, dept string, fp map[string]string) string {
	type view struct {
		Kind     string
		Title    string
		Source   string
		Dept     *extract.Dept
		Tasks    []json.RawMessage
		Targets  []extract.Target
		Sections []extract.Section
		Prints   []string
	}
	v := view{Kind: kind, Title: r.doc.Title, Source: r.doc.Source.Name, Dept: r.doc.Dept(dept), Targets: r.doc.TargetsOf(dept), Sections: r.doc.Sections}
	for _, a := range r.doc.TasksOf(dept) {
		b, _ := json.Marshal(struct {
			Item    int
			Section string
			Role    extract.Role
			Task    *extract.Task
		}{a.Item.Number, a.Item.Section, a.Role, a.Task})
		v.Tasks = append(v.Tasks, b)
	}
	keys := make([]string, 0, len(fp))
	for k := range fp {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if kind == KindDeptWorkbook && k == "pdf.yaml" || kind == KindDeptWorkbook && k == "pdf-font" || kind == KindDeptBrief && k == "xlsx.yaml" {
			continue
		}
		v.Prints = append(v.Prints, k+"="+fp[k])
	}
	b, _ := json.Marshal(v)
	return sha(b)
}

func (r *Run) loadFonts() (pdf.Fonts, error) {
	var f pdf.Fonts
	for _, x := range []struct {
		path string
		dst  *[]byte
		name string
	}{{r.cfg.Fonts.Body, &f.Body, "body"}, {r.cfg.Fonts.Heading, &f.Heading, "heading"}, {r.cfg.Fonts.Title, &f.Title, "title"}} {
		if x.path == "" {
			continue
		}
		b, err := os.ReadFile(x.path)
		if err != nil {
			return f, fmt.Errorf("fonts.%s: %w", x.name, err)
		}
		*x.dst = b
	}
	return f, nil
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
