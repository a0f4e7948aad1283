package hugeheap

import "testing"

func TestDisabled(t *testing.T) {
	for _, c := range []struct {
		godebug string
		off     bool
	}{
		{"", false},
		{"disablethp=1", true},
		{"disablethp=0", false},
		{"gctrace=1, disablethp=1", true},
		{"disablethp=1,disablethp=0", false},
		{"disablethp", false},
		{"xdisablethp=1", false},
		{"madvdontneed=1", false},
	} {
		if got := disabled(c.godebug); got != c.off {
			t.Errorf("disabled(%q) = %v, want %v", c.godebug, got, c.off)
		}
	}
}

func TestOutward(t *testing.T) {
	const h = hugePage
	for _, c := range []struct{ p, want uintptr }{
		{0, 0}, {1, h}, {h - 1, h}, {h, h}, {h + 4096, 2 * h}, {5*h - 8, 5 * h},
	} {
		if got := outward(c.p); got != c.want {
			t.Errorf("outward(%#x) = %#x, want %#x", c.p, got, c.want)
		}
	}
}
