package extract

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// 十大基础设施项目，即A、B、…   五个中心：A、B…
	reListInline = regexp.MustCompile(`((?:[一二两三四五六七八九十百]+|\d+)(?:大|个|项|条))([^，。；：、“”（）]{1,24}?)(?:，即|,即|：|:)([^。；]+)`)
	// 十大民生实事。①…⑩
	reListCircled = regexp.MustCompile(`((?:[一二两三四五六七八九十百]+|\d+)(?:大|个|项|条))([^，。；：、“”（）]{1,24}?)[。：:]?$`)
)

// findLists finds declared lists with their members.
func (p *parser) findLists() []NamedList {
	var out []NamedList
	for _, acc := range p.items {
		it := &acc.Item
		for j := range it.Tasks {
			t := &it.Tasks[j]
			if !strings.Contains(t.Text, "即") && !strings.ContainsAny(t.Text, "：:") {
				continue
			}
			for _, m := range reListInline.FindAllStringSubmatch(t.Text, -1) {
				members := splitMembers(m[3])
				if len(members) < 2 {
					continue
				}
				out = append(out, p.list(it.Number, t.ID, t.Line, m[1]+m[2], m[1], members))
			}
		}
		// circled sub-items introduced by a list name
		lead := acc.leadText
		if lead == "" {
			continue
		}
		m := reListCircled.FindStringSubmatch(lead)
		if m == nil {
			continue
		}
		var members []string
		task, line := "", it.Line
		for _, t := range it.Tasks {
			if t.Sub == "" {
				continue
			}
			if task == "" {
				task, line = t.ID, t.Line
			}
			members = append(members, strings.TrimRight(t.Text, "。；;，, "))
		}
		if len(members) > 0 {
			out = append(out, p.list(it.Number, task, line, m[1]+m[2], m[1], members))
		}
	}
	return out
}

func (p *parser) list(item int, task string, line int, name, count string, members []string) NamedList {
	declared := declaredSize(count)
	if declared > 0 && declared != len(members) {
		p.warn(line, item, "list-size", "name", name, "declared", declared, "count", len(members))
	}
	return NamedList{Item: item, Task: task, Name: name, Declared: declared, Members: members, Line: line}
}

// declaredSize reads the size out of 十大, 5个, 三项.
func declaredSize(count string) int {
	num := strings.TrimRight(count, "大个项条")
	if n, err := strconv.Atoi(num); err == nil {
		return n
	}
	return parseChineseNumber(num)
}

func splitMembers(s string) []string {
	var out []string
	for _, m := range strings.Split(s, "、") {
		m = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m), "等"))
		if m != "" {
			out = append(out, m)
		}
	}
	return out
}
