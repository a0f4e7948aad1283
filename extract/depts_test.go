package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"

	"fengong/extract/orgname"
	"fengong/templates"
)

// The seed without a directory gives the depts the Hunan directory gives,
// merged the same way, except what only a directory can know.
func TestSeedWithoutDirectory(t *testing.T) {
	txt, err := Read("hunan-2022.txt", seedBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	with, err := Parse(txt, testDir(t))
	if err != nil {
		t.Fatal(err)
	}
	without, err := Parse(txt, nil)
	if err != nil {
		t.Fatal(err)
	}
	// a typo only the directory merges: 省退伍军人厅 is 省退役军人厅
	onlyDirectory := map[string]bool{"省退伍军人厅": true}
	names := func(d *Document) []string {
		var out []string
		for _, dp := range d.Depts {
			if !onlyDirectory[dp.Name] {
				out = append(out, dp.Name)
			}
		}
		sort.Strings(out)
		return out
	}
	if a, b := names(with), names(without); !reflect.DeepEqual(a, b) {
		t.Errorf("depts differ:\nwith    %q\nwithout %q", a, b)
	}
	noWarning(t, without, "the grammar reads every seed name, but", "unknown-dept")
	if without.Directory != "" || with.Directory != "hunan.yaml" {
		t.Errorf("directory: %q with, %q without", with.Directory, without.Directory)
	}
	// kinds come from the grammar without a directory
	kinds := map[string]string{}
	for _, dp := range without.Depts {
		kinds[dp.Name] = dp.Kind
	}
	for name, want := range map[string]string{"省委统战部": "党委部门", "省发展改革委": "政府部门", "长沙海关": "垂直管理单位",
		"省总工会": "群团组织", "国网湖南电力公司": "企业", "湘江新区": "功能区", "长沙市人民政府": "下级政府"} {
		if kinds[name] != want {
			t.Errorf("%s: kind %q, want %q", name, kinds[name], want)
		}
	}
}

// Installed directories are chosen by the document: by the issuer's name,
// by the names the document uses, or none.
func TestChooseDirectory(t *testing.T) {
	dirs, err := LoadDirectory(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"the issuer", []string{"湖南省人民政府关于分工的意见", "1.甲。（省财政厅牵头）"}, "hunan.yaml"},
		{"another province", []string{"河南省人民政府关于分工的意见", "1.甲。（省财政厅牵头）"}, ""},
		{"a city", []string{"六安市人民政府办公室关于分工的通知", "1.甲。（市财政局牵头）"}, ""},
	}
	for _, tc := range tests {
		d, err := Parse(&Text{Name: "t", Lines: tc.lines}, dirs)
		if err != nil {
			t.Fatal(err)
		}
		if d.Directory != tc.want {
			t.Errorf("%s: directory %q, want %q", tc.name, d.Directory, tc.want)
		}
	}
	// the seed names no issuer's place: its names choose
	if d := parseSeedAs(t, "hunan-2022.txt", seedBytes(t)); d.Directory != "hunan.yaml" {
		t.Errorf("seed: directory %q", d.Directory)
	}
	// but not when its head names another province, however many of the
	// directory's names it shares
	seed := bytes.ReplaceAll(seedBytes(t), []byte("湖南"), nil)
	if d := parseSeedAs(t, "seed.txt", seed); d.Directory != "hunan.yaml" {
		t.Errorf("the seed without 湖南: directory %q", d.Directory)
	}
	other := append([]byte("据安徽省人民政府网消息，安徽省人民政府发布关于重点工作的通知。\n"), seed...)
	if d := parseSeedAs(t, "anhui.txt", other); d.Directory != "" {
		t.Errorf("another province's head: directory %q", d.Directory)
	}
	// an office's own depts.yaml is always used
	ts, err := templates.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if got := TemplateFiles(ts); !reflect.DeepEqual(got, []string{"grammar.yaml", "orgnames.yaml", "warnings.yaml", "depts/hunan.yaml"}) {
		t.Errorf("template files: %q", got)
	}
}

// TestWrittenLevel: with no issuer to say it, the level most units are
// written with is the document's, so that 财政局 and 县财政局 are one dept.
func TestWrittenLevel(t *testing.T) {
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"1.甲。（县发改局牵头，财政局、统计局配合）", "2.乙。（县住建局、县自然资源局）"}, "县"},
		{[]string{"1.甲。（市发改委牵头，市财政局配合）", "2.乙。（市商务局，各县区政府）"}, "市"},
		// too few, or no level two thirds of them
		{[]string{"1.甲。（县发改局牵头）"}, ""},
		{[]string{"1.甲。（县发改局、县财政局、市发改委、市财政局）"}, ""},
	}
	for _, tc := range tests {
		if got := writtenLevel(tc.lines); got != tc.want {
			t.Errorf("writtenLevel(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
	d, err := Parse(&Text{Name: "t.txt", Lines: []string{"1.甲。（县发改局牵头，财政局、统计局配合）", "2.乙。（县住建局、县财政局）"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if co := d.Items[0].Tasks[0].Co; !slices.Contains(co, "县财政局") {
		t.Errorf("item 1's co %q: want 财政局 read as 县财政局, the dept item 2 names", co)
	}
}

// TestDirectoryGrammar: a directory shares the process's grammar of body
// names when orgnames.yaml is the embedded default, and builds its own
// from an office's orgnames.yaml.
func TestDirectoryGrammar(t *testing.T) {
	d, err := LoadDirectory(templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	if d.grammar != defaultBodyGrammar() {
		t.Error("the default orgnames.yaml: the directory built a grammar of its own")
	}
	dir := t.TempDir()
	src, err := templates.DefaultBytes(orgname.File)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, orgname.File), src, 0o644); err != nil {
		t.Fatal(err)
	}
	ts, err := templates.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	if d, err = LoadDirectory(ts); err != nil {
		t.Fatal(err)
	}
	if d.grammar == defaultBodyGrammar() || d.grammar == nil {
		t.Error("an office's orgnames.yaml: the directory did not build its grammar from it")
	}
}

// A vertical body written as stem and suffix is one office per level: a
// list's bare 税务局 takes the list's level, and 省税务局 and 市税务局 in
// one document are two depts.
func TestLeveledVerticalBodies(t *testing.T) {
	d := parseBytes(t, "leveled.txt", []byte("1.组织税收。（省税务局负责）\n2.做好财源建设。（市财政局、税务局、气象局负责）\n"))
	var got []string
	for _, dp := range d.Depts {
		got = append(got, dp.Name)
	}
	sort.Strings(got)
	if want := []string{"市气象局", "市税务局", "市财政局", "省税务局"}; !reflect.DeepEqual(got, want) {
		t.Errorf("depts %q, want %q", got, want)
	}
}
