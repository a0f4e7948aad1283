package extract

import "testing"

func TestFingerprint(t *testing.T) {
	base := func() *Document {
		return &Document{
			Title:  "关于落实2022年《政府工作报告》重点工作分工的意见",
			Source: Source{Name: "a.txt", SHA256: "aa"},
			Items:  []Item{{Number: 1, Key: "1", Tasks: []Task{{ID: "1.1", Item: 1, Text: "稳增长", Lead: []string{"省发展改革委"}, Deadline: "6月底前"}}}},
			Depts:  []Dept{{Name: "省发展改革委", Lead: 1}},
		}
	}
	fp := base().Fingerprint()
	if len(fp) != 64 {
		t.Fatalf("fingerprint %q is not a sha256 in hex", fp)
	}
	tests := []struct {
		name string
		edit func(*Document)
		same bool
	}{
		{"unchanged", func(*Document) {}, true},
		{"renamed input", func(d *Document) { d.Source = Source{Name: "b.docx", SHA256: "bb", Format: "docx"} }, true},
		{"warnings", func(d *Document) { d.Warnings = []Warning{{Line: 1}} }, true},
		{"revised deadline", func(d *Document) { d.Items[0].Tasks[0].Deadline = "9月底前" }, true},
		{"revised lead", func(d *Document) { d.Items[0].Tasks[0].Lead = []string{"省财政厅"} }, true},
		{"title", func(d *Document) { d.Title = "关于落实2023年《政府工作报告》重点工作分工的意见" }, false},
		{"year", func(d *Document) { d.Year = 2023 }, false},
		{"depts", func(d *Document) { d.Depts = append(d.Depts, Dept{Name: "省财政厅"}) }, true},
		{"issuer", func(d *Document) { d.Issuer = "长沙市人民政府" }, false},
	}
	for _, tt := range tests {
		d := base()
		tt.edit(d)
		if got := d.Fingerprint(); (got == fp) != tt.same {
			t.Errorf("%s: fingerprint %s, base %s, want same: %v", tt.name, got, fp, tt.same)
		}
	}
}
