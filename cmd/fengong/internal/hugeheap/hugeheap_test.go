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

func TestInward(t *testing.T) {
	const h = hugePage
	for _, c := range []struct{ p, n, start, end uintptr }{
		{0, 4 * h, 0, 4 * h},
		{1, 4 * h, h, 4 * h},
		{h - 4096, 3*h + 4096, h, 4 * h},
		{h - 4096, 3 * h, h, 3 * h},
		{h + 1, h, 2 * h, 2 * h}, // no whole huge page inside
		{3*h - 8, 16, 3 * h, 3 * h},
	} {
		start, end := inward(c.p, c.n)
		if start != c.start || end != c.end {
			t.Errorf("inward(%#x, %#x) = %#x, %#x; want %#x, %#x", c.p, c.n, start, end, c.start, c.end)
		}
		if start%h != 0 || end%h != 0 || start < c.p || end > c.p+c.n && end != start {
			t.Errorf("inward(%#x, %#x) = %#x, %#x: not whole huge pages inside", c.p, c.n, start, end)
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
