package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fengong/extract"
)

// renameDepts puts the names given in place of the placeholder depts
// 省占位N局, everywhere in the model, as if the document had written them.
func renameDepts(names []string) func(*extract.Document) {
	return func(doc *extract.Document) {
		to := map[string]string{}
		for i, n := range names {
			to[fmt.Sprintf("省占位%d局", i+1)] = n
		}
		swap := func(list []string) {
			for i, n := range list {
				if m, ok := to[n]; ok {
					list[i] = m
				}
			}
		}
		for i := range doc.Depts {
			if m, ok := to[doc.Depts[i].Name]; ok {
				doc.Depts[i].Name = m
			}
		}
		for i := range doc.Items {
			for j := range doc.Items[i].Tasks {
				t := &doc.Items[i].Tasks[j]
				swap(t.Lead)
				swap(t.Co)
				swap(t.Respective)
			}
		}
	}
}

// Regression: a dept name with a path separator, a very long one, a
// device name or "..", and names equal but for characters a stem drops,
// ended the whole run with exit 1.
func TestOddDeptNamesNeverSinkARun(t *testing.T) {
	names := []string{
		"省发展改革委/省能源局",
		`省发展改革委\省能源局`,
		"省发展改革委_省能源局",
		strings.Repeat("长", 300),
		strings.Repeat("长", 300) + "办",
		"CON",
		"con",
		"..",
		"省财政厅",
		"省\u200b财政厅",
		"省\u202e厅政财",
	}
	var text strings.Builder
	text.WriteString("关于落实《政府工作报告》重点工作分工的意见\n一、测试\n")
	for i := range names {
		fmt.Fprintf(&text, "%d.推进第%d项工作。（省占位%d局牵头）\n", i+1, i+1, i+1)
	}
	base := t.TempDir()
	out := filepath.Join(base, "pack")
	opt := testOptions(out)
	opt.Flags.Input = writeInput(t, "odd.txt", []byte(text.String()))
	opt.editModel = renameDepts(names)
	res, err := Execute(context.Background(), opt)
	if err != nil {
		t.Fatalf("Execute: %v (%+v)", err, res.Failures)
	}
	m := checkPack(t, out)
	perDept := map[string]map[string]int{}
	for _, f := range m.Files {
		if f.Dept == "" {
			continue
		}
		if perDept[f.Dept] == nil {
			perDept[f.Dept] = map[string]int{}
		}
		perDept[f.Dept][f.Kind]++
		if !strings.HasPrefix(f.Path, "单位/") || strings.Count(f.Path, "/") != 2 {
			t.Errorf("%s: not 单位/<stem>/<file>", f.Path)
		}
	}
	warned := strings.Join(m.Warnings, "\n")
	// these two keep their stems; the names that meet them get a suffix
	safe := map[string]bool{"省财政厅": true, "省发展改革委_省能源局": true}
	for _, n := range names {
		if perDept[n][KindDeptWorkbook] != 1 || perDept[n][KindDeptBrief] != 1 {
			t.Errorf("%q: got %v, want one workbook and one brief", n, perDept[n])
		}
		if !safe[n] && !strings.Contains(warned, fmt.Sprintf("%q", n)) {
			t.Errorf("%q: no warning for its rewritten stem", n)
		}
	}
	for n := range safe {
		if strings.Contains(warned, fmt.Sprintf("dept %q", n)) {
			t.Errorf("%q, a safe name that keeps its stem, was warned about: %s", n, warned)
		}
	}
	entries, _ := os.ReadDir(base)
	if len(entries) != 1 || entries[0].Name() != "pack" {
		t.Errorf("beside the pack: %v", entries)
	}
	// the names are written as they are inside the files
	model, _ := os.ReadFile(filepath.Join(out, modelName))
	for _, n := range []string{"省发展改革委/省能源局", strings.Repeat("长", 300)} {
		if !strings.Contains(string(model), n) {
			t.Errorf("model.json lacks %q", n)
		}
	}
}
