package extract

import (
	"fmt"
	"html"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCorpusRelayout writes the tasks of every corpus document again in
// the other layouts real offices use (label lines, a clause in
// parentheses or lenticular brackets, bracket labels, a sentence, pipe,
// tab, space and cell-per-line tables with cells marked empty, a 牵头
// mark, leader lines), and asks that each reads back to the same units in
// the same roles, and the same groups, as the document itself. A layout
// that loses a unit, or a role, fails here even when no corpus document
// is written in it.
func TestCorpusRelayout(t *testing.T) {
	paths, golds := loadCorpus(t)
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d := parseBytes(t, "a.txt", data)
		var tasks []relayTask
		for _, it := range d.Items {
			for _, tk := range it.Tasks {
				if rt, ok := relayable(tk); ok {
					tasks = append(tasks, rt)
				}
			}
		}
		for _, l := range relayouts {
			var kept []relayTask
			for _, tk := range tasks {
				if !l.table || len(tk.resp) == 0 {
					kept = append(kept, tk)
				}
			}
			if len(kept) == 0 {
				continue
			}
			written := l.write(kept)
			if written == nil {
				continue // the layout cannot say what these tasks say
			}
			text := strings.Join(written, "\n")
			got := parseBytes(t, golds[i].Doc+" as "+l.name, []byte(text))
			if got == nil {
				continue
			}
			want := map[string]int{}
			wantGroups := map[string]bool{}
			for _, tk := range kept {
				tk.pairs(want, wantGroups)
			}
			have := map[string]int{}
			haveGroups := map[string]bool{}
			for _, it := range got.Items {
				for _, tk := range it.Tasks {
					rt, _ := relayable(tk)
					rt.pairs(have, haveGroups)
				}
			}
			if !maps.Equal(want, have) || !maps.Equal(wantGroups, haveGroups) {
				t.Errorf("%s written as %s:\n got %v %v\nwant %v %v\n%s", golds[i].Doc, l.name, sorted(have), slices.Sorted(maps.Keys(haveGroups)), sorted(want), slices.Sorted(maps.Keys(wantGroups)), text)
			}
			// the targets are the tasks' own, whatever the layout: as
			// many as the same tasks give as label lines
			if ref := parseBytes(t, golds[i].Doc+" as label lines", []byte(strings.Join(relayouts[0].write(kept), "\n"))); ref != nil && len(got.Targets) != len(ref.Targets) {
				t.Errorf("%s written as %s: %d targets, as label lines %d", golds[i].Doc, l.name, len(got.Targets), len(ref.Targets))
			}
		}
	}
}

// parseBytes reads and parses data: a page of HTML when it opens with <.
func parseBytes(t *testing.T, name string, data []byte) *Document {
	t.Helper()
	file := "a.txt"
	if strings.HasPrefix(string(data), "<") {
		file = "a.html"
	}
	txt, err := Read(file, data)
	if err == nil {
		var d *Document
		if d, err = Parse(txt, nil); err == nil {
			return d
		}
	}
	t.Errorf("%s: %v", name, err)
	return nil
}

// relayTask is a task's text and units, to be written in another layout.
type relayTask struct {
	text                   string
	lead, co, resp, groups []string
	all                    bool
}

// relayable is t as a relayTask, unless its text cannot stand in a
// table's cell (a bar, a tab) or it names a unit cut short (区).
func relayable(t Task) (relayTask, bool) {
	rt := relayTask{text: strings.ReplaceAll(strings.TrimSpace(t.Text), " ", ""), lead: t.Lead, co: t.Co, resp: t.Respective, groups: t.Groups, all: t.All}
	ok := rt.text != "" && !strings.ContainsAny(rt.text, "|\t\n")
	for _, u := range slices.Concat(t.Lead, t.Co, t.Respective) {
		ok = ok && utf8.RuneCountInString(u) > 1
	}
	return rt, ok
}

// labelParts are the task's units as labels inside a clause: 牵头单位：X,
// 配合单位：Y, 责任单位：Z分别负责.
func (t relayTask) labelParts() []string {
	var parts []string
	if len(t.lead) > 0 {
		parts = append(parts, "牵头单位："+strings.Join(t.lead, "、"))
	}
	if o := t.others(); len(o) > 0 {
		parts = append(parts, t.coLabel()+"："+strings.Join(o, "、"))
	}
	if len(t.resp) > 0 {
		parts = append(parts, "责任单位："+strings.Join(t.resp, "、")+"分别负责")
	}
	return parts
}

