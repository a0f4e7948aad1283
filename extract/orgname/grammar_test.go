package orgname

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fengong/templates"
)

var (
	grammarOnce sync.Once
	grammar     *Grammar
	grammarErr  error
)

// load returns the embedded grammar, loaded once for all tests.
func load(tb testing.TB) *Grammar {
	tb.Helper()
	grammarOnce.Do(func() { grammar, grammarErr = Load(nil) })
	if grammarErr != nil {
		tb.Fatalf("Load: %v", grammarErr)
	}
	return grammar
}

func TestKinds(t *testing.T) {
	g := load(t)
	want := []string{"党委部门", "人大政协", "政府部门", "垂直管理单位", "群团组织", "事业单位", "企业", "功能区", "下级政府"}
	got := g.Kinds()
	if len(got) != len(want) {
		t.Fatalf("Kinds() = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Kinds() = %q, want %q", got, want)
		}
	}
	got[0] = "x"
	if g.Kinds()[0] != want[0] {
		t.Error("Kinds() shares its slice with the grammar")
	}
}

func TestLoadOverride(t *testing.T) {
	dir := t.TempDir()
	write := func(body string) *templates.Set {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, File), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		ts, err := templates.New(dir)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	if _, err := Load(write("kinds: [政府部门]\nbogus: 1\n")); err == nil || !strings.Contains(err.Error(), "bogus") {
		t.Errorf("unknown key: err = %v, want an error naming it", err)
	}
	if _, err := Load(write("kinds: [政府部门]\nparty_marker: 委\ngovernment_markers: [政府]\n" +
		"government: {stem: 人民政府, suffix: 政府, kind: 政府部门}\nparty_committee: {stem: 党委, suffix: 委, kind: 政府部门}\n" +
		"bodies:\n  - {key: 财政, kind: 财政部门, stems: [财政], suffixes: [局]}\n")); !errors.Is(err, ErrGrammar) {
		t.Errorf("unknown kind: err = %v, want ErrGrammar", err)
	}
	// A small grammar of its own works.
	g, err := Load(write(`kinds: [党委部门, 政府部门, 下级政府]
foreign: [下级政府]
levels: {市: 市}
party_marker: 委
government_markers: [人民政府]
government: {stem: 人民政府, suffix: 政府, kind: 下级政府}
party_committee: {stem: 党委, suffix: 委, kind: 党委部门}
issuer_office: 办公
suffixes:
  - {class: 局, kind: 政府部门, forms: [局]}
bodies:
  - {key: 办公, kind: 政府部门, names: [办公室]}
  - {key: 财政, kind: 政府部门, stems: [财政], suffixes: [局]}
`))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := g.Parse("市财政局"); !ok || n.Key != "财政" || n.Level != "市" {
		t.Errorf("Parse(市财政局) = %+v, %v with a small grammar", n, ok)
	}
}

// FuzzParse checks that no input panics and that what parses is
// consistent: Same as itself, a known kind, Expand keeps the length.
func FuzzParse(f *testing.F) {
	g := load(f)
	for _, s := range []string{"省发改委", "人民银行长沙中心支行", "长沙、株洲市人民政府", "(筹)", "（", "团委", "国网", "中共", "省委", "湘西土家族苗族自治州人民政府", "市自然资源（和规划）局", "\xff\xfe"} {
		f.Add(s)
	}
	kinds := map[string]bool{}
	for _, k := range g.Kinds() {
		kinds[k] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := g.Parse(s)
		if ok {
			if !kinds[n.Kind] {
				t.Errorf("Parse(%q).Kind = %q, not a kind", s, n.Kind)
			}
			if !g.Same(s, s) {
				t.Errorf("Same(%q, itself) = false", s)
			}
		}
		parts := strings.Split(s, "、")
		if got := g.Expand(parts); len(got) != len(parts) {
			t.Errorf("Expand(%q) has %d names, want %d", s, len(got), len(parts))
		}
		g.Issuer([]string{s})
		g.Qualify(s, "省")
	})
}
