package batch

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"fengong/export"
	"fengong/extract"
	"fengong/extract/synth"
	"fengong/progress"
	"fengong/templates"
)

// origins maps each file of a pack to its origin, rendered or reused.
func origins(t *testing.T, dir string) map[string]FileEntry {
	t.Helper()
	out := map[string]FileEntry{}
	for _, f := range readManifest(t, dir).Files {
		out[f.Path] = f
	}
	return out
}

// What --incremental must not reuse: a change to any model field a file
// reads (Task.Leaders was not in the hand-kept list the keys
// used to hash), a template, a font or the date renders the files that
// read it again; the files that do not read it are reused.
func TestIncrementalInvalidation(t *testing.T) {
	const dept = "省商务厅"
	stem := "单位/" + dept + "/" + dept
	templateDir := t.TempDir()
	pdfYAML, err := templates.Default().ReadFile("pdf.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(templateDir, "pdf.yaml"), append(pdfYAML, "\n# edited\n"...), 0o644)
	font, err := filepath.Abs(filepath.Join("..", "pdf", "font", "wqy-microhei.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	// touched are the depts of the item an edit touched: the others'
	// files must all be reused
	var touched map[string]bool
	firstTask := func(d *extract.Document, f func(*extract.Item, *extract.Task)) {
		a := leadTask(t, d, dept)
		f(a.Item, a.Task)
		touched = map[string]bool{}
		for _, t := range a.Item.Tasks {
			for _, n := range t.Depts() {
				touched[n] = true
			}
		}
	}
	cases := []struct {
		name     string
		change   func(*Options)
		rendered []string // files that must be rendered again
		reused   []string // files that must be reused
	}{
		{"title", func(o *Options) { o.Flags.Title = "另一个标题" },
			[]string{stem + ".pdf", stem + ".xlsx", "汇总/汇总表.xlsx", "charts/dept/" + dept + ".html"}, nil},
		{"task leaders", func(o *Options) {
			o.editModel = func(d *extract.Document) {
				firstTask(d, func(_ *extract.Item, t *extract.Task) { t.Leaders = []string{"张三"} })
			}
		}, []string{stem + ".pdf", stem + ".xlsx", "汇总/汇总表.xlsx", "charts/index.html", "charts/dept/" + dept + ".html"}, nil},
		{"item section", func(o *Options) {
			o.editModel = func(d *extract.Document) {
				firstTask(d, func(it *extract.Item, _ *extract.Task) { it.Section = d.Sections[len(d.Sections)-1].Number })
			}
		}, []string{stem + ".pdf", stem + ".xlsx"}, nil},
		// a dept's files show the targets of its items and the named
		// lists of its tasks: 省发展改革委 leads item 2's targets and task
		// 3.1's 十大基础设施项目
		{"target value", func(o *Options) {
			o.editModel = func(d *extract.Document) {
				for i := range d.Targets {
					if d.Targets[i].Text == "粮食产量600亿斤以上" {
						d.Targets[i].Value = 650
					}
				}
			}
		}, []string{"单位/省发展改革委/省发展改革委.pdf", "单位/省发展改革委/省发展改革委.xlsx"}, []string{stem + ".xlsx"}},
		{"list member", func(o *Options) {
			o.editModel = func(d *extract.Document) {
				for i := range d.Lists {
					if d.Lists[i].Name == "十大基础设施项目" {
						d.Lists[i].Members = append(d.Lists[i].Members[:len(d.Lists[i].Members):len(d.Lists[i].Members)], "湘江航道")
					}
				}
			}
		}, []string{"单位/省发展改革委/省发展改革委.pdf", "单位/省发展改革委/省发展改革委.xlsx", "单位/省财政厅/省财政厅.xlsx"}, []string{stem + ".xlsx"}},
		{"template", func(o *Options) { o.Flags.Templates = templateDir },
			[]string{stem + ".pdf", "汇总/总体简报.pdf", "单位/省财政厅/省财政厅.pdf"},
			[]string{stem + ".xlsx", "汇总/汇总表.xlsx", "charts/dept/" + dept + ".html"}},
		{"font", func(o *Options) { o.Flags.Fonts = Fonts{Heading: font} },
			[]string{stem + ".pdf", "汇总/总体简报.pdf"}, []string{stem + ".xlsx", "charts/index.html"}},
		{"date", func(o *Options) { o.Flags.Date = "2022-03-02" },
			[]string{stem + ".pdf", stem + ".xlsx", "汇总/汇总表.xlsx", "charts/dept/" + dept + ".html"}, nil},
	}
	base := t.TempDir()
	first := filepath.Join(base, "first")
	mustRun(t, testOptions(first))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(base, c.name)
			copyTree(t, first, out)
			opt := testOptions(out)
			opt.Incremental = true
			touched = nil
			c.change(&opt)
			mustRun(t, opt)
			got := origins(t, out)
			if touched != nil {
				n := 0
				for p, f := range got {
					if f.Dept != "" && !touched[f.Dept] && f.Origin != OriginReused {
						t.Errorf("%s: rendered again, but the edit left %s alone", p, f.Dept)
					}
					if f.Dept != "" && !touched[f.Dept] {
						n++
					}
				}
				if n < 100 {
					t.Errorf("only %d files of untouched depts", n)
				}
			}
			for _, p := range c.rendered {
				if f, ok := got[p]; !ok || f.Origin != OriginRendered {
					t.Errorf("%s: origin %q, want rendered", p, f.Origin)
				}
			}
			for _, p := range c.reused {
				if f, ok := got[p]; !ok || f.Origin != OriginReused {
					t.Errorf("%s: origin %q, want reused", p, f.Origin)
				}
			}
		})
	}
}

