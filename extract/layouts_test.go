package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// One golden per layout: testdata/layouts/*.txt are short documents in the
// layouts real offices write (each file says which in its name), and the
// tables below are built as a .docx, an HTML page, an .xlsx workbook and
// a .csv in the test. Every task must name somebody. The real-*.txt are
// the opening of public pages of other governments, as a page's text
// reaches a clerk (the last item cut where the page's excerpt ended is
// left out): their layouts are the ones the extractor learnt from them.
func TestLayoutsGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "layouts", "*.txt"))
	if err != nil || len(files) < 10 {
		t.Fatalf("layout samples: %d, %v", len(files), err)
	}
	inputs := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = b
	}
	inputs["docx-table.docx"] = sampleDocx(t)
	inputs["html-table.html"] = []byte(sampleHTML)
	inputs["xlsx-table.xlsx"] = xlsxTable(t)
	inputs["csv-table.csv"] = []byte(csvTable)
	for name, b := range inputs {
		t.Run(name, func(t *testing.T) {
			d := parseSeedAs(t, name, b)
			if len(d.Items) == 0 {
				t.Fatal("no items")
			}
			for _, it := range d.Items {
				for _, tk := range it.Tasks {
					if len(tk.Lead)+len(tk.Co)+len(tk.Respective)+len(tk.Groups) == 0 && !tk.All {
						t.Errorf("task %s names nobody: %q", tk.ID, tk.Text)
					}
				}
			}
			ext := filepath.Ext(name)
			golden(t, filepath.Join("layouts", strings.TrimSuffix(name, ext)+".json"), marshalDoc(t, d))
		})
	}
}

// The table of the structured layouts: a merged 序号 and 项目 cell over two
// task rows, a merged unit cell, a row without a co unit.
var tableRows = [][]string{
	{"序号", "项目", "工作任务", "牵头单位", "配合单位", "完成时限"},
	{"1", "教育提升", "新建中小学5所", "市教育局", "市住建局", "12月底前"},
	{"", "", "新增学位6000个", "", "市财政局", "9月底前"},
	{"2", "医疗服务", "新建村卫生室20个", "市卫健委", "", "10月底前"},
}

func sampleDocx(t testing.TB) []byte {
	var b strings.Builder
	b.WriteString(wPara("", "2022年重点民生实事分解表"))
	b.WriteString("<w:tbl>")
	for r, row := range tableRows {
		b.WriteString("<w:tr>")
		for c, cell := range row {
			pr := ""
			switch {
			case r == 1 && (c <= 1 || c == 3):
				pr = `<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>`
			case r == 2 && (c <= 1 || c == 3):
				pr = `<w:tcPr><w:vMerge/></w:tcPr>`
			}
			b.WriteString("<w:tc>" + pr + wPara("", cell) + "</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return buildZip(docxParts(b.String(), "")...)
}

const sampleHTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>分解表</title></head><body>
<div class="nav">首页 &gt; 政务公开</div>
<p>2022年重点民生实事分解表</p>
<table border="1">
<tr><th>序号</th><th>项目</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
<tr><td rowspan="2">1</td><td rowspan="2">教育提升</td><td>新建中小学5所</td><td rowspan="2">市教育局</td><td>市住建局</td><td>12月底前</td></tr>
<tr><td>新增学位6000个</td><td>市财政局</td><td>9月底前</td></tr>
<tr><td>2</td><td>医疗服务</td><td>新建村卫生室20个</td><td>市卫健委</td><td></td><td>10月底前</td></tr>
</table>
<p>分享到：</p>
</body></html>`

const csvTable = "序号,项目,工作任务,牵头单位,配合单位,完成时限\n" +
	"1,教育提升,新建中小学5所,市教育局,市住建局,12月底前\n" +
	"1,教育提升,新增学位6000个,市教育局,市财政局,9月底前\n" +
	"2,医疗服务,新建村卫生室20个,市卫健委,,10月底前\n"

func xlsxTable(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "分解表"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for r, row := range tableRows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if v != "" {
				if err := f.SetCellStr(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for _, m := range [][2]string{{"A2", "A3"}, {"B2", "B3"}, {"D2", "D3"}} {
		if err := f.MergeCell(sheet, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The four structured copies of one table give the same tasks.
func TestTablesAgree(t *testing.T) {
	var want string
	for _, in := range []struct {
		name string
		data []byte
	}{{"t.docx", sampleDocx(t)}, {"t.html", []byte(sampleHTML)}, {"t.xlsx", xlsxTable(t)}, {"t.csv", []byte(csvTable)}} {
		d := parseSeedAs(t, in.name, in.data)
		var b strings.Builder
		for _, it := range d.Items {
			for _, tk := range it.Tasks {
				b.WriteString(tk.ID + " " + tk.Text + " " + strings.Join(tk.Lead, "、") + "/" + strings.Join(tk.Co, "、") + " " + tk.Deadline + "\n")
			}
		}
		if want == "" {
			want = b.String()
			if !strings.Contains(want, "1.2 新增学位6000个 市教育局/市财政局 9月底前") || !strings.Contains(want, "2.1 新建村卫生室20个 市卫健委/ 10月底前") {
				t.Errorf("%s: got\n%s", in.name, want)
			}
			continue
		}
		if b.String() != want {
			t.Errorf("%s: got\n%s\nwant\n%s", in.name, b.String(), want)
		}
	}
}
