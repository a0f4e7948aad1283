package extract

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestCollapsedCuts(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		name string
		line string
		want []string // the pieces
	}{
		{"after sentence ends and spaces", "通知如下： 一、稳增长 1.甲。（市发改委牵头）2.乙。（市商务局牵头）",
			[]string{"通知如下：", "一、稳增长", "1.甲。（市发改委牵头）", "2.乙。（市商务局牵头）"}},
		{"a parenthesised number the sequence expects", "一、深化改革（一）加强市场体系建设。〔责任单位：省发展改革委〕（二）优化准入环境。",
			[]string{"一、深化改革", "（一）加强市场体系建设。〔责任单位：省发展改革委〕", "（二）优化准入环境。"}},
		{"values and prose stay", "一、稳增长。力争增长1.5%，统一、规范市场，完成3.2亿元。",
			[]string{"一、稳增长。力争增长1.5%，统一、规范市场，完成3.2亿元。"}},
		{"a heading right after a title, its first item near", "任务分解一、主要目标1.地区生产总值增长12%。",
			[]string{"任务分解", "一、主要目标1.地区生产总值增长12%。"}},
		{"a label glued to its text", "（一）地区生产总值增长7%以上责任单位：区发改局（二）投资增长10%责任单位：区发改局",
			[]string{"（一）地区生产总值增长7%以上", "责任单位：区发改局", "（二）投资增长10%", "责任单位：区发改局"}},
		{"a clause's label stays", "1.甲。（牵头单位：市发改委）",
			[]string{"1.甲。（牵头单位：市发改委）"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			start := 0
			line := foldLines([]string{tc.line})[0] // classify reads folded lines
			cuts, _, _ := collapsedCuts(line, v, false)
			for _, at := range append(cuts, len(line)) {
				if p := strings.TrimSpace(tc.line[start:at]); p != "" {
					got = append(got, p)
				}
				start = at
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("pieces:\ngot  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSplitHeading(t *testing.T) {
	long := "今年全市经济社会发展的主要目标是地区生产总值增长6%左右，一般公共预算收入增长5%，城镇新增就业4万人。"
	tests := []struct {
		piece string
		want  []string
	}{
		{"一、主要目标 " + long, []string{"一、主要目标", long}},
		{"一、主要目标1." + long, []string{"一、主要目标", "1." + long}},
		{"一、稳增长", []string{"一、稳增长"}},
		{"1.甲" + long + long, []string{"1.甲" + long + long}}, // an item is not a heading
	}
	for _, tc := range tests {
		if got := splitHeading(tc.piece); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitHeading(%q):\ngot  %q\nwant %q", tc.piece, got, tc.want)
		}
	}
}

// A document whose line breaks were lost reads as the lines it had; a
// document of a few short lines is not split.
func TestCollapsedParse(t *testing.T) {
	lines := []string{
		"某区人民政府办公室关于印发主要目标任务责任分解方案的通知",
		"各街道办事处，区人民政府各部门：现将方案印发给你们，请认真抓好落实。",
		"一、经济发展",
		"（一）地区生产总值增长7%以上",
		"责任单位：区发展和改革局",
		"（二）规上工业增加值增长12%以上",
		"责任单位：区科技和经信局",
		"二、社会民生",
		"（三）城镇新增就业5000人",
		"责任单位：区人力资源局",
		"（四）新建幼儿园3所。由区教育局、区财政局负责落实。",
	}
	want := []string{"1.1:/区发展和改革局/", "2.1:/区科技和经信局/", "3.1:/区人力资源局/", "4.1:/区教育局、区财政局/"}
	for _, join := range []string{"", " "} {
		d := parseLines(t, strings.Join(lines, join))
		got := taskRoles(d)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("joined by %q:\ngot  %q\nwant %q", join, got, want)
		}
		if len(d.Targets) != 4 {
			t.Errorf("joined by %q: %d targets, want 4: %+v", join, len(d.Targets), d.Targets)
		}
	}
	// a page's header lines, then the document on one line
	header := []string{"索引号: | 113304240025561412/2022-69894 | 成文日期: |", "文件编号: | 盐政办发〔2022〕16号", "发布机构: | 县政府办公室", "||", "|"}
	body := slices.Clone(lines)
	body[1] = strings.Repeat(body[1], 8) // a notice long enough
	d := parseLines(t, strings.Join(header, "\n")+"\n"+strings.Join(body, " "))
	if got := taskRoles(d); !reflect.DeepEqual(got, want) {
		t.Errorf("after a page's header lines:\ngot  %q\nwant %q", got, want)
	}
	short := []cline{{n: 1, text: "一、稳增长 1.甲。（市发改委牵头）2.乙。（市商务局牵头）3.丙。（市财政局牵头）"}}
	if got := splitCollapsed(short, defaultVocabulary()); len(got) != 1 {
		t.Errorf("a short line was split: %+v", got)
	}
	var many []cline
	for i := range 4 {
		many = append(many, cline{n: i + 1, text: strings.Repeat(lines[3]+lines[4], 4)})
	}
	if got := splitCollapsed(many, defaultVocabulary()); len(got) != len(many) {
		t.Errorf("a document of %d lines was split into %d", len(many), len(got))
	}
	// one long line among many is a paragraph, unless it holds most of
	// the document
	long := cline{n: 5, text: strings.Repeat(lines[3]+lines[4]+" ", 12)}
	if got := splitCollapsed(append(slices.Clone(many), long), defaultVocabulary()); len(got) != len(many)+1 {
		t.Errorf("a long line under %d others was split: %d lines", len(many), len(got))
	}
	if got := splitCollapsed(append(many[:1:1], long), defaultVocabulary()); len(got) < 10 {
		t.Errorf("a long line holding the document was not split: %d lines", len(got))
	}
	// in a document that kept its lines, a line that runs on points
	// naming their units each is split, and so is a later one with one
	// such point (the page's last, cut short)
	runOn := []string{
		"漯河市2007年16件实事责任分解",
		"为确保16件实事的顺利实施，现将责任分解如下。",
		"一、充分发挥龙头企业的作用，建立健全与农户的联结机制，发展一批规模养殖场；市财政筹措资金500万元，专项用于补贴；新增小额支农贷款3亿元以上，促进农民增收。" +
			" 1.发展一批规模养殖场。责任单位：市畜牧局、各县区党委和人民政府。 2.市财政筹措资金500万元。责任单位：市财政局。 3.新增小额支农贷款3亿元以上。责任单位：市农村信用联社。",
		"二、深入实施六项工程，使农村生产生活条件得到较大改善，新建改造公路285公里，新建农村招呼站500个，新建户用沼气池4万座。 1.新建改造公路285公里。责任单位：市交通局。",
	}
	d = parseLines(t, strings.Join(runOn, "\n"))
	if got, want := taskRoles(d), []string{"一.1.1:/市畜牧局/各县区党委和人民政府", "一.2.1:/市财政局/", "一.3.1:/市农村信用联社/", "二.1.1:/市交通局/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("points run on after their summary:\ngot  %q\nwant %q", got, want)
	}
	if len(d.Sections) != 2 || d.Items[3].Section != "二" {
		t.Errorf("sections %+v, the last item's %q: want 一 and 二", d.Sections, d.Items[3].Section)
	}
}