// The 督办 snapshot is part of a dept's keys: a change to one of the
// dept's task states changes its keys and no other dept's.
func TestKeysProgress(t *testing.T) {
	r := &Run{opt: testOptions(""), date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), hashes: map[string]string{}}
	dir, err := extract.LoadDirectory(templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Parse(mustRead(t), dir)
	if err != nil {
		t.Fatal(err)
	}
	r.doc = doc
	names := make([]string, len(doc.Depts))
	for i, d := range doc.Depts {
		names[i] = d.Name
	}
	r.stems, _ = export.DeptStems(names)
	const dept = "省商务厅"
	a := leadTask(t, doc, dept)
	task := a.Task.ID
	other := ""
	for _, d := range doc.Depts {
		if a.Task.RoleOf(d.Name) == "" {
			other = d.Name
			break
		}
	}
	snap := func(status progress.Status) *progress.Snapshot {
		return &progress.Snapshot{Period: progress.Period{Key: "2022-03"}, Tasks: []progress.TaskState{{TaskID: task, Status: status}}}
	}
	key := func(s *progress.Snapshot, d string) string {
		return r.newKeys(export.Options{Progress: s}, func() ([]byte, error) { return []byte("{}"), nil }).dept(KindDeptWorkbook, d)
	}
	none, green, red := key(nil, dept), key(snap(progress.Green), dept), key(snap(progress.Red), dept)
	if none == green || green == red || none == red {
		t.Errorf("the dept's keys do not follow its task states: %s %s %s", none, green, red)
	}
	if key(snap(progress.Green), other) != key(snap(progress.Red), other) {
		t.Errorf("another dept's task state changed %s's key", other)
	}
}

func mustRead(t *testing.T) *extract.Text {
	t.Helper()
	txt, err := extract.Read(testOptions("").SeedName, testOptions("").Seed)
	if err != nil {
		t.Fatal(err)
	}
	return txt
}

// leadTask is the first task dept leads that is not every dept's.
func leadTask(t *testing.T, d *extract.Document, dept string) extract.Assignment {
	t.Helper()
	for _, a := range d.TasksOf(dept) {
		if a.Role == extract.RoleLead && !a.Task.All {
			return a
		}
	}
	t.Fatalf("%s leads no task", dept)
	return extract.Assignment{}
}

// With nothing changed, --incremental rewrites nothing: every file is
// reused and DIR is left as it is, to the inode and the modification time;
// after an edit, the files reused are hard links to the checked files of
// the previous pack, not copies.
func TestIncrementalNothingChanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	stat := func() map[string]os.FileInfo {
		m := map[string]os.FileInfo{}
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				m[p], _ = os.Lstat(p)
			}
			return err
		})
		return m
	}
	before, bytesBefore := stat(), tree(t, out)
	opt := testOptions(out)
	opt.Incremental = true
	res := mustRun(t, opt)
	if res.Reused != res.Files {
		t.Errorf("reused %d of %d files", res.Reused, res.Files)
	}
	after := stat()
	if len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	}
	for p, a := range after {
		b := before[p]
		if b == nil || !os.SameFile(a, b) || !a.ModTime().Equal(b.ModTime()) {
			t.Errorf("%s: rewritten", p)
		}
	}
	sameTree(t, bytesBefore, tree(t, out))

	// one dept's task edited: the others' files are the same inodes
	opt.Flags.Input = writeInput(t, "hunan-2022-修订.txt", editedSeed(t))
	res = mustRun(t, opt)
	linked := 0
	for p, a := range stat() {
		if b := before[p]; b != nil && os.SameFile(a, b) {
			linked++
		}
	}
	if linked != res.Reused || linked < 100 {
		t.Errorf("%d files of the previous pack linked, %d reused", linked, res.Reused)
	}
	checkPack(t, out)
}

