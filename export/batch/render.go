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
	"strings"
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
	KindNotice         = "notice"   // the 督查通报 of the period (with a ledger)
	KindFontCut        = "font-cut" // a PDF face cut to the batch's characters (cuts.go)
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
	// Subsets are where a PDF holds its faces' subsets (subsets.go), told
	// by the renderer or, for a reused file, the previous manifest
	Subsets []SubsetRef
	// Parts are a workbook's sheets and their keys (parts.go),
	// likewise
	Parts  []PartRef
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
	key    func() string // the file's content key, made by the job
	render func() ([]byte, error)
}

// render renders every file, spread over cfg.Jobs workers, and hands each
// to the publisher as it is done. A failing dept file is recorded and the
// others go on. The longest jobs start first, so no core idles at the end.
func render(ctx context.Context, r *Run) error {
	opt := r.exportOptions()
	stems := r.stems
	// the model's JSON, once, in the background: model.json, and the key
	// of every file that reads the whole model
	model := background(func() ([]byte, error) { return marshal(r.doc) })
	keys := r.newKeys(opt, model)
	prev := r.reuseFrom()

	r.pub.start()
	r.pub.makeAhead(r.packDirs())
	r.pub.waitLookAhead()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(r.cfg.Jobs)
	var mu sync.Mutex
	// the charts are one long job that needs nothing else: start it first
	var chartFiles []*File // written by the charts job only, read after Wait
	var chartsReused int
	if r.cfg.wants(FormatCharts) {
		g.Go(func() error {
			files, reused, err := r.renderCharts(opt, stems, keys, prev)
			if err != nil {
				mu.Lock()
				defer mu.Unlock()
				r.failures = append(r.failures, Failure{Path: r.cfg.Names.ChartsDir, Kind: KindChart, Error: err.Error()})
			}
			chartFiles, chartsReused = files, reused
			return nil
		})
	}

	// the renderers are made here, while the charts start: the
	// workbooks' reads its wording and little else, the PDFs' cuts the
	// faces (made by feeder goroutines, they waited behind the long jobs
	// for a core: the PDFs' to 10 ms into the render)
	var xr *xlsx.Renderer
	var pr *pdf.Renderer
	var workbooksOf func() *xlsx.Renderer
	var briefsOf func() *pdf.Renderer
	var setupErr error // a renderer that could not be made: the run stops
	if r.cfg.wants(FormatXLSX) {
		ret := xlsx.WithReturn(xlsx.ReturnInfo{Due: r.cfg.Return.dueText(), To: r.cfg.Return.To})
		var err error
		if xr, err = xlsx.NewRenderer(r.doc, opt, ret); err != nil {
			setupErr = fmt.Errorf("xlsx: %w", err)
		}
		workbooksOf = func() *xlsx.Renderer { return xr }
	}
	if r.cfg.wants(FormatPDF) && setupErr == nil {
		fonts := r.fonts
		fonts.Cuts = cmp.Or(r.cuts, newPackCuts(r, prev))
		var err error
		if pr, err = pdf.NewRenderer(r.doc, opt, fonts); err != nil {
			setupErr = fmt.Errorf("pdf: %w", err)
		} else {
			keys.fonts = pr.Fingerprint() // read by the briefs' keys only, made in their jobs
			for _, f := range pr.Faces() {
				r.log.Info("pdf font", "role", f.Role, "face", f.Name, "from", cmp.Or(f.From, "embedded"))
			}
		}
		briefsOf = func() *pdf.Renderer { return pr }
	}
	workbooks, briefs := r.jobs(workbooksOf, briefsOf, keys, newPackSubsets(prev, r.opt.tookSubset), prev)
	total := len(workbooks) + len(briefs)
	done, reused := 0, 0
	run := func(j job) func() error {
		return func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			j.file.Key = j.key()
			if r.reuse(prev, j.file) {
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
		}
	}
	if setupErr != nil {
		cancel()
	} else {
		whole, depts := longestFirst(briefs, workbooks)
		changes := func() error {
			if gctx.Err() == nil {
				r.makeChanges(opt)
			}
			return nil
		}
		// g.Go waits for a free core, so this order is the order they
		// start in: the whole-pack files first; then, while they run, the
		// depts' files are sorted by key (splitByKey) on this goroutine,
		// which would otherwise only wait
		for _, f := range tasks(whole, run) {
			g.Go(f)
		}
		render, check := depts, []job(nil)
		if prev != nil {
			render, check = splitByKey(depts, prev)
		}
		for _, f := range deptOrder(tasks(render, run), tasks(check, run), changes) {
			g.Go(f)
		}
	}
	err := g.Wait()
	werr := r.pub.drain()
	r.prev.letGoFolders() // no file of DIR is checked from here on
	if setupErr != nil {
		return setupErr
	}
	if werr != nil {
		return werr // the disk, not a dept: stop the run
	}
	if err != nil {
		return err
	}
	if r.model, err = model(); err != nil {
		return err
	}
	r.files = append(r.files, chartFiles...)
	reused += chartsReused
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
// the wording, the model's index, and the run's own scratch folder for
// temporary files. It is called on the run's own goroutine only.
func (r *Run) exportOptions() export.Options {
	if r.index == nil && r.doc != nil {
		r.index = r.doc.Index() // once: every exporter reads it
	}
	o := export.Options{Date: r.date, Title: r.cfg.Title, Templates: r.tmpl, Progress: r.snap, Index: r.index}
	if r.pub != nil {
		o.TempDir = r.pub.scratch
	}
	return o
}

// jobs lists the files to render, longest first, in two lists: the
// workbooks (the master, then each dept's, busiest dept first), made by
// the renderer books returns, and the PDFs (the overall brief, the 通报,
// then each dept's), made by the one briefs returns, with the faces'
// fingerprint in k (nil: no such files). A list's jobs start only once
// its renderer is made.
// Each job makes its file's content key (incremental.go) before it looks
// for the file in the previous pack.
func (r *Run) jobs(books func() *xlsx.Renderer, briefs func() *pdf.Renderer, k *keys, subs *packSubsets, prev *prevPack) (workbooks, pdfs []job) {
	n := r.cfg.Names
	add := func(list *[]job, f *File, key func() string, fn func() ([]byte, error)) {
		r.files = append(r.files, f)
		*list = append(*list, job{f, key, fn})
	}
	// a PDF takes its faces' subsets from the previous pack's PDFs, and
	// records those it holds (subsets.go)
	drawing := func(f *File) *pdf.Renderer { return briefs().WithSubsets(fileSubsets{subs, f}) }
	whole := func(kind string) func() string { return func() string { return k.whole(kind) } }
	// the master made again takes the sheets the edit left alone from
	// the previous pack's copy, and records its own (parts.go); a build
	// that does not know itself lends and records none. A dept's
	// workbook does not: its unchanged sheets saved no measurable time,
	// and listing their keys made manifest.json, which every run
	// decodes first, a third larger.
	sheetsOf := func(f *File, kind string) *xlsx.Renderer {
		if r.opt.Build == "" {
			return books()
		}
		return books().WithParts(newPackParts(prev, f, k.runs[kind], r.opt.Build, r.opt.tookPart))
	}
	deptKey := func(kind, d string) func() string { return func() string { return k.dept(kind, d) } }
	if briefs != nil {
		// keyed by what it prints, laid out (pdf.Draft): an edit the
		// brief does not show leaves it as it is
		f := &File{Path: path.Join(n.MasterDir, n.Brief), Kind: KindBrief}
		var draft *pdf.Draft
		var draftErr error
		add(&pdfs, f, func() string {
			if draft, draftErr = drawing(f).BriefDraft(); draftErr != nil {
				return "" // no key, no reuse: the job reports the error
			}
			return k.drafted(KindBrief, draft.Sum())
		}, func() ([]byte, error) {
			if draftErr != nil {
				return nil, draftErr
			}
			return draft.Draw()
		})
	}
	if briefs != nil && r.snap != nil {
		f := &File{Path: path.Join(n.NoticeDir, noticeName(n.Notice, r.snap.Period.Key)), Kind: KindNotice}
		add(&pdfs, f, whole(KindNotice), func() ([]byte, error) { return drawing(f).Notice() })
	}
	if books != nil {
		f := &File{Path: path.Join(n.MasterDir, n.MasterWorkbook), Kind: KindMasterWorkbook}
		add(&workbooks, f, whole(KindMasterWorkbook), func() ([]byte, error) { return sheetsOf(f, KindMasterWorkbook).Master() })
	}
	wanted := map[string]bool{}
	for _, d := range r.depts {
		wanted[d] = true
	}
	for _, dept := range r.doc.ByWorkload() {
		d := dept.Name
		if !wanted[d] {
			continue
		}
		stem := r.stems[d]
		if briefs != nil {
			f := &File{Path: path.Join(n.DeptsDir, stem, stem+".pdf"), Kind: KindDeptBrief, Dept: d}
			add(&pdfs, f, deptKey(KindDeptBrief, d), r.failable(d, func() ([]byte, error) { return drawing(f).Dept(d) }))
		}
		if books != nil {
			add(&workbooks, &File{Path: path.Join(n.DeptsDir, stem, stem+".xlsx"), Kind: KindDeptWorkbook, Dept: d}, deptKey(KindDeptWorkbook, d),
				r.failable(d, func() ([]byte, error) { return books().Dept(d) }))
		}
	}
	return workbooks, pdfs
}

// longestFirst orders the jobs of the two lists (each longest first, as
// jobs made them) in the order they should start: the whole-pack files
// (no dept), PDFs before workbooks, then the depts' files, one of each
// list in turn.
func longestFirst(pdfs, workbooks []job) (whole, depts []job) {
	var dp, dw []job
	for _, j := range pdfs {
		if j.file.Dept == "" {
			whole = append(whole, j)
		} else {
			dp = append(dp, j)
		}
	}
	for _, j := range workbooks {
		if j.file.Dept == "" {
			whole = append(whole, j)
		} else {
			dw = append(dw, j)
		}
	}
	for i := range max(len(dp), len(dw)) {
		if i < len(dp) {
			depts = append(depts, dp[i])
		}
		if i < len(dw) {
			depts = append(depts, dw[i])
		}
	}
	return whole, depts
}

// splitByKey makes each dept job's key, in order, and splits the jobs
// into those the previous pack holds no file of that key for (to render)
// and those it does (to check: a stat and a link each, unless the file
// changed since; the job renders it then). Each job keeps the key made.
func splitByKey(jobs []job, prev *prevPack) (render, check []job) {
	for _, j := range jobs {
		j.file.Key = j.key()
		key := j.file.Key
		j.key = func() string { return key }
		if _, ok := prev.sameKey(j.file); ok {
			check = append(check, j)
		} else {
			render = append(render, j)
		}
	}
	return render, check
}

// deptOrder is the order the depts' files and the change report start
// in, after the whole-pack files: the first file to render, the report
// (needed only as the pack is published), the other files to render,
// busiest dept first, then the files to check. In a full run every file
// is to render: the report goes after the busiest dept's PDF, ahead of
// the long files (last, a core would idle while it ends the run alone).
// With a previous pack, most files are checks of a few microseconds: the
// few files an edit touched start at once, the report beside them rather
// than after the checks, where it ended the run alone on one core (a
// one-edit run 2.0–2.4 ms sooner, paired), or before every dept's file,
// where the touched files waited behind it (1.0–1.5 ms later again).
func deptOrder(render, check []func() error, changes func() error) []func() error {
	order := make([]func() error, 0, len(render)+len(check)+1)
	n := min(1, len(render))
	order = append(order, render[:n]...)
	order = append(order, changes)
	order = append(order, render[n:]...)
	return append(order, check...)
}

// tasks are the jobs as run makes them tasks.
func tasks(jobs []job, run func(job) func() error) []func() error {
	fs := make([]func() error, len(jobs))
	for i, j := range jobs {
		fs[i] = run(j)
	}
	return fs
}

// packDirs are the folders of the pack's dept files, known before any is
// rendered.
func (r *Run) packDirs() []string {
	var dirs []string
	if r.cfg.wants(FormatPDF) || r.cfg.wants(FormatXLSX) {
		for _, d := range r.depts {
			dirs = append(dirs, path.Join(r.cfg.Names.DeptsDir, r.stems[d]))
		}
	}
	return dirs
}

// noticeName is the 通报's file name for a period: 督查通报.pdf for
// 2022-03 is 督查通报-2022-03.pdf. A period key that is not a safe file
// name part is made one (export.SafeStem).
func noticeName(name, period string) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "-" + export.SafeStem(period) + ext
}

