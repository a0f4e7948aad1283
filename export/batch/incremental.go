package batch

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"fengong/export"
	"fengong/extract"
	"fengong/progress"
)

// This file is what --incremental reuses and when. Every file of the pack
// that can be reused carries a key: the sha256 of exactly what it is
// rendered from, the model's entities as their JSON. A file of the
// previous pack is reused only when the previous manifest lists it at the
// same path with the same key (and the file there is still what the
// manifest says; see reusable).
//
// The keys are built from the model itself, not from a list of its
// fields: a dept's files are keyed by the dept's view of the model (its
// record, its tasks with their items, its targets and lists, each as the
// sha256 of its JSON; deptKeyView.sum), so a field added to the model
// invalidates reuse without anyone remembering to add it here. The run's
// own inputs (version, date, title, output names, the templates each kind
// reads, the PDF faces cut for the batch, the return block, the 督办
// snapshot) go into every key they can change.

// keys makes the content keys of one run's files.
type keys struct {
	run     runView
	doc     func() string // the whole model's JSON's sha256 (made in the background): the master, the 通报, the dashboard
	common  string        // sha256 of the document-wide fields every dept file shows
	source  string        // sha256 of those and the input's name, which dashboard pages show
	stems   string        // sha256 of every dept's stem
	stemOf  map[string]string
	fonts   string // the PDF faces cut for the batch (pdf.Renderer.Fingerprint)
	ret     Return
	snap    *progress.Snapshot
	docSnap string // sha256 of the whole snapshot's JSON, null without a ledger

	free  string            // textFree, made once by the charts job
	runs  map[string]string // by kind: sha256 of reads(kind), made once
	views map[string]*view  // by dept: its view's JSON, made once, by the first job that needs it
	index *extract.Index

	sumsMu sync.Mutex
	sums   map[any]string // by *extract.Item, *extract.Task, *extract.Target and *extract.NamedList: the sha256 of its JSON in a dept's view
}

// view is the sha256 of a dept's view's JSON, made once.
type view struct {
	once sync.Once
	sum  string
}

// runView is what every key holds of the run's inputs.
type runView struct {
	Version string            `json:"version"`
	Date    string            `json:"date"`
	Title   string            `json:"title"`
	Names   Names             `json:"names"`
	Formats []string          `json:"formats"` // the dept pages link to the formats written
	Depts   []string          `json:"depts"`   // the dept filter: which depts have files to link to
	Hashes  map[string]string `json:"hashes"`  // templates, fonts and dept directory in use
}

// keyView is the JSON a key hashes. What many keys share is in it by its
// sha256 (the JSON of the run's inputs, of the document, of the stems),
// so a key costs the dept's own view, not the whole model again.
type keyView struct {
	Kind   string  `json:"kind"`
	Run    string  `json:"run"`              // runView of the kind
	Doc    string  `json:"doc"`              // the whole model, its document-wide fields, or a PDF's draft
	Dept   string  `json:"dept,omitempty"`   // a dept's files: its view (deptKeyView)
	Stems  string  `json:"stems,omitempty"`  // pages that link to every dept: every dept's stem
	Fonts  string  `json:"fonts,omitempty"`  // briefs: the faces (pdf.Renderer.Fingerprint)
	Return *Return `json:"return,omitempty"` // workbooks: the return block
	// Progress is the 督办 snapshot as the file reads it: the dept's part
	// for a dept's files (deptKeyView.Progress), the whole of it here for
	// the master, the brief and the dashboard.
	Progress string `json:"progress,omitempty"`
}

// deptKeyView is a dept's view of the model: exactly what its workbook, its
// brief and its dashboard page read.
type deptKeyView struct {
	Stem  string           `json:"stem"`
	Dept  *extract.Dept    `json:"dept"`
	Tasks []assignmentView `json:"tasks"`
	// the sha256 of each target's and list's JSON, each encoded once
	// per run (keys.sum), however many depts share it
	Targets []string `json:"targets"`
	Lists   []string `json:"lists"`
	// Progress is the dept's part of the 督办 snapshot; nil without a
	// ledger. See progressView.
	Progress *deptProgress `json:"progress,omitempty"`
}

