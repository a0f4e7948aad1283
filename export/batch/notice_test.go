package batch

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fengong/extract"
	"fengong/progress"
	"fengong/progress/progresstest"
)

// TestNoticeFile runs the seed with a 督办 snapshot of March 2022: the
// pack holds the 督查通报 at 通报/督查通报-2022-03.pdf, listed in the
// manifest as a notice, and the dashboard's 督办 page; a run without a
// snapshot writes neither.
func TestNoticeFile(t *testing.T) {
	base := t.TempDir()
	const want = "通报/督查通报-2022-03.pdf"
	for _, tc := range []struct {
		name string
		snap func(*extract.Document) *progress.Snapshot
	}{
		{"with a snapshot", func(d *extract.Document) *progress.Snapshot { return progresstest.Snapshot(d, 2022, 3) }},
		{"without", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(base, strings.ReplaceAll(tc.name, " ", "-"))
			opt := testOptions(out)
			opt.Flags.Formats = []string{FormatPDF, FormatCharts}
			opt.snapshot = tc.snap
			mustRun(t, opt)
			m := checkPack(t, out)
			var kinds []string
			page := false // the dashboard's 督办 page
			for _, f := range m.Files {
				if f.Path == want {
					kinds = append(kinds, f.Kind)
				}
				page = page || f.Path == "charts/progress.html" && f.Kind == KindChart
			}
			if page != (tc.snap != nil) {
				t.Errorf("charts/progress.html listed: %v, want %v", page, tc.snap != nil)
			}
			if tc.snap == nil {
				if len(kinds) > 0 {
					t.Errorf("a run without a snapshot wrote %s", want)
				}
				return
			}
			if len(kinds) != 1 || kinds[0] != KindNotice {
				t.Fatalf("manifest: %s listed as %v, want once as %q", want, kinds, KindNotice)
			}
			bin, err := exec.LookPath("pdftotext")
			if err != nil {
				t.Skip("pdftotext (poppler-utils) is not installed")
			}
			text, err := exec.Command(bin, "-raw", "-enc", "UTF-8", filepath.Join(out, filepath.FromSlash(want)), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if s := strings.Join(strings.Fields(string(text)), ""); !strings.Contains(s, "关于2022年3月重点工作推进情况的通报") {
				t.Errorf("%s: the title is not in its text:\n%.300s", want, s)
			}
		})
	}
}
