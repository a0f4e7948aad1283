package xlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestPrintLibreOffice prints the seed's largest dept workbook through
// LibreOffice and reads the PDF back with pdftotext: every page is A4
// landscape, a page that shows the task headings shows all of them (no
// column spills onto a page of its own), and the body text is 9 pt or
// more. It is skipped, with a message, where LibreOffice or poppler's
// pdftotext is not installed (apt-get install libreoffice-calc-nogui
// poppler-utils).
func TestPrintLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed: install libreoffice-calc-nogui to check the printed workbook")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed: install poppler-utils to check the printed workbook")
	}
	if testing.Short() {
		t.Skip("LibreOffice takes seconds; skipped in -short")
	}
	doc := seed(t)
	w := testWording(t)
	largest := doc.ByWorkload()[0].Name
	data, err := Dept(doc, largest, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dept.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, "dept.xlsx"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-bbox", filepath.Join(dir, "dept.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pageRe := regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordRe := regexp.MustCompile(`<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</word>`)
	h := w.Dept.Columns
	heads := []string{h.No, h.Text, h.Owner, h.Contact, h.Deadline, h.Progress, h.Problems, h.NextSteps, h.Status, h.Note}
	var heights []float64
	pages := strings.Split(string(out), "</page>")
	taskPages := 0
	for i, page := range pages[:len(pages)-1] {
		m := pageRe.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("page %d: no size in %.200s", i+1, page)
		}
		pw, _ := strconv.ParseFloat(m[1], 64)
		ph, _ := strconv.ParseFloat(m[2], 64)
		if pw < 841 || pw > 843 || ph < 594 || ph > 596 {
			t.Errorf("page %d: got %v×%v pt, want A4 landscape", i+1, pw, ph)
		}
		var words []string
		for _, m := range wordRe.FindAllStringSubmatch(page, -1) {
			words = append(words, m[3])
			y0, _ := strconv.ParseFloat(m[1], 64)
			y1, _ := strconv.ParseFloat(m[2], 64)
			heights = append(heights, y1-y0)
		}
		if !slices.Contains(words, h.Text) && !slices.Contains(words, h.Note) {
			continue
		}
		taskPages++
		for _, head := range heads {
			if !slices.Contains(words, head) {
				t.Errorf("page %d shows task headings but not %q: the printed columns do not fit the page", i+1, head)
			}
		}
	}
	if taskPages == 0 {
		t.Fatal("no page shows the task headings")
	}
	// a word's box is its font's line height, 1.2 em or more in any CJK
	// font; the median word is body text
	slices.Sort(heights)
	if med := heights[len(heights)/2]; med < 9*1.2 {
		t.Errorf("median word box %.1f pt high, want text of 9 pt or more (a box of %.1f pt)", med, 9*1.2)
	}
	if !bytes.Contains(out, []byte(largest)) {
		t.Errorf("the printed workbook does not name %s", largest)
	}
}
