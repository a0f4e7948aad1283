package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"fengong/export"
	"fengong/extract"
)

const (
	manifestName = "manifest.json"
	modelName    = "model.json"
)

// Manifest is manifest.json: every file of the pack with its hash, and the
// run's inputs. It holds no time stamps or paths of the machine, so two
// runs on the same input write the same manifest.
type Manifest struct {
	Tool     Tool        `json:"tool"`
	Inputs   Inputs      `json:"inputs"`
	Status   string      `json:"status"` // ok, partial
	Counts   Counts      `json:"counts"`
	Files    []FileEntry `json:"files"`
	Failures []Failure   `json:"failures"`
	Warnings []string    `json:"warnings"`

	changed bool
}

// Tool names the program that wrote the pack.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// Build is the Go build ID of the binary (Options.Build), which any
	// change of its code changes; omitted when unknown.
	Build string `json:"build,omitempty"`
}

// Inputs are what the pack was made from.
type Inputs struct {
	Source extract.Source    `json:"source"`
	Date   string            `json:"date"`
	Config ManifestConfig    `json:"config"`
	Hashes map[string]string `json:"hashes"` // sha256 of templates and fonts in use
}

// ManifestConfig is the part of the config that shapes the output.
type ManifestConfig struct {
	Title   string   `json:"title"`
	Formats []string `json:"formats"`
	Depts   []string `json:"depts"`
	Names   Names    `json:"names"`
	// Period is the 督办 period the pack shows the status of; omitted
	// without a ledger.
	Period string `json:"period,omitempty"`
	// Return is the config's return: block the workbooks print; omitted
	// when there is none.
	Return *Return `json:"return,omitempty"`
}

// Counts summarise the model.
type Counts struct {
	Items    int `json:"items"`
	Tasks    int `json:"tasks"`
	Depts    int `json:"depts"`
	Targets  int `json:"targets"`
	Lists    int `json:"lists"`
	Warnings int `json:"warnings"`
}

// FileEntry is one file of the pack.
type FileEntry struct {
	Path   string      `json:"path"`
	Kind   string      `json:"kind"`
	Dept   string      `json:"dept,omitempty"`
	Tasks  *TaskCounts `json:"tasks,omitempty"`
	Bytes  int64       `json:"bytes"`
	SHA256 string      `json:"sha256"`
	Key    string      `json:"key,omitempty"`
	// Subsets are where a PDF holds its faces' deflated subsets, for the
	// next --incremental run (subsets.go).
	Subsets []SubsetRef `json:"subsets,omitempty"`
	// Parts are a workbook's worksheet parts and their keys, for
	// the next --incremental run (parts.go).
	Parts []PartRef `json:"parts,omitempty"`
	// Origin says whether this run rendered the file or, with
	// --incremental, reused the previous pack's bytes.
	Origin string `json:"origin"`
}

// The origins of a file.
const (
	OriginRendered = "rendered"
	OriginReused   = "reused"
)

// TaskCounts are a dept's tasks by role.
type TaskCounts struct {
	Lead       int `json:"lead"`
	Co         int `json:"co"`
	Respective int `json:"respective"`
	All        int `json:"all"`
}

// buildManifest adds model.json and the change report, hashes every file
// and builds manifest.json.
func buildManifest(_ context.Context, r *Run) error {
	model := r.model
	if model == nil { // the export stage did not run
		var err error
		if model, err = marshal(r.doc); err != nil {
			return err
		}
	}
	// the change report is made again from the previous model, read
	// safely; never copied from the old pack. The export stage makes it,
	// one of its jobs; here when that stage did not.
	if r.changes == nil {
		r.makeChanges(r.exportOptions())
	}
	rep, err := r.changes()
	if err != nil {
		return err
	}
	skip := rep.skip
	changed := rep.prevModel == nil || !bytes.Equal(rep.prevModel, model)

	m := &Manifest{
		Tool:     r.tool(),
		Inputs:   r.inputs(r.doc.Source),
		Status:   "ok",
		Counts:   Counts{Items: len(r.doc.Items), Tasks: r.doc.TaskCount(), Depts: len(r.doc.Depts), Targets: len(r.doc.Targets), Lists: len(r.doc.Lists), Warnings: len(r.doc.Warnings)},
		Failures: r.failures,
		changed:  changed,
	}
	if len(r.failures) > 0 {
		m.Status = "partial"
	}
	if m.Failures == nil {
		m.Failures = []Failure{}
	}
	sort.Slice(m.Failures, func(i, j int) bool { return m.Failures[i].Path < m.Failures[j].Path })
	m.Warnings = []string{}
	for _, w := range r.doc.Warnings {
		m.Warnings = append(m.Warnings, r.doc.Source.Name+":"+strconv.Itoa(w.Line)+": "+w.Message)
	}
	m.Warnings = append(m.Warnings, r.warnings...)
	r.manifest = m
	if err := r.listFiles(m); err != nil {
		return err
	}
	if !changed && r.sameAsPrevious(m) {
		r.unchanged = true // DIR is left as it is: publish does not run
		return skip
	}

	for _, f := range []struct {
		file *File
		data []byte
	}{{&File{Path: modelName, Kind: KindModel}, model}, {&File{Path: r.cfg.Names.Changes, Kind: KindChanges}, rep.md},
		{&File{Path: changesHTMLName(r.cfg.Names.Changes), Kind: KindChanges}, rep.html}} {
		if err := r.pub.put(f.file, f.data); err != nil {
			return err
		}
		r.files = append(r.files, f.file)
	}
	if err := r.listFiles(m); err != nil {
		return err
	}
	return skip
}

