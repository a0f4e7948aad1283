package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"fengong/export/pdf/font"
)

func TestRun(t *testing.T) {
	ttc := "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	if _, err := os.Stat(ttc); err != nil {
		t.Skip("fonts-wqy-microhei is not installed")
	}
	out := filepath.Join(t.TempDir(), "out.ttf")
	if err := run([]string{"-index", "0", "-o", out, ttc}, io.Discard); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f, err := font.Parse(got)
	if err != nil {
		t.Fatalf("the face written does not parse: %v", err)
	}
	// the whole face, not the cut one embedded
	if f.Name != "WenQuanYiMicroHei" || f.Runes() < 20000 {
		t.Errorf("ttc2ttf wrote %q with %d runes, want WenQuanYiMicroHei with over 20000", f.Name, f.Runes())
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	notTTC := filepath.Join(dir, "x.ttc")
	if err := os.WriteFile(notTTC, []byte("not a collection"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
	}{
		{"no arguments", nil},
		{"no output", []string{notTTC}},
		{"missing input", []string{"-o", filepath.Join(dir, "o.ttf"), filepath.Join(dir, "missing.ttc")}},
		{"not a collection", []string{"-o", filepath.Join(dir, "o.ttf"), notTTC}},
		{"bad flag", []string{"-nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := run(tt.args, io.Discard); err == nil {
				t.Errorf("run(%q): got no error", tt.args)
			}
		})
	}
}
