package pdf

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"golang.org/x/sync/errgroup"

	"fengong/export"
	"fengong/export/pdf/draw"
	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
	"fengong/extract"
	"fengong/templates"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenDept is the fixture dept whose layout and text are kept.
const goldenDept = "省发展改革委"

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff\n%s", name, firstDiff(string(got), string(want)))
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < min(len(g), len(w)); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}

func TestGoldenLayout(t *testing.T) {
	_, r := newFixtureRenderer(t)
	dl, err := r.DeptLayout(goldenDept)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := r.BriefLayout()
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range map[string]*Layout{"dept_layout.json": dl, "brief_layout.json": bl} {
		b, err := json.MarshalIndent(l, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		golden(t, name, append(b, '\n'))
	}
}

// pdftotext extracts the text of each PDF in content order (-raw), all at
// once and concurrently; it skips the test when poppler is not installed.
func pdftotext(t *testing.T, pdfs map[string][]byte) map[string]string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	names := make([]string, 0, len(pdfs))
	for name := range pdfs {
		names = append(names, name)
	}
	slices.Sort(names)
	out := make([]string, len(names))
	var g errgroup.Group
	g.SetLimit(2 * runtime.NumCPU()) // pdftotext mostly waits
	for i, name := range names {
		g.Go(func() error {
			path := filepath.Join(dir, fmt.Sprintf("%d.pdf", i))
			if err := os.WriteFile(path, pdfs[name], 0o644); err != nil {
				return err
			}
			b, err := exec.Command(bin, "-raw", "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				return fmt.Errorf("pdftotext %s: %w", name, err)
			}
			out[i] = string(b)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	texts := make(map[string]string, len(names))
	for i, name := range names {
		texts[name] = out[i]
	}
	return texts
}

var folio = regexp.MustCompile(`—\d+—`)

// squash removes white space, page numbers and repeated header rows, so
// that a table cell split across pages reads as one run.
func squash(s string, headers ...string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	s = folio.ReplaceAllString(s, "")
	for _, h := range headers {
		s = strings.ReplaceAll(s, h, "")
	}
	return s
}

// renderAll renders the brief of every dept of doc.
func renderAll(t *testing.T, doc *extract.Document, r *Renderer) map[string][]byte {
	t.Helper()
	pdfs := make(map[string][]byte, len(doc.Depts))
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for _, d := range doc.Depts {
		g.Go(func() error {
			b, err := r.Dept(d.Name)
			if err != nil {
				return fmt.Errorf("Dept(%q): %w", d.Name, err)
			}
			mu.Lock()
			pdfs[d.Name] = b
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	return pdfs
}

// checkRoundTrip checks that each dept's PDF text holds every task text of
// the dept and none of the long task texts of tasks it does not carry.
func checkRoundTrip(t *testing.T, doc *extract.Document, r *Renderer, texts map[string]string) {
	t.Helper()
	w := r.words.Dept
	headers := []string{
		squash(strings.Join(w.LeadColumns, "")), squash(strings.Join(w.SharedColumns, "")),
		squash(strings.Join(w.CoColumns, "")), squash(strings.Join(w.AllColumns, "")),
	}
	for _, d := range doc.Depts {
		got := squash(texts[d.Name], headers...)
		if got == "" {
			t.Errorf("%q: no text extracted", d.Name)
			continue
		}
		for i := range doc.Items {
			for j := range doc.Items[i].Tasks {
				task := &doc.Items[i].Tasks[j]
				want := squash(r.clean(layout.FontBody, task.Text, nil))
				if want == "" {
					continue
				}
				carries := task.RoleOf(d.Name) != ""
				switch {
				case carries && !strings.Contains(got, want):
					t.Errorf("%q: the PDF text lacks task %s %q", d.Name, task.ID, want)
				case !carries && utf8.RuneCountInString(want) >= 30 && strings.Contains(got, want):
					t.Errorf("%q: the PDF text holds task %s, which is not the dept's", d.Name, task.ID)
				}
			}
		}
	}
}

func TestRoundTripFixture(t *testing.T) {
	doc, r := newFixtureRenderer(t)
	texts := pdftotext(t, renderAll(t, doc, r))
	checkRoundTrip(t, doc, r, texts)
	// the task cut away in the source shows the placeholder
	if got, want := squash(texts["省财政厅"]), "（原文此处缺失，见第2条）"; !strings.Contains(got, want) {
		t.Errorf("省财政厅: the PDF text lacks the placeholder %q", want)
	}
}

func TestRoundTripSeed(t *testing.T) {
	doc, r := seedRenderer(t)
	if len(doc.Depts) == 0 {
		t.Fatal("the seed has no depts")
	}
	checkRoundTrip(t, doc, r, pdftotext(t, renderAll(t, doc, r)))
}

func TestGoldenText(t *testing.T) {
	_, r := newFixtureRenderer(t)
	b, err := r.Dept(goldenDept)
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, map[string][]byte{goldenDept: b})[goldenDept]
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	golden(t, "dept_text.golden", []byte(strings.Join(lines, "\n")+"\n"))
}

// pdfcpuConfig is pdfcpu's default configuration in relaxed mode, made
// without the config file pdfcpu otherwise writes to the user's home.
var pdfcpuConfig = sync.OnceValue(func() *model.Configuration {
	model.ConfigPath = "disable"
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
})

func validate(t *testing.T, name string, b []byte) {
	t.Helper()
	conf := *pdfcpuConfig()
	if err := api.Validate(bytes.NewReader(b), &conf); err != nil {
		t.Errorf("%s: pdfcpu validation: %v", name, err)
	}
}

// validateAll validates the briefs of every dept and the overall brief,
// concurrently.
func validateAll(t *testing.T, doc *extract.Document, r *Renderer) {
	pdfs := renderAll(t, doc, r)
	b, err := r.Brief()
	if err != nil {
		t.Fatal(err)
	}
	pdfs["overall brief"] = b
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for name, b := range pdfs {
		g.Go(func() error {
			validate(t, name, b)
			return nil
		})
	}
	g.Wait()
}

func TestValidate(t *testing.T) {
	doc, r := newFixtureRenderer(t)
	validateAll(t, doc, r)
	// the check can fail: a brief cut short is refused
	b, err := r.Dept(goldenDept)
	if err != nil {
		t.Fatal(err)
	}
	conf := *pdfcpuConfig()
	if err := api.Validate(bytes.NewReader(b[:len(b)/2]), &conf); err == nil {
		t.Error("pdfcpu validated half a PDF")
	}
}

func TestValidateSeed(t *testing.T) {
	doc, r := seedRenderer(t)
	validateAll(t, doc, r)
}

func TestDeterministic(t *testing.T) {
	doc, r1 := newFixtureRenderer(t)
	_, r2 := newFixtureRenderer(t)
	first := renderAll(t, doc, r1) // concurrently
	for _, d := range doc.Depts {
		again, err := r2.Dept(d.Name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first[d.Name], again) {
			t.Errorf("%q: two renders differ", d.Name)
		}
	}
	b1, err := r1.Brief()
	if err != nil {
		t.Fatal(err)
	}
	b2, err := r2.Brief()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1, b2) {
		t.Error("brief: two renders differ")
	}
	if !bytes.Contains(b1, []byte("/CreationDate (D:20220301000000)")) {
		t.Error("brief: the creation date is not the options' date")
	}
}

func TestWarnings(t *testing.T) {
	_, r := newFixtureRenderer(t)
	got := r.Warnings()
	// a task that names no lead shows every unit on it in each of their
	// briefs, hostile names included (省😀办 and 省\a铃办 share task 4.1)
	want := []string{
		`"../../x": U+0007 replaced by "□"`,
		`"../../x": U+1F600 replaced by "□"`,
		`"overall brief": U+0007 replaced by "□"`,
		`"overall brief": U+1F600 replaced by "□"`,
		`"省\a铃办": U+0007 replaced by "□"`,
		`"省\a铃办": U+1F600 replaced by "□"`,
		`"省发展改革委": U+0007 replaced by "□"`,
		`"省发展改革委": U+1F600 replaced by "□"`,
		`"省科技厅": U+0007 replaced by "□"`,
		`"省科技厅": U+1F600 replaced by "□"`,
		`"省😀办": U+0007 replaced by "□"`,
		`"省😀办": U+1F600 replaced by "□"`,
		`"` + longName + `": U+0007 replaced by "□"`,
		`"` + longName + `": U+1F600 replaced by "□"`,
		`"长沙市人民政府": U+0007 replaced by "□"`,
		`"长沙市人民政府": U+1F600 replaced by "□"`,
	}
	slices.Sort(want)
	if !slices.IsSorted(got) {
		t.Errorf("Warnings() is not sorted: %q", got)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Warnings() =\n%q\nwant\n%q", got, want)
	}
	// no replaced rune reaches a layout
	for _, d := range fixture().Depts {
		l, err := r.DeptLayout(d.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range l.Runes() {
			if c > 0xFFFF || unicode.IsControl(c) {
				t.Errorf("%q: layout prints %U", d.Name, c)
			}
		}
	}
}

func TestNoWarningsForSeed(t *testing.T) {
	_, r := seedRenderer(t)
	if got := r.Warnings(); len(got) != 0 {
		t.Errorf("Warnings() = %q, want none for the seed", got)
	}
}

// The seed as a mirror site in Traditional characters serves it (OpenCC
// s2t) is briefed without a substitute: the embedded faces hold the
// Traditional forms of GB 2312's characters.
func TestNoWarningsForTraditional(t *testing.T) {
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../seeds/hunan-2022.txt")
	if err != nil {
		t.Fatal(err)
	}
	trad, err := s2t.Convert(string(data))
	if err != nil {
		t.Fatal(err)
	}
	doc, r := textRenderer(t, trad)
	if _, err := r.Brief(); err != nil {
		t.Fatal(err)
	}
	for _, d := range doc.Depts {
		if _, err := r.Dept(d.Name); err != nil {
			t.Fatal(err)
		}
	}
	if got := r.Warnings(); len(got) != 0 {
		t.Errorf("Warnings() = %q, want none for the seed in Traditional characters", got)
	}
}

func TestEmptyDocument(t *testing.T) {
	r, err := NewRenderer(&extract.Document{}, testOptions(), Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Brief()
	if err != nil {
		t.Fatal(err)
	}
	validate(t, "empty brief", b)
	if _, err := r.Dept("省财政厅"); err == nil {
		t.Error("Dept of a dept the document does not name: got no error")
	}
}

func TestNewRendererErrors(t *testing.T) {
	ttc := append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01"), make([]byte, 16)...)
	otf := append([]byte("OTTO"), make([]byte, 16)...)
	badDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(badDir, "pdf.yaml"), []byte("dept:\n  lead_columns: [编号]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badSet, err := templates.New(badDir)
	if err != nil {
		t.Fatal(err)
	}
	typoDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(typoDir, "pdf.yaml"), []byte("page_numbr: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	typoSet, err := templates.New(typoDir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		doc   *extract.Document
		opt   export.Options
		fonts Fonts
		want  error // nil: any error
	}{
		{"nil document", nil, testOptions(), Fonts{}, nil},
		{"font collection", fixture(), testOptions(), Fonts{Body: ttc}, font.ErrCollection},
		{"PostScript font", fixture(), testOptions(), Fonts{Title: otf}, font.ErrPostScript},
		{"garbage font", fixture(), testOptions(), Fonts{Heading: []byte("not a font at all")}, font.ErrNotTrueType},
		{"empty font", fixture(), testOptions(), Fonts{Heading: []byte{}}, font.ErrTruncated},
		{"wrong column count", fixture(), export.Options{Date: testDate, Templates: badSet}, Fonts{}, nil},
		{"unknown template key", fixture(), export.Options{Date: testDate, Templates: typoSet}, Fonts{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewRenderer(tt.doc, tt.opt, tt.fonts)
			if err == nil {
				t.Fatalf("NewRenderer: got %v, want an error", r)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("NewRenderer: got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestUnknownDept(t *testing.T) {
	_, r := newFixtureRenderer(t)
	for _, name := range []string{"", "省不存在厅", "../../etc/passwd"} {
		if _, err := r.Dept(name); err == nil {
			t.Errorf("Dept(%q): got no error", name)
		}
		if _, err := r.DeptLayout(name); err == nil {
			t.Errorf("DeptLayout(%q): got no error", name)
		}
	}
}

// TestCustomFonts gives a title font that lacks CJK (the hei face cut to
// ASCII): the title's CJK characters fall back, run by run, to the next
// face of the title's chain (the body face), with no warning; equal font
// data given twice is embedded once, and a face no text uses not at all.
func TestCustomFonts(t *testing.T) {
	var ascii []rune
	for c := rune(' '); c <= '~'; c++ {
		ascii = append(ascii, c)
	}
	latin, err := draw.Cut(font.Hei(), ascii)
	if err != nil {
		t.Fatal(err)
	}
	doc := fixture()
	opt := testOptions()
	opt.Title = "2022年落实意见"
	r, err := NewRenderer(doc, opt, Fonts{Body: bytes.Clone(font.Hei()), Heading: font.Hei(), Title: latin})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range r.Warnings() {
		if strings.Contains(w, "U+843D") {
			t.Errorf("a title font without CJK: 落 was replaced (%s), want it drawn by the body face", w)
		}
	}
	l, err := r.DeptLayout(goldenDept)
	if err != nil {
		t.Fatal(err)
	}
	var title []layout.Item
	for _, it := range l.Pages[0].Items {
		if it.Kind == layout.KindText && it.Size == titleStyle.Size {
			title = append(title, it)
		}
	}
	if len(title) != 2 || title[0].Text != "2022" || title[0].Font != layout.FontTitle ||
		title[1].Text != "年落实意见" || title[1].Font != layout.FontBody || title[1].X <= title[0].X {
		t.Errorf("title runs = %+v, want 2022 in the title face, then 年落实意见 in the body face", title)
	}
	if texts := l.Texts(); !slices.Contains(texts, "一、任务概况") {
		t.Errorf("body text lost its characters: %q", texts[:6])
	}
	b, err := r.Dept(goldenDept)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, "custom fonts", b)
	if n := bytes.Count(b, []byte("/Subtype /CIDFontType2")); n != 2 {
		t.Errorf("got %d embedded fonts, want 2 (title digits; body and heading share one; no （一） heading, so no kai)", n)
	}
	for _, want := range []string{"+WenQuanYiMicroHei\n", "/FontName /"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if bytes.Contains(b, []byte("/utf8")) {
		t.Error("a font keeps fpdf's name utf8…, not its subset name")
	}
	if got := r.Faces(); got[0].Role != layout.FontTitle || got[0].Name != "WenQuanYiMicroHei" || got[3].Name != "FengongWenKai-Regular" {
		t.Errorf("Faces() = %+v", got)
	}
}

func TestTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pdf.yaml"), []byte("page_number: 第{n}页\ndept:\n  closing_heading: 五、请按期报送\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := templates.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(fixture(), export.Options{Date: testDate, Templates: set, Title: "自定义标题"}, Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := r.DeptLayout(goldenDept)
	if err != nil {
		t.Fatal(err)
	}
	texts := l.Texts()
	for _, want := range []string{"第1页", "五、请按期报送", "自定义标题", "一、任务概况"} {
		if !slices.Contains(texts, want) {
			t.Errorf("layout lacks %q", want)
		}
	}
}

// TestLayoutsInPage checks every text item of every layout starts inside
// the page and no text line starts with closing punctuation unless its
// whole paragraph does.
func TestLayoutsInPage(t *testing.T) {
	doc, r := newFixtureRenderer(t)
	layouts := map[string]*Layout{}
	for _, d := range doc.Depts {
		l, err := r.DeptLayout(d.Name)
		if err != nil {
			t.Fatal(err)
		}
		layouts[d.Name] = l
	}
	l, err := r.BriefLayout()
	if err != nil {
		t.Fatal(err)
	}
	layouts["brief"] = l
	for name, l := range layouts {
		for _, p := range l.Pages {
			for _, it := range p.Items {
				if it.X < 0 || it.Y < 0 || it.X+it.W > pageW+0.01 || it.Y+it.H > pageH+0.01 {
					t.Errorf("%s page %d: %s %q outside the page", name, p.Number, it.Kind, it.Text)
				}
				if it.Kind != layout.KindText {
					continue
				}
				first, _ := utf8.DecodeRuneInString(it.Text)
				if strings.ContainsRune("，。、；：？！）」』》〉】”’", first) {
					t.Errorf("%s page %d: line %q starts with closing punctuation", name, p.Number, it.Text)
				}
			}
		}
	}
}

// TestBookmarks reads the outline back: one entry per section, titles
// intact (fpdf garbles them unless a UTF-8 font is selected first).
func TestBookmarks(t *testing.T) {
	_, r := newFixtureRenderer(t)
	b, err := r.Dept(goldenDept)
	if err != nil {
		t.Fatal(err)
	}
	conf := *pdfcpuConfig()
	got, err := api.ListBookmarks(bytes.NewReader(b), &conf)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"一、任务概况", "二、牵头任务（2项）", "三、共同承担任务（1项）", "四、配合任务（0项）",
		"五、各部门单位分别负责的任务（1项）", "六、工作要求"} {
		if !strings.Contains(all, want) {
			t.Errorf("bookmarks %q lack %q", got, want)
		}
	}
	// the overall brief's outline holds its sections and, under 三、重点任务,
	// the document's sections
	b, err = r.Brief()
	if err != nil {
		t.Fatal(err)
	}
	got, err = api.ListBookmarks(bytes.NewReader(b), &conf)
	if err != nil {
		t.Fatal(err)
	}
	all = strings.Join(got, "\n")
	for _, want := range []string{"一、总体情况", "二、主要目标", "三、重点任务", "（一）稳定经济大盘", "（二）推进创新发展", "四、重点名单", "六、单位索引"} {
		if !strings.Contains(all, want) {
			t.Errorf("brief bookmarks %q lack %q", got, want)
		}
	}
}