// renderCharts renders the dashboard's pages and hands each to the
// publisher as it is made, reusing those of the previous pack whose key is unchanged:
// a dept's page by the dept's view, the other pages and the assets by the
// whole model. It returns every page's file and how many were reused.
func (r *Run) renderCharts(opt export.Options, stems map[string]string, k *keys, prev *prevPack) ([]*File, int, error) {
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
	deptOf := chartPageDept(stems)
	whole := k.whole(KindChart)
	var files []*File
	keyOf := map[string]string{}
	reused := 0
	want := func(page string) bool {
		key := whole
		if d, ok := deptOf(page); ok {
			key = k.chartDept(d)
		} else if charts.TextFree(page) {
			key = k.textFree()
		} else if sum, ok := charts.AssetSum(page); ok {
			key = asset(sum)
		}
		f := &File{Path: path.Join(r.cfg.Names.ChartsDir, page), Kind: KindChart, Key: key}
		if r.reuse(prev, f) {
			files = append(files, f)
			reused++
			return false
		}
		keyOf[page] = key
		return true
	}
	// each page goes to the publisher as it is made: a dashboard of 500
	// depts held whole was half the heap of a 20× run
	err := charts.Each(r.doc, charts.Options{Options: opt, DeptStems: stems, DeptFiles: own, DeptsDir: r.cfg.Names.DeptsDir, Want: want},
		func(p charts.Page) error {
			f := &File{Path: path.Join(r.cfg.Names.ChartsDir, p.Name), Kind: KindChart, Key: keyOf[p.Name]}
			r.pub.send(f, p.Data)
			files = append(files, f)
			return nil
		})
	return files, reused, err
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

// loadFonts reads the fonts the config names, with their hashes, and
// starts looking for the standard faces on the machine (pdf.FindFonts)
// for the roles it leaves, in the background: what it returns waits for
// them (useFound takes them).
func (r *Run) loadFonts() (func() foundFonts, error) {
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
			return nil, fmt.Errorf("fonts.%s: %w", x.name, err)
		}
		*x.dst = b
		r.hashes["fonts."+x.name] = sha(b)
	}
	dirs := r.opt.FontDirs
	found := background(func() (foundFonts, error) {
		f, notes := pdf.FindFonts(dirs, f)
		hashes := map[string]string{}
		for _, x := range []struct {
			from string
			b    []byte
			name string
		}{{f.From.Body, f.Body, "body"}, {f.From.Heading, f.Heading, "heading"}, {f.From.Subheading, f.Subheading, "subheading"}, {f.From.Title, f.Title, "title"}} {
			if x.from != "" {
				hashes["fonts."+x.name] = sha(x.b)
			}
		}
		return foundFonts{f, notes, hashes}, nil
	})
	return func() foundFonts { v, _ := found(); return v }, nil
}

// foundFonts are the run's fonts once the machine's were looked for, the
// notes on the files passed over, and the hashes of the faces found.
type foundFonts struct {
	fonts  pdf.Fonts
	notes  []string
	hashes map[string]string // fonts.<role> of the faces found
}

// useFound makes the fonts looked for the run's: a role the config gave
// keeps its hash.
func (r *Run) useFound(f foundFonts) {
	r.fonts = f.fonts
	for _, n := range f.notes {
		r.log.Warn("pdf font passed over", "why", n)
	}
	for name, h := range f.hashes {
		if _, given := r.hashes[name]; !given {
			r.hashes[name] = h
		}
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