// The keys' index gives every dept the tasks of Document.TasksOf and the
// targets of Document.TargetsOf (each as its JSON's sha256), in the same
// order.
func TestDeptIndex(t *testing.T) {
	dir, err := extract.LoadDirectory(templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []struct {
		name string
		data []byte
	}{{"seed", testOptions("").Seed}, {"synth", synth.Document(2)}} {
		txt, err := extract.Read(in.name+".txt", in.data)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Parse(txt, dir)
		if err != nil {
			t.Fatal(err)
		}
		k := &keys{index: doc.Index()}
		for _, d := range doc.Depts {
			v := k.deptView(d.Name)
			want := doc.TasksOf(d.Name)
			if len(v.Tasks) != len(want) {
				t.Fatalf("%s %s: %d tasks, TasksOf gives %d", in.name, d.Name, len(v.Tasks), len(want))
			}
			for i, a := range want {
				if got := v.Tasks[i]; got.Task != hashJSON(a.Task) || got.Role != a.Role || got.Item != k.itemSum(a.Item) {
					t.Errorf("%s %s: task %d is %s %s, want %s %s", in.name, d.Name, i, got.Task, got.Role, a.Task.ID, a.Role)
				}
			}
			var targets []string // the view holds each target's sum
			for _, tg := range doc.TargetsOf(d.Name) {
				targets = append(targets, hashJSON(tg))
			}
			if got := v.Targets; !reflect.DeepEqual(got, targets) {
				t.Errorf("%s %s: targets %v, want the sums of %v", in.name, d.Name, got, doc.TargetsOf(d.Name))
			}
			if v.Dept == nil || v.Dept.Name != d.Name {
				t.Errorf("%s %s: dept record %v", in.name, d.Name, v.Dept)
			}
		}
	}
}

// A file of the previous pack written to after its manifest (a dept's
// workbook filled in where it lies, say) is read again and, its bytes no
// longer those recorded, rendered again, even at the same size.
func TestIncrementalRereadsModifiedFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	const rel = "单位/省财政厅/省财政厅.xlsx"
	p := filepath.Join(out, filepath.FromSlash(rel))
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := append([]byte(nil), want...)
	edited[len(edited)/2] ^= 0xff
	if err := os.WriteFile(p, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	// a modification time after the manifest's, whatever the clock's grain
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	opt := testOptions(out)
	opt.Incremental = true
	mustRun(t, opt)
	if f := origins(t, out)[rel]; f.Origin != OriginRendered {
		t.Errorf("%s: origin %q, want rendered", rel, f.Origin)
	}
	got, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: not rendered again", rel)
	}
}

