package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	// 十大基础设施项目，即A、B、…   五个中心：A、B…
	reListInline = lazyRE(`((?:[一二两三四五六七八九十百]+|\d+)(?:大|个|项|条))([^，。；：、“”（）]{1,24}?)(?:，即|,即|：|:)([^。；]+)`)
	// 十大民生实事。①…⑩
	reListCircled = lazyRE(`((?:[一二两三四五六七八九十百]+|\d+)(?:大|个|项|条))([^，。；：、“”（）]{1,24}?)[。：:]?$`)
	// 沿京广、沪昆、渝长厦通道的三大经济带: the members come first
	reListMembersFirst = lazyRE(`([^，。；：“”（）的]{2,60}、[^，。；：“”（）的]{1,30}?)(?:通道|沿线|地区)?的([一二两三四五六七八九十]+大)([^，。；：、“”（）的]{1,10}?)(?:建设|发展|工作|项目建设|[，。；]|$)`)
	// 甲、乙等8家卫生院
	reListEtc = lazyRE(`([^，。；：“”（）]{2,60}、[^，。；：“”（）]{1,30}?)等(\d+|[一二两三四五六七八九十]+)(家|个|所|项|座|条)([^，。；：、“”（）\d]{1,10})`)
)

// findLists finds declared lists with their members.
func (p *parser) findLists() []NamedList {
	var out []NamedList
	for _, acc := range p.items {
		it := &acc.Item
		for j := range it.Tasks {
			t := &it.Tasks[j]
			if strings.Contains(t.Text, "即") || strings.Contains(t.Text, "：") || strings.IndexByte(t.Text, ':') >= 0 {
				for _, m := range reListInline.FindAllStringSubmatch(t.Text, -1) {
					members := splitMembers(m[3])
					if len(members) < 2 {
						continue
					}
					out = append(out, p.list(it, t.ID, t.Line, m[1]+m[2], m[1], members))
				}
			}
			if membersFirstHint(t.Text) {
				for _, m := range reListMembersFirst.FindAllStringSubmatch(t.Text, -1) {
					members := splitMembers(trimListOpeners(m[1]))
					if len(members) >= 2 && declaredSize(m[2]) == len(members) {
						out = append(out, p.list(it, t.ID, t.Line, m[2]+m[3], m[2], members))
					}
				}
			}
			if etcCount(t.Text) {
				for _, m := range reListEtc.FindAllStringSubmatch(t.Text, -1) {
					members := splitMembers(trimListOpeners(m[1]))
					if len(members) >= 2 {
						l := p.list(it, t.ID, t.Line, m[2]+m[3]+m[4], "", members)
						l.Declared = declaredSize(m[2])
						out = append(out, l)
					}
				}
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
			text := t.Text
			if len(members) == 0 && acc.leadRaw != "" {
				text = cleanTaskText(strings.TrimPrefix(text, acc.leadRaw))
			}
			members = append(members, strings.TrimRight(text, "。；;，, "))
		}
		if len(members) > 0 {
			out = append(out, p.list(it, task, line, m[1]+m[2], m[1], members))
		}
	}
	return out
}

func (p *parser) list(it *Item, task string, line int, name, count string, members []string) NamedList {
	declared := declaredSize(count)
	if declared > 0 && declared != len(members) {
		p.warn(line, it.Number, "list-size", "name", name, "declared", declared, "count", len(members))
	}
	return NamedList{Item: it.Number, ItemKey: it.Key, Task: task, Name: name, Declared: declared, Members: members, Line: line}
}

// trimListOpeners drops the words that open a phrase before its members:
// 沿京广、沪昆 → 京广、沪昆.
func trimListOpeners(s string) string {
	for _, w := range []string{"深入推动沿", "推动沿", "沿", "重点支持", "支持", "推进", "建设", "依托", "包括"} {
		if strings.HasPrefix(s, w) {
			return s[len(w):]
		}
	}
	return s
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

// etcCount reports whether 等 is followed by a count somewhere in s (等8家),
// the cheap test before the regexp.
func etcCount(s string) bool {
	for i := strings.Index(s, "等"); i >= 0; {
		rest := s[i+len("等"):]
		if rest != "" && (rest[0] >= '0' && rest[0] <= '9' || strings.HasPrefix(rest, "一") || strings.HasPrefix(rest, "二") || strings.HasPrefix(rest, "两") ||
			strings.HasPrefix(rest, "三") || strings.HasPrefix(rest, "四") || strings.HasPrefix(rest, "五") || strings.HasPrefix(rest, "六") ||
			strings.HasPrefix(rest, "七") || strings.HasPrefix(rest, "八") || strings.HasPrefix(rest, "九") || strings.HasPrefix(rest, "十")) {
			return true
		}
		j := strings.Index(rest, "等")
		if j < 0 {
			return false
		}
		i += len("等") + j
	}
	return false
}

// membersFirstHint reports whether 的 is followed by a count of 大 (的三大),
// the cheap test before the regexp.
func membersFirstHint(s string) bool {
	for i := strings.Index(s, "的"); i >= 0; {
		rest := s[i+len("的"):]
		j := 0
		for j < len(rest) {
			r, size := utf8.DecodeRuneInString(rest[j:])
			if !strings.ContainsRune("一二两三四五六七八九十", r) {
				break
			}
			j += size
		}
		if j > 0 && strings.HasPrefix(rest[j:], "大") {
			return true
		}
		k := strings.Index(rest, "的")
		if k < 0 {
			return false
		}
		i += len("的") + k
	}
	return false
}
