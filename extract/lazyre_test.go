package extract

import (
	"regexp"
	"testing"
)

// TestLazyRegexps: every pattern of the grammar compiles (a pattern that
// did not would panic in the compile started at load), and compiles to
// the pattern it was given.
func TestLazyRegexps(t *testing.T) {
	if len(lazyRegexps) < 30 {
		t.Fatalf("%d patterns registered, want the grammar's 30 or more", len(lazyRegexps))
	}
	for _, l := range lazyRegexps {
		if _, err := regexp.Compile(l.src); err != nil {
			t.Errorf("%q: %v", l.src, err)
			continue
		}
		if got := l.re().String(); got != l.src {
			t.Errorf("compiled %q, want %q", got, l.src)
		}
	}
}
