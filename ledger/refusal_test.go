package ledger

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fengong/export/xlsx"
	"fengong/templates"
)

// Every refusal prints one line in the clerk's words, whatever Go error
// is behind it (excelize's, archive/zip's, the system's): the English
// detail goes to FileResult.Detail, never to the line.
func TestRefusalLines(t *testing.T) {
	doc := seed(t)
	a, _ := depts(doc)
	own := doc.TasksOf(a)[0].Task.ID // on 全体任务, row 3
	other := *doc
	other.Year = 2023
	// edit sets cells of a's workbook: sheet!ref → value
	edit := func(cells map[string]string) func(t *testing.T) []byte {
		return func(t *testing.T) []byte { return workbook(t, doc, a, cells) }
	}
	zipOf := func(parts map[string]string) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for name, body := range parts {
				w, _ := zw.Create(name)
				w.Write([]byte(body))
			}
			zw.Close()
			return buf.Bytes()
		}
	}
	noTaskSheet := func(t *testing.T) []byte {
		f := excelize.NewFile()
		defer f.Close()
		buf, _ := f.WriteToBuffer()
		return buf.Bytes()
	}
	tests := []struct {
		name   string
		data   func(t *testing.T) []byte
		limits *xlsx.Limits
		want   string // the reason printed after 拒收　<file>：
	}{
		{"another year", func(t *testing.T) []byte { return workbook(t, &other, a, nil) }, nil,
			"属于另一份文件“落实《政府工作报告》重点工作分工的意见”（“2023”年），不是本次汇总的“落实《政府工作报告》重点工作分工的意见”（2022年）"},
		{"unknown ID", edit(map[string]string{"牵头任务!Q3": "99.99"}), nil, "牵头任务 3行的任务标识“99.99”不是本文件的任务"},
		{"script ID", edit(map[string]string{"牵头任务!Q3": "<script>alert(1)</script>"}), nil, "牵头任务 3行的任务标识“<script>alert(1)</script>”不是本文件的任务"},
		{"duplicate ID", edit(map[string]string{"牵头任务!Q4": own}), nil, "任务“" + own + "”出现了两次（全体任务 3行）"},
		{"formula ID", edit(map[string]string{"牵头任务!Q3": `="1.1"`}), nil, "牵头任务 3行的任务标识是公式，已被改动"},
		{"column renamed", edit(map[string]string{"牵头任务!G2": "进展"}), nil, "任务表的列被改动（“牵头任务”缺少“进展情况”列），请用下发的原表填报"},
		{"column twice", edit(map[string]string{"牵头任务!L2": "存在问题"}), nil, "任务表的列被改动（“牵头任务”中“存在问题”列出现了两次），请用下发的原表填报"},
		{"password-protected", func(t *testing.T) []byte {
			return append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 2048)...)
		}, nil, "工作簿设有打开密码或不是 .xlsx 格式，请取消密码后另存为 .xlsx"},
		{"not a zip", func(t *testing.T) []byte { return []byte("PK\x03\x04 not a workbook") }, nil, "工作簿已损坏，无法读取，请用 Excel 或 WPS 打开后重新另存为 .xlsx"},
		{"zip without a workbook", zipOf(map[string]string{"hello.txt": "hello"}), nil, "工作簿已损坏，无法读取，请用 Excel 或 WPS 打开后重新另存为 .xlsx"},
		{"broken workbook part", zipOf(map[string]string{"xl/workbook.xml": "<workbook><sheets><sheet", "xl/_rels/workbook.xml.rels": "<Relationships/>", "[Content_Types].xml": "<Types/>"}), nil,
			"工作簿已损坏，无法读取，请用 Excel 或 WPS 打开后重新另存为 .xlsx"},
		{"no task sheet", noTaskSheet, nil, "找不到任务表（没有“任务标识”列），不是下发的任务分解表"},
		{"over the file limit", edit(nil), &xlsx.Limits{File: 1 << 10, Unzipped: 24 << 20, Part: 16 << 20, Ratio: 100, RatioFloor: 1 << 20, Parts: 500},
			"文件大小 {size}，超出上限 1.0 KB"},
		{"unzips over the limit", edit(nil), &xlsx.Limits{File: 8 << 20, Unzipped: 4 << 10, Part: 16 << 20, Ratio: 100, RatioFloor: 1 << 20, Parts: 500},
			"工作簿解压后超出大小限制（可能是压缩炸弹），请用下发的原表重新填报"},
	}
	english := regexp.MustCompile(`[A-Za-z]{3,}(?:\s+[A-Za-z]{2,})+|[A-Za-z]{6,}`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, doc)
			e.opt.Limits = tt.limits
			name := "报送-" + strings.ReplaceAll(tt.name, " ", "_") + ".xlsx"
			data := tt.data(t)
			res, out, err := e.collect(e.write(name, data))
			if !errors.Is(err, ErrRefused) || res.Files[0].Outcome != Refused {
				t.Fatalf("got %v, want refused\n%s", err, out)
			}
			line, _, _ := strings.Cut(out, "\n")
			want := "拒收　" + name + "：" + strings.Replace(tt.want, "{size}", fmt.Sprintf("%.1f KB", float64(len(data))/1024), 1)
			if line != want {
				t.Errorf("printed\n%s\nwant\n%s\n(detail %q)", line, want, res.Files[0].Detail)
			}
			// beside the file name and the values quoted from the file,
			// no English words
			rest := regexp.MustCompile(`“[^”]*”`).ReplaceAllString(strings.Replace(line, name, "", 1), "")
			if m := english.FindString(rest); m != "" {
				t.Errorf("the line %q holds English %q", line, m)
			}
		})
	}
}

// A file the system will not read is refused in the clerk's words, the
// system's error kept as the detail.
func TestUnreadable(t *testing.T) {
	msgs, err := templates.LoadMessages(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "a.xlsx", Err: fs.ErrPermission}, "没有读取这个文件的权限"},
		{fmt.Errorf("read a.xlsx: %w", errors.New("input/output error")), "文件无法读取，请确认文件完好后重新报送"},
	} {
		ref := unreadable(tc.err)
		if got := msgs.Text(ref.key, ref.pairs...); got != tc.want || ref.err != tc.err {
			t.Errorf("unreadable(%v) = %q (%v), want %q", tc.err, got, ref.err, tc.want)
		}
	}
}
