package pdf

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
)

// TestFindFonts builds font folders by hand: the search finds the
// standard faces by their usual file names in any case, one level down
// too, keeps a font the config gave, and passes over a collection.
func TestFindFonts(t *testing.T) {
	dir := t.TempDir()
	beside := filepath.Join(dir, "fonts")
	system := filepath.Join(dir, "system")
	for _, p := range []string{beside, filepath.Join(system, "truetype")} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string, b []byte) {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(beside, "SIMFANG.TTF"), font.Hei())
	write(filepath.Join(system, "truetype", "simkai.ttf"), font.Kai())
	write(filepath.Join(system, "simhei.ttf"), []byte("ttcf not really a font"))
	write(filepath.Join(system, "FZXBSJW.TTF"), font.SongBold())

	given := Fonts{Title: font.Song()}
	given.From.Title = "config.ttf"
	got, notes := FindFonts([]string{beside, system, filepath.Join(dir, "missing")}, given)
	if got.From.Body != filepath.Join(beside, "SIMFANG.TTF") || got.Body == nil {
		t.Errorf("body from %q, want SIMFANG.TTF beside the config", got.From.Body)
	}
	if got.From.Subheading != filepath.Join(system, "truetype", "simkai.ttf") {
		t.Errorf("subheading from %q, want simkai.ttf one level down", got.From.Subheading)
	}
	if got.From.Title != "config.ttf" || &got.Title[0] != &font.Song()[0] {
		t.Errorf("title from %q: the config's font must win", got.From.Title)
	}
	if got.Heading != nil || len(notes) != 1 || !strings.Contains(notes[0], "simhei.ttf") {
		t.Errorf("heading %v, notes %q: want simhei.ttf passed over with a note", got.From.Heading, notes)
	}

	r, err := NewRenderer(fixture(), testOptions(), got)
	if err != nil {
		t.Fatal(err)
	}
	faces := r.Faces()
	want := []FaceInfo{
		{layout.FontTitle, "FengongSerifSC-Regular", "config.ttf"},
		{layout.FontBody, "WenQuanYiMicroHei", filepath.Join(beside, "SIMFANG.TTF")},
		{layout.FontHeading, "WenQuanYiMicroHei", filepath.Join(beside, "SIMFANG.TTF")},
		{layout.FontSubheading, "FengongWenKai-Regular", filepath.Join(system, "truetype", "simkai.ttf")},
	}
	if !slices.Equal(faces, want) {
		t.Errorf("Faces() = %+v\nwant %+v", faces, want)
	}

	if none, notes := FindFonts(nil, Fonts{}); none.Body != nil || none.Title != nil || len(notes) != 0 {
		t.Errorf("no folders: found %+v, notes %q", none.From, notes)
	}
}

func TestFontDirs(t *testing.T) {
	env := func(k string) string { return map[string]string{"HOME": "/home/u"}[k] }
	dirs := FontDirs("/etc/fengong/fengong.yaml", env)
	if len(dirs) < 2 || dirs[0] != filepath.Join("/etc/fengong", "fonts") {
		t.Errorf("FontDirs = %q, want the fonts folder beside the config first", dirs)
	}
	if d := FontDirs("", env); len(d) == 0 || strings.HasSuffix(d[0], "fonts") && strings.HasPrefix(d[0], "/etc") {
		t.Errorf("FontDirs without a config = %q", d)
	}
	// an empty environment (the CLI's tests) looks beside the config only
	none := func(string) string { return "" }
	if d := FontDirs("/etc/fengong/fengong.yaml", none); !slices.Equal(d, []string{filepath.Join("/etc/fengong", "fonts")}) {
		t.Errorf("FontDirs with no environment = %q, want the folder beside the config only", d)
	}
	if d := FontDirs("", none); len(d) != 0 {
		t.Errorf("FontDirs with no environment and no config = %q, want none", d)
	}
}