// changeReport is the run's change report, and the previous model it
// compares with.
type changeReport struct {
	prevModel []byte // the previous model.json; nil for none
	skip      error  // why no previous model was compared, if none was
	md, html  []byte
}

// makeChanges makes the change report, with the run's export options;
// r.changes returns it. The export stage runs it as a job after the
// whole-pack files (it needs only the model and the previous pack's, and
// only as the pack is published).
func (r *Run) makeChanges(opt export.Options) {
	rep, err := r.changeReport(opt)()
	r.changes = func() (changeReport, error) { return rep, err }
}

// changeReport is what makes the change report against the previous pack.
func (r *Run) changeReport(opt export.Options) func() (changeReport, error) {
	prev, doc := r.prev, r.doc
	return func() (changeReport, error) {
		prevDoc, prevModel, skip := prev.model()
		md, html, err := renderChangeReports(prevDoc, doc, opt)
		return changeReport{prevModel: prevModel, skip: skip, md: md, html: html}, err
	}
}

// tool is the program this run is.
func (r *Run) tool() Tool {
	return Tool{Name: "fengong", Version: r.opt.Version, Build: r.opt.Build}
}

// inputs are what this run makes the pack from, the model's source
// aside.
func (r *Run) inputs(src extract.Source) Inputs {
	return Inputs{
		Source: src,
		Date:   r.date.Format("2006-01-02"),
		Config: ManifestConfig{Title: r.cfg.Title, Formats: r.cfg.Formats, Depts: nonNil(r.cfg.Depts), Names: r.cfg.Names, Period: r.period(), Return: r.cfg.Return.orNil()},
		Hashes: r.hashes,
	}
}

// listFiles lists r.files in m, sorted by path.
func (r *Run) listFiles(m *Manifest) error {
	sort.Slice(r.files, func(i, j int) bool { return r.files[i].Path < r.files[j].Path })
	m.Files = m.Files[:0]
	for i, f := range r.files {
		if i > 0 && r.files[i-1].Path == f.Path {
			return fmt.Errorf("two outputs want the same path %s", f.Path)
		}
		e := FileEntry{Path: f.Path, Kind: f.Kind, Dept: f.Dept, Bytes: f.Size, SHA256: f.SHA256, Key: f.Key, Subsets: f.Subsets, Parts: f.Parts, Origin: OriginRendered}
		if f.reused {
			e.Origin = OriginReused
		}
		if d := r.doc.Dept(f.Dept); d != nil {
			e.Tasks = &TaskCounts{Lead: d.Lead, Co: d.Co, Respective: d.Respective, All: d.All}
		}
		m.Files = append(m.Files, e)
	}
	return nil
}

// marshal is the one JSON encoding of the pack: indented, HTML left as is,
// the bytes json.MarshalIndent gives with two spaces. It encodes
// compactly, then indents with indentJSON into a buffer sized for it
// once: json.Indent's scanner, which checks every byte of its input, took
// three times as long as the encoding (2–4 ms for manifest.json's 190 KB,
// on the main goroutine as the pack is published).
func marshal(v any) ([]byte, error) {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return indentJSON(make([]byte, 0, compact.Len()+compact.Len()/2), compact.Bytes()), nil
}

// indentJSON appends to dst the compact JSON src, as encoding/json writes
// it (no space outside strings), indented as json.Indent(dst, src, "",
// "  ") does: each element on a line of its own, "key": value, an empty
// object or array as {} or [], and src's trailing newline kept. It does
// not check src: only strings, whose quotes and escapes it follows, are
// copied as they are.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
