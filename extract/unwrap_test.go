package extract

import (
	"reflect"
	"strings"
	"testing"
)

// A paragraph broken at 40 columns (20 Han characters), as a PDF breaks it.
var wrappedLines = []string{
	"1.加快推进重大项目建设，完成年度投资10",
	"0亿元。由市发改委、市住建局，各县（市",
	"、区）人民政府负责落实。",
	"2.推进乡村振兴，粮食播种面积稳定在50万",
	"亩以上，新建高标准农田5万亩，确保粮食",
	"安全。（市农业农村局牵头）",
	"3.新增城镇就业1万人，新建保障性住房10",
	"00套，改造老旧小区50个，办好十件实事",
	"。（市人社局牵头）",
}

func TestUnwrap(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		name   string
		lines  []string
		want   []string // the lines after, "" for those taken in
		joined int
	}{
		{"a wrapped document", wrappedLines, []string{
			"1.加快推进重大项目建设，完成年度投资100亿元。由市发改委、市住建局，各县（市、区）人民政府负责落实。", "", "",
			"2.推进乡村振兴，粮食播种面积稳定在50万亩以上，新建高标准农田5万亩，确保粮食安全。（市农业农村局牵头）", "", "",
			"3.新增城镇就业1万人，新建保障性住房1000套，改造老旧小区50个，办好十件实事。（市人社局牵头）", "", "",
		}, 6},
		{"lines of many widths are paragraphs", []string{
			"1.加快推进重大项目建设。（市发改委牵头）",
			"2.推进乡村振兴，粮食播种面积稳定在50万亩以上，新建高标准农田5万亩。（市农业农村局牵头）",
			"3.新增城镇就业1万人。（市人社局牵头）",
			"4.新建保障性住房1000套，改造老旧小区50个，办好十件民生实事。（市住建局牵头）",
			"5.推进国资国企改革，完成年度改革任务。（市国资委牵头）",
			"6.优化营商环境。（市营商办牵头）",
		}, nil, 0},
		{"a table's cells of one width beside a wider notice", []string{
			"各乡镇人民政府，县直各部门：现将2023年民生实事项目任务分解表印发给你们，请各责任单位认真研究，强化措施，确保全年目标任务顺利完成。",
			"序号", "实事项目", "责任单位",
			"1", "新建改扩建城区幼儿园三所新增学位", "县教育局",
			"2", "改造提升农村公路五十公里危桥改造", "县交通局",
			"3", "新建城市社区嵌入式养老服务中心两", "县民政局",
			"4", "实施城区老旧小区改造项目二十个个", "县住建局",
			"5", "新建城乡公共充电桩一千个以上项目", "县发改局",
			"6", "新增城镇就业岗位三千个以上的目标", "县人社局",
		}, nil, 0},
		{"a number, a label or an indent opens a line of its own", append(append([]string{}, wrappedLines[:2]...),
			"牵头单位：市发改委、市住建局、市财政局",
			"2.推进乡村振兴，粮食播种面积稳定在50万",
			"亩以上，新建高标准农田5万亩，确保粮食",
			"　　安全。（市农业农村局牵头）",
			"3.新增城镇就业1万人，新建保障性住房10",
			"00套，改造老旧小区50个，办好十件实事",
			"| 4 | 新建学校 | 市教育局 | 市财政局 |"),
			[]string{
				"1.加快推进重大项目建设，完成年度投资100亿元。由市发改委、市住建局，各县（市", "",
				"牵头单位：市发改委、市住建局、市财政局",
				"2.推进乡村振兴，粮食播种面积稳定在50万亩以上，新建高标准农田5万亩，确保粮食", "",
				"　　安全。（市农业农村局牵头）",
				"3.新增城镇就业1万人，新建保障性住房1000套，改造老旧小区50个，办好十件实事", "",
				"| 4 | 新建学校 | 市教育局 | 市财政局 |",
			}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := append([]string(nil), tc.lines...)
			fold := foldLines(raw)
			first, joined := unwrap(raw, fold, v)
			want := tc.want
			if want == nil {
				want = tc.lines
			}
			if !reflect.DeepEqual(raw, want) {
				t.Errorf("lines:\ngot  %q\nwant %q", raw, want)
			}
			if joined != tc.joined || (joined > 0) != (first > 0) {
				t.Errorf("joined %d lines from line %d, want %d", joined, first, tc.joined)
			}
			for i := range raw {
				if len(raw[i]) != len(fold[i]) {
					t.Errorf("line %d: written and folded out of step: %q, %q", i+1, raw[i], fold[i])
				}
			}
		})
	}
}

// The folded spelling is joined with the written one: a Traditional
// document's joined lines stay byte-aligned, and the written text is kept.
func TestUnwrapTraditional(t *testing.T) {
	raw := make([]string, len(wrappedLines))
	for i, l := range wrappedLines {
		raw[i] = strings.NewReplacer("发", "發", "项", "項", "实", "實").Replace(l)
	}
	fold := foldLines(raw)
	if _, n := unwrap(raw, fold, defaultVocabulary()); n != 6 {
		t.Fatalf("joined %d lines, want 6", n)
	}
	if !strings.Contains(raw[0], "市發改委") || !strings.Contains(fold[0], "市发改委") || len(raw[0]) != len(fold[0]) {
		t.Errorf("written %q, folded %q", raw[0], fold[0])
	}
}

// The wrapped document reads as the paragraphs it was: the clause broken
// over two lines names its units, and the warning says where.
func TestUnwrapParse(t *testing.T) {
	d := parseLines(t, wrappedLines...)
	got := taskRoles(d)
	want := []string{"1.1:/市发改委、市住建局/各县（市、区）人民政府", "2.1:市农业农村局//", "3.1:市人社局//"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if len(d.Warnings) != 1 || d.Warnings[0].Code != "wrapped-lines" || d.Warnings[0].Line != 1 {
		t.Errorf("warnings: %+v", d.Warnings)
	}
}
