package batch

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReturnConfig checks that the config's return: block reaches the 说明
// sheet of every dept workbook.
func TestReturnConfig(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "fengong.yaml")
	if err := os.WriteFile(cfgPath, []byte("return:\n  due: 2022-03-15\n  to: 省政府督查室\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Return.Due != "2022-03-15" || cfg.Return.To != "省政府督查室" {
		t.Fatalf("got return %+v", cfg.Return)
	}
	out := filepath.Join(dir, "pack")
	opt := testOptions(out)
	opt.Flags.Formats = []string{FormatXLSX}
	opt.Flags.Depts = []string{"省财政厅"}
	opt.Flags.Return = cfg.Return
	mustRun(t, opt)
	data, err := os.ReadFile(filepath.Join(out, "单位", "省财政厅", "省财政厅.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{"B5": "2022年3月15日", "B6": "省政府督查室", "B7": "省财政厅.xlsx"} {
		if got, _ := f.GetCellValue("说明", ref); got != want {
			t.Errorf("说明!%s: got %q, want %q", ref, got, want)
		}
	}
}