// assignmentView is one of a dept's tasks: the sha256 of its item's JSON
// (less the item's tasks and its text, which is theirs: an edit of one
// task of an item does not re-render the other depts of the item), the
// dept's role in it, and the sha256 of the task's JSON. Each item and
// task is encoded once per run (keys.sum), however many depts share it.
type assignmentView struct {
	Item string       `json:"item"`
	Role extract.Role `json:"role"`
	Task string       `json:"task"`
}

// deptProgress is what a dept's files read of the 督办 snapshot: the
// period, the dept's own standing and the states of its tasks.
type deptProgress struct {
	Period progress.Period       `json:"period"`
	Dept   *progress.DeptState   `json:"dept"`
	Tasks  []*progress.TaskState `json:"tasks"`
}

// viewMark begins what deptKeyView.sum hashes, so that no other key's
// bytes can be mistaken for a view's.
const viewMark = "fengong dept view 1"

// sum is the sha256 of the view. What it holds of the model's entities
// are already the sums of their JSON (keys.sum), so its own fields are
// written one after the other, each after its length, rather than
// encoded as JSON again: encoding every dept's view took 3.7 ms of each
// run, most of it quoting their 64-digit sums (BenchmarkDeptViews). The
// dept and its 督办 part are written as their JSON. TestDeptViewSum
// changes each field, a field added later among them.
func (v *deptKeyView) sum() string {
	b := make([]byte, 0, 512+len(v.Tasks)*140+66*(len(v.Targets)+len(v.Lists)))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	var jsonErr error
	js := func(x any) {
		j, err := keyJSON(x)
		jsonErr = cmp.Or(jsonErr, err)
		b = binary.AppendUvarint(b, uint64(len(j)))
		b = append(b, j...)
	}
	list := func(l []string) {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			str(s)
		}
	}
	str(viewMark)
	str(v.Stem)
	js(v.Dept)
	b = binary.AppendUvarint(b, uint64(len(v.Tasks)))
	for _, a := range v.Tasks {
		str(a.Item)
		str(string(a.Role))
		str(a.Task)
	}
	list(v.Targets)
	list(v.Lists)
	js(v.Progress)
	if jsonErr != nil {
		return "" // as hashJSON: no JSON, never reused
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// newKeys gathers what the keys of this run share. model is the model's
// JSON, as model.json holds it. The PDF faces' fingerprint is set in
// fonts once they are cut, before any brief's key is made.
func (r *Run) newKeys(opt export.Options, model func() ([]byte, error)) *keys {
	k := &keys{
		run: runView{
			Version: r.opt.Version,
			Date:    r.date.Format("2006-01-02"),
			Title:   r.cfg.Title,
			Names:   r.cfg.Names,
			Formats: r.cfg.Formats,
			Depts:   r.cfg.Depts,
			Hashes:  r.hashes,
		},
		ret:  r.cfg.Return,
		snap: opt.Progress,
	}
	// the document-wide fields: the model less its per-entity lists and
	// its source (dept files do not print the input's name)
	d := *r.doc
	d.Source, d.Items, d.Targets, d.Lists, d.Depts, d.Warnings = extract.Source{}, nil, nil, nil, nil, nil
	common, _ := json.Marshal(&d)
	k.common = sha(common)
	d.Source.Name = r.doc.Source.Name // the dashboard's pages show it
	source, _ := json.Marshal(&d)
	k.source = sha(source)
	k.doc = sync.OnceValue(func() string {
		b, err := model()
		if err != nil {
			return "" // the run fails on it
		}
		return sha(b)
	})
	k.stems, k.stemOf = hashJSON(r.stems), r.stems
	k.docSnap = hashJSON(opt.Progress)
	k.runs = map[string]string{}
	for _, kind := range []string{KindDeptWorkbook, KindDeptBrief, KindMasterWorkbook, KindBrief, KindNotice, KindChart} {
		k.runs[kind] = hashJSON(k.reads(kind))
	}
	k.index = opt.IndexOf(r.doc)
	k.views = make(map[string]*view, len(r.doc.Depts))
	for _, d := range r.doc.Depts {
		k.views[d.Name] = &view{}
	}
	return k
}

// reads says which of the run's inputs a kind of file reads: the
// templates of the other outputs are left out, every other input hash
// (a template added later included) is kept.
func (k *keys) reads(kind string) runView {
	v := k.run
	skip := map[string]bool{"templates/" + changesTemplate: true}
	switch kind {
	case KindDeptWorkbook, KindMasterWorkbook:
		skip["templates/pdf.yaml"], skip["templates/charts.yaml"] = true, true
	case KindDeptBrief, KindBrief, KindNotice:
		skip["templates/xlsx.yaml"], skip["templates/charts.yaml"] = true, true
	case KindChart:
		skip["templates/xlsx.yaml"], skip["templates/pdf.yaml"] = true, true
	}
	if kind != KindDeptBrief && kind != KindBrief && kind != KindNotice {
		skip["fonts.body"], skip["fonts.heading"], skip["fonts.subheading"], skip["fonts.title"] = true, true, true, true
	}
	v.Hashes = maps.Clone(k.run.Hashes)
	maps.DeleteFunc(v.Hashes, func(name, _ string) bool { return skip[name] })
	return v
}

// dept is the key of a dept's workbook or brief.
func (k *keys) dept(kind, dept string) string {
	v := keyView{Kind: kind, Run: k.runs[kind], Doc: k.common, Dept: k.viewSum(dept)}
	switch kind {
	case KindDeptBrief:
		v.Fonts = k.fonts
	case KindDeptWorkbook:
		v.Return = &k.ret
	}
	return hashJSON(v)
}

// chartDept is the key of a dept's dashboard page: its view, and every
// dept's stem (the page links to the pages of the dept's partners, and
// the pages label depts uniquely among all names). Dashboard pages show
// the input's name, so it is in the key too (not the rest of the model's
// source: its hash and line count change with any edit).
func (k *keys) chartDept(dept string) string {
	return hashJSON(keyView{Kind: KindChart + "/dept", Run: k.runs[KindChart], Doc: k.source, Dept: k.viewSum(dept), Stems: k.stems})
}

// whole is the key of a file that reads the whole model: the master
// workbook, the 督查通报 and the dashboard's summary pages (the overall
// brief is keyed by its draft: drafted).
func (k *keys) whole(kind string) string {
	v := keyView{Kind: kind, Run: k.runs[kind], Doc: k.doc(), Stems: k.stems, Progress: k.docSnap}
	switch kind {
	case KindNotice:
		v.Fonts = k.fonts
	case KindMasterWorkbook:
		v.Return = &k.ret
	}
	return hashJSON(v)
}

// drafted is the key of a PDF keyed by its draft (pdf.Draft.Sum: its
// layout and document information), with the faces it is drawn with:
// the overall brief, whose gist of each task leaves most of a task's
// words out.
func (k *keys) drafted(kind, sum string) string {
	return hashJSON(keyView{Kind: kind + "/draft", Run: k.runs[kind], Doc: sum, Fonts: k.fonts, Progress: k.docSnap})
}

// textFree is the key of a dashboard page that never prints a task's or
// an item's words (charts.TextFree: the workload, sections, network,
// heatmap, targets and 待核对 pages): what a whole-model page reads, less
// those words and less the source's hash and line count (the pages show
// its name). An edit of a task's wording leaves these pages as they are.
func (k *keys) textFree() string {
	if k.free == "" {
		d := *k.index.Document()
		d.Source = extract.Source{Name: d.Source.Name}
		d.Items = slices.Clone(d.Items)
		for i := range d.Items {
			it := &d.Items[i]
			it.Text = ""
			it.Tasks = slices.Clone(it.Tasks)
			for j := range it.Tasks {
				it.Tasks[j].Text = ""
			}
		}
		k.free = hashJSON(keyView{Kind: KindChart + "/text-free", Run: k.runs[KindChart], Doc: hashJSON(&d), Stems: k.stems, Progress: k.docSnap})
	}
	return k.free
}

// asset is the key of a bundled dashboard file, whose bytes' sha256 is
// sum: the same for every document and run.
func asset(sum string) string {
	return hashJSON(keyView{Kind: KindChart + "/asset", Doc: sum})
}

// viewSum is the sha256 of dept's view of the model (deptKeyView.sum),
// made once.
func (k *keys) viewSum(dept string) string {
	v := k.views[dept]
	if v == nil { // not a dept of the model: a view of nothing
		return k.deptView(dept).sum()
	}
	v.once.Do(func() { v.sum = k.deptView(dept).sum() })
	return v.sum
}

// deptView is dept's view of the model.
func (k *keys) deptView(dept string) *deptKeyView {
	x := k.index
	v := &deptKeyView{Stem: k.stemOf[dept], Dept: x.Dept(dept)}
	ids := map[string]bool{}
	for _, a := range x.TasksOf(dept) {
		task := a.Task
		v.Tasks = append(v.Tasks, assignmentView{Item: k.itemSum(a.Item), Role: a.Role, Task: k.sum(task, func() any { return task })})
		ids[a.Task.ID] = true
	}
	// the targets of the dept's items and the lists of its tasks, in
	// document order
	doc := x.Document()
	for _, i := range x.TargetIndexes(dept) {
		t := &doc.Targets[i]
		v.Targets = append(v.Targets, k.sum(t, func() any { return t }))
	}
	var lists []int
	for id := range ids {
		lists = append(lists, x.ListIndexes(id)...)
	}
	slices.Sort(lists)
	for _, i := range lists {
		l := &doc.Lists[i]
		v.Lists = append(v.Lists, k.sum(l, func() any { return l }))
	}
	v.Progress = progressView(k.snap, dept, ids)
	return v
}

// itemSum is the sha256 of the JSON of it less its tasks and its text
// (the item's text is its tasks', each in its own depts' views).
func (k *keys) itemSum(it *extract.Item) string {
	return k.sum(it, func() any {
		c := *it
		c.Tasks, c.Text = nil, ""
		return &c
	})
}

// sum is the sha256 of the JSON of what view gives, made once per run for
// the entity at the pointer p (two jobs may make it at once: both get the
// same).
func (k *keys) sum(p any, view func() any) string {
	k.sumsMu.Lock()
	s, ok := k.sums[p]
	k.sumsMu.Unlock()
	if ok {
		return s
	}
	s = hashJSON(view())
	k.sumsMu.Lock()
	defer k.sumsMu.Unlock()
	if k.sums == nil {
		k.sums = map[any]string{}
	}
	k.sums[p] = s
	return s
}

// progressView is the dept's part of the 督办 snapshot, nil without one.
// A dept's files that come to show more of the snapshot (the trend, the
// other depts' standing) must add it here, or --incremental would reuse
// a stale file.
func progressView(s *progress.Snapshot, dept string, tasks map[string]bool) *deptProgress {
	if s == nil {
		return nil
	}
	p := &deptProgress{Period: s.Period}
	for i := range s.Depts {
		if s.Depts[i].Dept == dept {
			p.Dept = &s.Depts[i]
		}
	}
	for i := range s.Tasks {
		if tasks[s.Tasks[i].TaskID] {
			p.Tasks = append(p.Tasks, &s.Tasks[i])
		}
	}
	return p
}

// hashJSON is the hex sha256 of v's JSON; "" (never reused) if v has no
// JSON, as a NaN would. The JSON is encoding/json/v2's (go-json-experiment,
// maps sorted, strings as they are), which encodes the depts' views in
// about half encoding/json's time: a key only has to be the same for the
// same view, and differ for another; these bytes are written nowhere.
func hashJSON(v any) string {
	b, err := keyJSON(v)
	if err != nil {
		return ""
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// keyJSON is v's JSON as the keys encode it (hashJSON, deptKeyView.sum).
func keyJSON(v any) ([]byte, error) {
	return jsonv2.Marshal(v, jsonv2.Deterministic(true), jsontext.AllowInvalidUTF8(true))
}

// chartPageDept maps a dashboard page to the dept it is the page of: the
// charts package names them dept/<stem>.html.
func chartPageDept(stems map[string]string) func(page string) (string, bool) {
	byStem := make(map[string]string, len(stems))
	for d, s := range stems {
		byStem["dept/"+s+".html"] = d
	}
	return func(page string) (string, bool) {
		if !strings.HasPrefix(page, "dept/") {
			return "", false
		}
		d, ok := byStem[page]
		return d, ok
	}
}

// reuseFrom is the previous pack whose files --incremental may reuse, or
// nil.
func (r *Run) reuseFrom() *prevPack {
	if !r.opt.Incremental || r.prev == nil || r.prev.manifest == nil {
		return nil
	}
	return r.prev
}

// prevFile is a file of the previous pack that --incremental may reuse.
type prevFile struct {
	path  string      // where it is, below DIR
	info  fs.FileInfo // what was checked there
	entry FileEntry   // the previous manifest's entry
	data  []byte      // its bytes, when they had to be read to be trusted
}

// reusable returns the previous pack's file for f when --incremental may
// reuse it: the previous manifest lists f's path with the same content
// key, and the regular file there (no link anywhere on its path) still
// is what the manifest says. A file of the recorded size, not modified
// since the manifest was written, is trusted without being read; any
// other is read and must have the recorded hash, and the bytes read are
// the bytes published.
func (p *prevPack) reusable(f *File) (*prevFile, bool) {
	e, ok := p.sameKey(f)
	if !ok {
		return nil, false
	}
	return p.intact(e)
}

// sameKey returns the previous manifest's entry at f's path when it has
// f's key, and f has one.
func (p *prevPack) sameKey(f *File) (FileEntry, bool) {
	if p == nil || f.Key == "" {
		return FileEntry{}, false
	}
	e, ok := p.files[f.Path]
	return e, ok && e.Key == f.Key
}

// intact returns the previous pack's file of a manifest entry when it
// still is what the entry says: a regular file (no link anywhere on its
// path) of the recorded size not modified since the manifest was
// written, or else one whose bytes, read, have the recorded hash.
func (p *prevPack) intact(e FileEntry) (*prevFile, bool) {
	if e.SHA256 == "" {
		return nil, false
	}
	fi, err := p.stat(e.Path)
	if err != nil {
		return nil, false
	}
	src := &prevFile{path: filepath.Join(p.dir, filepath.FromSlash(e.Path)), info: fi, entry: e}
	if fi.Size() == e.Bytes && !fi.ModTime().After(p.written) {
		return src, true
	}
	fi, data, ok := p.readChecked(e)
	if !ok {
		return nil, false
	}
	src.info, src.data = fi, data
	return src, true
}

// readChecked reads the previous pack's file of a manifest entry and
// returns it, with the info of the file read, when its bytes have the
// recorded hash.
func (p *prevPack) readChecked(e FileEntry) (fs.FileInfo, []byte, bool) {
	fi, data, err := p.readInfo(e.Path, maxPrevFile)
	if err != nil || sha(data) != e.SHA256 {
		return nil, nil, false
	}
	return fi, data, true
}

// intactBytes returns the previous pack's file of manifest entry e and
// its bytes, when the file is intact and its bytes checked
// (checkedBytes); nil bytes otherwise.
func (p *prevPack) intactBytes(e FileEntry) (*prevFile, []byte) {
	src, ok := p.intact(e)
	if !ok {
		return nil, nil
	}
	return src, p.checkedBytes(src)
}

// checkedBytes returns the bytes of a previous file intact or reusable
// gave: those it read to check the file; or, for a file trusted by its
// size and time, read now from that very file and trusted as a hard link
// to it would be, without hashing them; else read and checked against the
// recorded hash. It returns nil when they no longer have it.
func (p *prevPack) checkedBytes(src *prevFile) []byte {
	if src.data != nil {
		return src.data
	}
	fi, data, err := p.readInfo(src.entry.Path, maxPrevFile)
	switch {
	case err != nil:
		return nil
	case os.SameFile(fi, src.info) && fi.Size() == src.entry.Bytes && fi.ModTime().Equal(src.info.ModTime()):
		return data
	case sha(data) != src.entry.SHA256:
		return nil
	}
	return data // another file, or changed since: the bytes read, checked
}

// reuse puts the previous pack's file for f into the new pack, if it may
// be reused and can be: hard-linked (the file checked, never what a link
// points to), or written from the bytes checked. It reports whether f
// was reused; if not, f is to be rendered.
func (r *Run) reuse(prev *prevPack, f *File) bool {
	src, ok := prev.reusable(f)
	if !ok {
		return false
	}
	if src.data == nil && r.pub.link(f, src) != nil {
		// not linked (another file system, a file replaced meanwhile):
		// read it, checked like any other
		fi, data, ok := prev.readChecked(src.entry)
		if !ok {
			return false
		}
		src.info, src.data = fi, data
	}
	if src.data != nil {
		r.pub.send(f, src.data)
	}
	f.reused = true
	f.Subsets = src.entry.Subsets
	f.Parts = src.entry.Parts
	return true
}

// stopUnchanged is the short way of --incremental: when the pack in DIR
// was made, with no failure, by this very build (Options.Build) from the
// same input bytes and the same inputs (date, config, templates, fonts,
// dept directory) as this run, and every file its manifest lists is
// still what the manifest says, the run stops before extracting: it
// would make the same pack. Nothing is written and DIR is left as it is.
// A run with a ledger never stops here (the ledger's returns are inputs
// too), nor one whose build is unknown; such runs tell an unchanged pack
// only after rendering it (sameAsPrevious).
func stopUnchanged(_ context.Context, r *Run) error {
	// the first stage to read the previous pack; what opening it skipped
	// is this stage's to tell
	skips := r.joinPrevious()
	if skips != nil {
		if _, ok := skipped(skips); !ok {
			return skips
		}
	}
	r.unchanged = unchanged(r)
	return skips
}

// unchanged reports whether the pack in DIR is what this run would make,
// and if so lists its files as this run's.
func unchanged(r *Run) bool {
	prev := r.reuseFrom()
	if prev == nil || r.opt.Build == "" || r.cfg.Ledger != "" || r.opt.snapshot != nil {
		return false
	}
	m := prev.manifest
	if m.Status != "ok" || len(m.Failures) > 0 || m.Tool != r.tool() {
		return false
	}
	a, errA := json.Marshal(m.Inputs)
	b, errB := json.Marshal(r.inputs(r.text.Source()))
	if errA != nil || errB != nil || !bytes.Equal(a, b) {
		return false
	}
	files := make([]*File, 0, len(m.Files))
	for _, e := range m.Files {
		if _, ok := prev.intact(e); !ok { // nor a path outside the pack
			return false
		}
		files = append(files, &File{Path: e.Path, Kind: e.Kind, Dept: e.Dept, Key: e.Key, SHA256: e.SHA256, Size: e.Bytes, Subsets: e.Subsets, Parts: e.Parts, reused: true})
	}
	r.files = files
	return true
}

// sameAsPrevious reports whether an --incremental run changes nothing of the
// pack in DIR: the model is the previous one (the caller checks), every
// file was reused, and the manifest m (less model.json and the change
// report, not yet made) lists the same files with the same inputs,
// counts and warnings as the previous manifest. Such a run publishes
// nothing: DIR keeps its pack, change report included, which still
// tells the last change.
func (r *Run) sameAsPrevious(m *Manifest) bool {
	prev := r.reuseFrom()
	if prev == nil || len(r.failures) > 0 {
		return false
	}
	for _, f := range r.files {
		if !f.reused {
			return false
		}
	}
	norm := func(m Manifest) ([]byte, error) {
		var files []FileEntry
		for _, f := range m.Files {
			if f.Kind != KindModel && f.Kind != KindChanges {
				f.Origin = ""
				files = append(files, f)
			}
		}
		m.Files = files
		return json.Marshal(m)
	}
	a, err := norm(*m)
	if err != nil {
		return false
	}
	b, err := norm(*prev.manifest)
	return err == nil && bytes.Equal(a, b)
}