// others are the units and groups a layout writes beside the lead.
func (t relayTask) others() []string {
	out := slices.Concat(t.co, t.groups)
	if t.all {
		out = append(out, "各部门单位")
	}
	return out
}

func (t relayTask) pairs(into map[string]int, groups map[string]bool) {
	for role, units := range map[string][]string{"lead": t.lead, "co": t.co, "respective": t.resp} {
		for _, u := range units {
			into[role+" "+u]++
		}
	}
	if t.all {
		into["all"]++
	}
	for _, g := range t.groups {
		groups[g] = true
	}
}

func sorted(m map[string]int) []string {
	var out []string
	for k, n := range m {
		out = append(out, fmt.Sprintf("%s×%d", k, n))
	}
	slices.Sort(out)
	return out
}

// parts writes a clause of role words: X牵头，Y配合 (Y负责 without a
// lead), Z分别负责.
func (t relayTask) parts(lead, co, alone string) string {
	var parts []string
	if len(t.lead) > 0 {
		parts = append(parts, strings.Join(t.lead, "、")+lead)
	}
	if o := t.others(); len(o) > 0 {
		if len(t.lead) > 0 {
			parts = append(parts, strings.Join(o, "、")+co)
		} else {
			parts = append(parts, strings.Join(o, "、")+alone)
		}
	}
	if len(t.resp) > 0 {
		parts = append(parts, strings.Join(t.resp, "、")+"分别负责")
	}
	return strings.Join(parts, "，")
}

// orEmpty joins names, or writes the mark of an empty cell.
func orEmpty(names []string, mark string) string {
	if len(names) == 0 {
		return mark
	}
	return strings.Join(names, "、")
}

// coLabel is the label of the units beside a lead: 配合单位, or 责任单位
// when there is no lead.
func (t relayTask) coLabel() string {
	if len(t.lead) > 0 {
		return "配合单位"
	}
	return "责任单位"
}