// --incremental stops before extracting when the pack in DIR was made by
// the same build from the same input and inputs, and its files are still
// there as its manifest says; any difference makes it go on.
func TestIncrementalStopsUnchanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	opt := testOptions(out)
	opt.Build = "build-1"
	mustRun(t, opt)
	if m := readManifest(t, out); m.Tool.Build != "build-1" {
		t.Fatalf("manifest tool.build %q", m.Tool.Build)
	}
	opt.Incremental = true
	run := func(o Options) (Result, []string) {
		t.Helper()
		var stages []string
		o.afterRun = func(s string) { stages = append(stages, s) }
		return mustRun(t, o), stages
	}
	extracted := func(stages []string) bool { return slices.Contains(stages, "extract") }

	before, bytesBefore := tree(t, out), readManifest(t, out)
	res, stages := run(opt)
	if !res.Unchanged || extracted(stages) || len(stages) != 4 {
		t.Fatalf("same build and inputs: unchanged %v after stages %v, want a stop after read", res.Unchanged, stages)
	}
	if res.Files != len(bytesBefore.Files) || res.Reused != res.Files {
		t.Errorf("stopped run: %d files, %d reused; the pack has %d", res.Files, res.Reused, len(bytesBefore.Files))
	}
	sameTree(t, before, tree(t, out))

	// each of these goes on to extract
	other := opt
	other.Build = ""
	if _, stages := run(other); !extracted(stages) {
		t.Errorf("unknown build: stages %v, want extracted", stages)
	}
	if _, stages := run(other); !extracted(stages) {
		t.Errorf("unknown build again: stages %v, want extracted", stages)
	}
	other.Build = "build-2"
	if res, stages := run(other); !extracted(stages) || res.Unchanged {
		t.Errorf("another build: stages %v, unchanged %v; want the pack made again under its name", stages, res.Unchanged)
	}
	if m := readManifest(t, out); m.Tool.Build != "build-2" {
		t.Errorf("after another build: manifest tool.build %q", m.Tool.Build)
	}
	if _, stages := run(other); extracted(stages) {
		t.Errorf("build-2 again: stages %v, want a stop", stages)
	}
	other.Flags.Date = "2022-03-02"
	if _, stages := run(other); !extracted(stages) {
		t.Errorf("another date: stages %v", stages)
	}
	// the config's return: block, which only the workbooks print
	other.Flags.Return = Return{Due: "2022-03-20", To: "省政府办公厅督查室"}
	if _, stages := run(other); !extracted(stages) {
		t.Errorf("another return: block: stages %v", stages)
	}
	if m := readManifest(t, out); m.Inputs.Config.Return == nil || m.Inputs.Config.Return.Due != "2022-03-20" {
		t.Errorf("manifest inputs.config.return: %+v", m.Inputs.Config.Return)
	}
	if _, stages := run(other); extracted(stages) {
		t.Errorf("the same return: block again: stages %v, want a stop", stages)
	}
	other.Flags.Input = writeInput(t, "hunan-2022-修订.txt", editedSeed(t))
	if _, stages := run(other); !extracted(stages) {
		t.Errorf("another input: stages %v", stages)
	}
	if _, stages := run(other); extracted(stages) {
		t.Errorf("the edited input again: stages %v, want a stop", stages)
	}
	// a file of the pack changed behind the manifest's back is rendered again
	const rel = "单位/省财政厅/省财政厅.xlsx"
	p := filepath.Join(out, filepath.FromSlash(rel))
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, want[:len(want)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stages := run(other); !extracted(stages) {
		t.Errorf("a damaged file: stages %v", stages)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, want) {
		t.Errorf("%s: not rendered again", rel)
	}
	checkPack(t, out)
}

// A file of the previous pack changed after the look-ahead stat'ed it (a
// new file of the same size in its place, which may well get the freed
// inode's number; or its bytes written over, the inode kept) is not
// reused as it is: it is rendered again, and the pack is a full run's.
// (A file of the recorded size not modified since the manifest is
// trusted by design, however it came there.)
func TestLookAheadChangedSince(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack")
	mustRun(t, testOptions(out))
	const replaced, written = "单位/省财政厅/省财政厅.xlsx", "单位/省教育厅/省教育厅.pdf"
	opt := testOptions(out)
	opt.Incremental = true
	looked := false
	opt.lookedAhead = func() {
		looked = true
		p := filepath.Join(out, filepath.FromSlash(replaced))
		fi, err := os.Stat(p)
		if err != nil {
			t.Error(err)
			return
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Error(err)
			return
		}
		b[len(b)/2] ^= 0xff
		if err := os.Remove(p); err != nil {
			t.Error(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Error(err)
		}
		// later than the time stat'ed, whatever the clock's grain
		later := fi.ModTime().Add(time.Second)
		if err := os.Chtimes(p, later, later); err != nil {
			t.Error(err)
		}
		f, err := os.OpenFile(filepath.Join(out, filepath.FromSlash(written)), os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
			return
		}
		if _, err := f.WriteAt([]byte("tampered"), 1000); err != nil {
			t.Error(err)
		}
		f.Close()
		later = later.Add(time.Second)
		if err := os.Chtimes(filepath.Join(out, filepath.FromSlash(written)), later, later); err != nil {
			t.Error(err)
		}
	}
	mustRun(t, opt)
	if !looked {
		t.Fatal("the look-ahead did not run")
	}
	for _, rel := range []string{replaced, written} {
		if f := origins(t, out)[rel]; f.Origin != OriginRendered {
			t.Errorf("%s: origin %q, want rendered", rel, f.Origin)
		}
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	mustRun(t, testOptions(fresh))
	a, b := tree(t, fresh), tree(t, out)
	for _, p := range []string{"变更.md", "变更.html", manifestName} {
		delete(a, p)
		delete(b, p)
	}
	sameTree(t, a, b)
}
