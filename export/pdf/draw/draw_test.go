package draw_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"fengong/export/pdf/draw"
	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
)

var runes = []rune("落实政府工作报告一二三，。（）—□?0123456789 ")

func cut(t *testing.T) []byte {
	t.Helper()
	b, err := draw.Cut(font.Default(), runes)
	if err != nil {
		t.Fatalf("Cut: %v", err)
	}
	return b
}

func TestCut(t *testing.T) {
	b := cut(t)
	if len(b) >= len(font.Default())/10 {
		t.Errorf("cut font is %d bytes, want far less than the %d of the whole", len(b), len(font.Default()))
	}
	f, err := font.Parse(b)
	if err != nil {
		t.Fatalf("the cut font does not parse: %v", err)
	}
	for _, r := range runes {
		if !f.Has(r) {
			t.Errorf("the cut font lacks %q", r)
		}
	}
	if f.Has('龙') {
		t.Error("the cut font holds 龙, which was not asked for")
	}
}

func TestMeasure(t *testing.T) {
	m, err := draw.Measure(cut(t), runes)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		r    rune
		want int
	}{
		{'一', 1000}, {'，', 1000}, {'（', 1000},
	}
	for _, tt := range tests {
		if got := m.Advance(tt.r); got != tt.want {
			t.Errorf("Advance(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
	if got, digit := m.Advance('龙'), m.Advance('1'); got != m.Missing && got != 500 || digit <= 0 || digit >= 1000 {
		t.Errorf("Advance(龙) = %d (missing %d), Advance(1) = %d", got, m.Missing, digit)
	}
}

func page(items ...layout.Item) *layout.Layout {
	return &layout.Layout{Width: 210, Height: 297, Pages: []layout.Page{{Number: 1, Items: items}},
		Outline: []layout.Mark{{Title: "一、落实", Page: 1, Y: 37}}}
}

func TestPDF(t *testing.T) {
	fonts := []draw.Font{{Key: layout.FontBody, Name: "WenQuanYiMicroHei", Data: cut(t)}}
	l := page(
		layout.Item{Kind: layout.KindText, X: 28, Y: 40, Font: layout.FontBody, Size: 16, Text: "落实政府工作报告"},
		layout.Item{Kind: layout.KindRect, X: 28, Y: 50, W: 20, H: 5, Fill: "#c0392b", Stroke: "#000000", LineWidth: 0.2},
		layout.Item{Kind: layout.KindLine, X: 28, Y: 60, W: 100, Stroke: "#cccccc", LineWidth: 0.2},
	)
	meta := draw.Meta{Title: "落实", Date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)}
	a, err := draw.PDF(l, fonts, meta)
	if err != nil {
		t.Fatal(err)
	}
	b, err := draw.PDF(l, fonts, meta)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two renders differ")
	}
	for _, want := range []string{"%PDF-", "/CreationDate (D:20220301000000)", "/Outlines", "/ToUnicode", "%%EOF"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// TestPDFNoPanic feeds the library what it cannot draw: it must return an
// error or a PDF, never panic.
func TestPDFNoPanic(t *testing.T) {
	good := []draw.Font{{Key: layout.FontBody, Name: "WenQuanYiMicroHei", Data: cut(t)}}
	tests := []struct {
		name  string
		l     *layout.Layout
		fonts []draw.Font
		want  string // "ok", "error", or "any" for either
	}{
		// fpdf v0.12.0 indexes its width table with the rune and panics
		{"rune above U+FFFF", page(layout.Item{Kind: layout.KindText, X: 28, Y: 40, Size: 12, Text: "😀"}), good, "any"},
		{"control characters", page(layout.Item{Kind: layout.KindText, X: 28, Y: 40, Size: 12, Text: "\x00\x07\n"}), good, "ok"},
		{"no font", page(), nil, "error"},
		{"garbage font", page(), []draw.Font{{Key: layout.FontBody, Data: []byte(strings.Repeat("x", 100))}}, "error"},
		{"bad colour", page(layout.Item{Kind: layout.KindRect, X: 1, Y: 1, W: 1, H: 1, Fill: "red"}), good, "ok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := draw.PDF(tt.l, tt.fonts, draw.Meta{})
			switch {
			case tt.want == "ok" && err != nil:
				t.Errorf("PDF: got error %v, want none", err)
			case tt.want == "error" && err == nil:
				t.Error("PDF: got no error, want one")
			}
		})
	}
}

// TestPrepare: a font parsed once per batch gives the same bytes as one
// parsed by each PDF, and the fonts carry their subset names.
func TestPrepare(t *testing.T) {
	plain := []draw.Font{{Key: layout.FontBody, Name: "WenQuanYiMicroHei", Data: cut(t)}}
	prepared := []draw.Font{plain[0]}
	if err := prepared[0].Prepare(); err != nil {
		t.Fatal(err)
	}
	l := page(layout.Item{Kind: layout.KindText, X: 28, Y: 40, Font: layout.FontBody, Size: 16, Text: "落实政府工作报告", Spacing: -0.07})
	meta := draw.Meta{Title: "落实", Author: "省人民政府办公厅", Date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)}
	a, err := draw.PDF(l, plain, meta)
	if err != nil {
		t.Fatal(err)
	}
	b, err := draw.PDF(l, prepared, meta)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("a prepared font gives other bytes")
	}
	for _, want := range []string{"+WenQuanYiMicroHei\n", "-0.19843 Tc", "/Author"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	bad := draw.Font{Key: "x", Data: []byte("not a font")}
	if err := bad.Prepare(); err == nil {
		t.Error("Prepare(garbage): no error")
	}
}

// A prepared font measures as the font's bytes do, without a second parse.
func TestMeasurePrepared(t *testing.T) {
	want, err := draw.Measure(cut(t), runes)
	if err != nil {
		t.Fatal(err)
	}
	f := draw.Font{Key: "body", Name: "x", Data: cut(t)}
	if err := f.Prepare(); err != nil {
		t.Fatal(err)
	}
	got, err := f.Measure(runes)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("prepared: %+v\nbytes: %+v", got, want)
	}
}
