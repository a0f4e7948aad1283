package layout_test

import (
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"fengong/export/pdf/draw"
	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
)

// corpus is every line of the seed plus texts that stress the rules.
var corpus = sync.OnceValue(func() []string {
	lines := []string{
		"地区生产总值增长6.5%以上，规模工业增加值增长7.2%，新建5G基站2.5万个。",
		"推进IPv6规模化部署（含室内分布系统），实现“六稳”“六保”。",
		"《政府工作报告》〈意见〉【重点】「甲」『乙』‘丙’——见附件……完。",
		"（省发展改革委牵头，省财政厅、省统计局按职责分工负责）",
		"English words, numbers 1,000.5 and (brackets) stay whole; ok? yes!",
		"。。。，，，））」」",
		"（（（《《“",
		"a",
		"字",
		"　　首行缩进的段落。",
		strings.Repeat("超长单词", 3) + strings.Repeat("x", 200) + "。",
	}
	if b, err := os.ReadFile("../../../seeds/hunan-2022.txt"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimRight(l, "\r"); l != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
})

// metrics measures the default font for every rune of the corpus.
var metrics = sync.OnceValues(func() (*layout.Metrics, error) {
	seen := map[rune]bool{}
	var runes []rune
	for _, l := range corpus() {
		for _, r := range l {
			if !seen[r] {
				seen[r] = true
				runes = append(runes, r)
			}
		}
	}
	return draw.Measure(font.Default(), runes)
})

func testMetrics(t testing.TB) *layout.Metrics {
	t.Helper()
	m, err := metrics()
	if err != nil {
		t.Fatalf("measuring the default font: %v", err)
	}
	return m
}

func TestBreakCJK(t *testing.T) {
	m := testMetrics(t)
	// at 12 pt a CJK character is 4.23 mm wide: 20 mm holds 4 of them
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"fits", "推进", []string{"推进"}},
		{"plain", "一二三四五六七八", []string{"一二三四", "五六七八"}},
		{"comma stays with previous", "一二三四，五六七", []string{"一二三", "四，五六", "七"}},
		{"period at end stays", "一二三四。", []string{"一二三", "四。"}},
		{"closing run stays", "一二三四）。", []string{"一二三", "四）。"}},
		{"opening moves down", "一二三（四五）", []string{"一二三", "（四五）"}},
		{"title marks", "一二三《四》", []string{"一二三", "《四》"}},
		{"dash run whole", "一二三——四", []string{"一二三", "——四"}},
		{"lone closing cluster overflows", "字，。、；", []string{"字，。、；"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := layout.Break(tt.text, 20, 12, m)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Break(%q, 20) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestBreakKeepsWords checks at every width from 5 to 60 mm that a word
// stays on one line whenever it fits on one.
func TestBreakKeepsWords(t *testing.T) {
	m := testMetrics(t)
	tests := []struct{ text, keep string }{
		{"地区生产总值增长6.5%以上，居民消费价格涨幅3%左右", "6.5%"},
		{"推进IPv6规模化部署", "IPv6"},
		{"新建5G基站2.5万个以上", "2.5万个"},
		{"粮食产量600亿斤以上", "600亿"},
		{"营业收入突破1,000.5亿元", "1,000.5亿"},
		{"见附件……完", "……"},
	}
	for _, tt := range tests {
		for width := 5.0; width <= 60; width++ {
			lines := layout.Break(tt.text, width, 12, m)
			if m.Width(tt.keep, 12) > width {
				continue
			}
			whole := false
			for _, l := range lines {
				whole = whole || strings.Contains(l, tt.keep)
			}
			if !whole {
				t.Errorf("Break(%q, %v) = %q splits %q", tt.text, width, lines, tt.keep)
			}
		}
	}
}

// The punctuation the rules name, spelled out here independently of the
// code under test.
const (
	closing = "，。、；：？！）」』》〉】”’,.;:)!?"
	opening = "（《〈【「『“‘(["
)

func isClosing(r rune) bool { return strings.ContainsRune(closing, r) }
func isOpening(r rune) bool { return strings.ContainsRune(opening, r) }

// TestBreakRules breaks every line of the corpus at every width from 10 to
// 160 mm and checks the rules hold for each line.
func TestBreakRules(t *testing.T) {
	m := testMetrics(t)
	for _, size := range []float64{12, 16} {
		for width := 10.0; width <= 160; width++ {
			for _, text := range corpus() {
				lines := layout.Break(text, width, size, m)
				if got := strings.Join(lines, ""); got != text {
					t.Fatalf("size %v width %v: lines %q do not join to %q", size, width, lines, text)
				}
				for i, line := range lines {
					if line == "" {
						t.Fatalf("size %v width %v: empty line %d in %q", size, width, i, lines)
					}
					first, _ := utf8.DecodeRuneInString(line)
					last, _ := utf8.DecodeLastRuneInString(line)
					if i > 0 && isClosing(first) {
						t.Errorf("size %v width %v: line %q starts with closing punctuation (text %q)", size, width, line, text)
					}
					if i < len(lines)-1 && isOpening(last) {
						t.Errorf("size %v width %v: line %q ends with opening punctuation (text %q)", size, width, line, text)
					}
					if w := m.Width(line, size); w > width+1e-6 && !unsplittable(line) {
						t.Errorf("size %v width %v: line %q is %.2f mm wide and could be split", size, width, line, w)
					}
				}
			}
		}
	}
}

// unsplittable reports whether no break inside line is allowed: every
// place between two characters has closing punctuation after it or
// opening punctuation before it.
func unsplittable(line string) bool {
	prev := rune(-1)
	for i, r := range line {
		if i > 0 && !isClosing(r) && !isOpening(prev) && r != ' ' && r != '\u3000' {
			return false
		}
		prev = r
	}
	return true
}

func TestBreakIndent(t *testing.T) {
	m := testMetrics(t)
	got := layout.BreakIndent("一二三四五六七八九", 8.5, 20, 12, m)
	want := []string{"一二", "三四五六", "七八九"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("BreakIndent = %q, want %q", got, want)
	}
}

func TestPunctuationClasses(t *testing.T) {
	for _, r := range closing {
		if !layout.IsClosing(r) || layout.IsOpening(r) {
			t.Errorf("%q: got closing %v, opening %v, want closing only", r, layout.IsClosing(r), layout.IsOpening(r))
		}
	}
	for _, r := range opening {
		if !layout.IsOpening(r) || layout.IsClosing(r) {
			t.Errorf("%q: got closing %v, opening %v, want opening only", r, layout.IsClosing(r), layout.IsOpening(r))
		}
	}
}

func TestFit(t *testing.T) {
	m := testMetrics(t)
	f := layout.NewFlow(layout.Geometry{Width: 210, Height: 297, Left: 28, Top: 37, BodyW: 156, BodyH: 225}, layout.Fonts{Body: m, Heading: m, Title: m})
	st := layout.Style{Font: layout.FontBody, Size: 12, Leading: 6}
	tests := []struct{ in, want string }{
		{"省发展改革委", "省发展改革委"},
		{strings.Repeat("超长", 20), "超长超长超长超长…"},
	}
	for _, tt := range tests {
		if got := f.Fit(tt.in, st, 40); got != tt.want {
			t.Errorf("Fit(%q, 40) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkBreak(b *testing.B) {
	m := testMetrics(b)
	texts := corpus()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			layout.Break(s, 89, 12, m)
		}
	}
}
