package orgname

import (
	"sync"
	"testing"
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