var relayouts = []struct {
	name  string
	table bool // a table has no way to write 分别负责
	write func([]relayTask) []string
}{
	{"label lines", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d.%s", i+1, t.text))
			l = append(l, t.labelParts()...)
		}
		return l
	}},
	{"leader lines and （一） items", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			l = append(l, "（"+formatNumber(i+1, "chineseCountingThousand")+"）"+t.text, "责任领导：王副市长")
			if len(t.lead) > 0 {
				l = append(l, "牵头单位：", strings.Join(t.lead, "、")) // the value on the next line
			}
			if o := t.others(); len(o) > 0 {
				l = append(l, t.coLabel()+"："+strings.Join(o, "、"))
			}
			if len(t.resp) > 0 {
				l = append(l, "责任单位："+strings.Join(t.resp, "、")+"分别负责")
			}
			l = append(l, "完成时限：2023年12月底")
		}
		return l
	}},
	{"a clause in parentheses", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			var parts []string
			if len(t.lead) > 0 {
				parts = append(parts, strings.Join(t.lead, "、")+"牵头")
			}
			if o := t.others(); len(o) > 0 {
				parts = append(parts, strings.Join(o, "、")+map[bool]string{true: "配合", false: "负责"}[len(t.lead) > 0])
			}
			if len(t.resp) > 0 {
				parts = append(parts, strings.Join(t.resp, "、")+"分别负责")
			}
			l = append(l, fmt.Sprintf("%d.%s（%s）", i+1, t.text, strings.Join(parts, "，")))
		}
		return l
	}},
	{"lenticular brackets", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工"}
		for i, t := range ts {
			parts := t.labelParts()
			l = append(l, "（"+formatNumber(i+1, "chineseCountingThousand")+"）"+t.text+"〔"+strings.Join(parts, "；")+"〕")
		}
		return l
	}},
	{"square brackets, half- and full-width", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工"}
		for i, t := range ts {
			parts := t.labelParts()
			open, closing := "[", "]"
			if i%2 == 1 {
				open, closing = "［", "］"
			}
			l = append(l, fmt.Sprintf("%d.%s%s%s%s", i+1, t.text, open, strings.Join(parts, "；"), closing))
		}
		return l
	}},
	{"units alone after the full stop, or a dash", false, func(ts []relayTask) []string {
		if slices.ContainsFunc(ts, func(t relayTask) bool { return len(t.lead)+len(t.resp) > 0 || t.all || len(t.co) == 0 }) {
			return nil // names with no role word are 责任单位's, and groups alone are not read
		}
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			sep := "。"
			switch {
			case i%2 == 1:
				sep = "。——"
			case strings.HasSuffix(t.text, "。"):
				sep = ""
			}
			l = append(l, fmt.Sprintf("%d.%s%s%s", i+1, t.text, sep, strings.Join(t.others(), "、")))
		}
		return l
	}},
	{"bracket labels", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			s := fmt.Sprintf("%d.%s", i+1, t.text)
			if len(t.lead) > 0 {
				s += "【牵头单位】" + strings.Join(t.lead, "、")
			}
			if o := t.others(); len(o) > 0 {
				s += "【" + t.coLabel() + "】" + strings.Join(o, "、")
			}
			if len(t.resp) > 0 {
				s += "【责任单位】" + strings.Join(t.resp, "、") + "分别负责"
			}
			l = append(l, s)
		}
		return l
	}},
	{"a sentence", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			var parts []string
			switch {
			case len(t.lead) == 0 && len(t.resp) == 0:
				parts = append(parts, "由"+strings.Join(t.others(), "、")+"负责落实")
			default:
				if len(t.lead) > 0 {
					parts = append(parts, "由"+strings.Join(t.lead, "、")+"牵头")
				}
				if o := t.others(); len(o) > 0 {
					parts = append(parts, strings.Join(o, "、")+"配合")
				}
				if len(t.resp) > 0 {
					parts = append(parts, strings.Join(t.resp, "、")+"分别负责")
				}
			}
			text := t.text
			if !strings.HasSuffix(text, "。") {
				text += "。"
			}
			l = append(l, fmt.Sprintf("%d.%s%s。", i+1, text, strings.Join(parts, "，")))
		}
		return l
	}},
	{"a clause before the text", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d.（%s）%s", i+1, t.parts("牵头", "配合", "负责"), t.text))
		}
		return l
	}},
	{"a clause on the next line", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d.%s", i+1, t.text), "（"+t.parts("牵头", "配合", "负责")+"）")
		}
		return l
	}},
	{"主办 and 协办", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d.%s（%s）", i+1, t.text, t.parts("主办", "协办", "承办")))
		}
		return l
	}},
	{"一、 items closed by a sentence", false, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工"}
		for i, t := range ts {
			text := t.text
			if !strings.HasSuffix(text, "。") {
				text += "。"
			}
			l = append(l, formatNumber(i+1, "chineseCountingThousand")+"、"+text+t.parts("牵头", "配合", "负责")+"。")
		}
		return l
	}},
	{"label lines of many words", true, func(ts []relayTask) []string {
		leads := []string{"牵头单位", "牵头部门", "主办单位", "牵头责任单位", "主责单位", "第一责任单位"}
		cos := []string{"配合单位", "协办单位", "参与单位", "协同单位", "配合部门", "协助单位", "其他责任单位", "配合责任单位"}
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d.%s", i+1, t.text))
			if len(t.lead) > 0 {
				l = append(l, leads[i%len(leads)]+"："+strings.Join(t.lead, "、"))
			}
			if o := t.others(); len(o) > 0 && len(t.lead) > 0 {
				l = append(l, cos[i%len(cos)]+"："+strings.Join(o, "、"))
			} else if len(o) > 0 {
				l = append(l, "责任单位："+strings.Join(o, "、"))
			}
		}
		return l
	}},
	{"clauses of many role words", true, func(ts []relayTask) []string {
		leads := []string{"牵头", "牵头负责", "负责牵头", "主办", "牵头落实", "牵头抓总", "牵头推进"}
		cos := []string{"配合", "协助", "参与", "协办", "按职责分工负责", "配合落实", "积极配合", "共同推进", "协同配合", "配合推进"}
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d.%s（%s）", i+1, t.text, t.parts(leads[i%len(leads)], cos[i%len(cos)], "负责")))
		}
		return l
	}},
	{"a 牵头 mark", true, func(ts []relayTask) []string {
		l := []string{"重点工作任务分工", "一、重点任务"}
		for i, t := range ts {
			var names []string
			for _, u := range t.lead {
				names = append(names, u+"（牵头）")
			}
			l = append(l, fmt.Sprintf("%d.%s", i+1, t.text), "责任单位："+strings.Join(append(names, t.others()...), "、"))
		}
		return l
	}},
	{"a pipe table", true, func(ts []relayTask) []string {
		l := []string{"重点工作任务分解表", "序号 | 工作任务 | 牵头单位 | 配合单位 |"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d | %s | %s | %s |", i+1, t.text, orEmpty(t.lead, ""), orEmpty(t.others(), "")))
		}
		return l
	}},
	{"a pipe table with no number column", true, func(ts []relayTask) []string {
		l := []string{"重点工作任务分解表", "工作任务 | 牵头单位 | 配合单位"}
		for _, t := range ts {
			l = append(l, fmt.Sprintf("%s | %s | %s", t.text, orEmpty(t.lead, ""), orEmpty(t.others(), "")))
		}
		return l
	}},
	{"a markdown table with cells marked empty", true, func(ts []relayTask) []string {
		l := []string{"重点工作任务分解表", "| 序号 | 工作任务 | 牵头单位 | 配合单位 |", "|---|---|---|---|"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("| %d | %s | %s | %s |", i+1, t.text, orEmpty(t.lead, "无"), orEmpty(t.others(), "/")))
		}
		return l
	}},
	{"a tab table", true, func(ts []relayTask) []string {
		l := []string{"重点工作任务分解表", "序号\t工作任务\t牵头单位\t配合单位"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d\t%s\t%s\t%s", i+1, t.text, orEmpty(t.lead, ""), orEmpty(t.others(), "")))
		}
		return l
	}},
	{"a tab table with no header row, under sections", true, func(ts []relayTask) []string {
		// a clerk tells 牵头 from 配合 by their places alone: both columns
		// must hold units somewhere
		if !slices.ContainsFunc(ts, func(t relayTask) bool { return len(t.lead) > 0 }) || !slices.ContainsFunc(ts, func(t relayTask) bool { return len(t.others()) > 0 }) {
			return nil
		}
		l := []string{"重点工作任务分解表", "一、重点任务"}
		for i, t := range ts {
			if i == len(ts)/2 && i > 0 {
				l = append(l, "二、其他任务")
			}
			l = append(l, fmt.Sprintf("%d\t%s\t%s\t%s\t2023年12月", i+1, t.text, orEmpty(t.lead, ""), orEmpty(t.others(), "")))
		}
		return l
	}},
	{"a tab table with no header row, one column of units", true, func(ts []relayTask) []string {
		if slices.ContainsFunc(ts, func(t relayTask) bool { return len(t.lead) > 0 }) {
			return nil // one column of units, unnamed, is 责任单位's
		}
		var l []string
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d\t%s\t%s\t年底前", i+1, t.text, orEmpty(t.others(), "")))
		}
		return l
	}},
	{"a space table", true, func(ts []relayTask) []string {
		l := []string{"重点工作任务分解表", "序号 工作任务 牵头单位 配合单位 完成时限"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("%d %s %s %s 2023年12月", i+1, t.text, orEmpty(t.lead, "/"), orEmpty(t.others(), "/")))
		}
		return l
	}},
	{"an HTML table with a section row", true, func(ts []relayTask) []string {
		l := []string{"<html><head><meta charset=\"utf-8\"><title>重点工作任务分解表</title></head><body>", "<table>",
			"<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>",
			"<tr><td colspan=\"4\">一、重点任务</td></tr>"}
		for i, t := range ts {
			l = append(l, fmt.Sprintf("<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>", i+1, html.EscapeString(t.text), orEmpty(t.lead, ""), orEmpty(t.others(), "")))
		}
		return append(l, "</table></body></html>")
	}},
	{"a table one cell per line, each cell closed by a bar", true, func(ts []relayTask) []string {
		l := []string{"重点工作任务分解表", "序号 |", "工作任务 |", "责任领导 |", "牵头单位 |", "配合单位 |"}
		for i, t := range ts {
			l = append(l, fmt.Sprint(i+1)+" |", t.text+" |", "王小明 |", orEmpty(t.lead, "")+" |", orEmpty(t.others(), "")+" |", "|")
		}
		return l
	}},
	{"a table one cell per line", true, func(ts []relayTask) []string {
		l := []string{"重点工作任务分解表", "序号", "工作任务", "牵头单位", "配合单位"}
		for i, t := range ts {
			l = append(l, fmt.Sprint(i+1), t.text, orEmpty(t.lead, "/"), orEmpty(t.others(), "—"))
		}
		return l
	}},
}
