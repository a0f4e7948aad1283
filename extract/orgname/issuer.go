package orgname

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleRunes bounds a line read as a title without 关于 (2021年新昌县政府
// 十方面民生实事进展情况登记表); longer lines, and lines with sentence
// punctuation, are prose.
const maxTitleRunes = 40

// maxLookBack bounds how far before a 政府 marker Issuer looks for its
// level or place in prose.
const maxLookBack = 12

// Issuer reads the issuing government and its level from the first lines
// of a document (title, preamble, signature). It tries, line by line:
// the text before 关于 (湖南省人民政府办公厅关于… → 湖南省人民政府, 省;
// 重庆市沙坪坝区人民政府办公室关于… → 重庆市沙坪坝区人民政府, 区;
// 国务院关于… → 国务院, 国务院), a line that is a name (a signature:
// 四川省发展和改革委员会 → itself, 省; 常熟市人民政府办公室文件), and a short
// title that starts with a government (新昌县政府十方面… → 新昌县人民政府, 县).
// An office (办公厅, 办公室) stands for its government. Lines that address
// others (各…, …:) are skipped. Failing all that, it takes the first
// government named in prose (按照省委、省政府要求 → 省人民政府, 省). It
// returns "", "" when nothing is found.
func (g *Grammar) Issuer(lines []string) (issuer, level string) {
	for _, line := range lines {
		l := g.issuerLine(line)
		if l == "" {
			continue
		}
		if is, lv, ok := g.issuerTitle(l); ok {
			return is, lv
		}
	}
	for _, line := range lines {
		l := g.issuerLine(line)
		if l == "" {
			continue
		}
		if is, lv, ok := g.issuerProse(l); ok {
			return is, lv
		}
	}
	return "", ""
}

// issuerLine trims a line and drops a leading year (2021年); "" for a
// line that cannot name the issuer.
func (g *Grammar) issuerLine(line string) string {
	l := strings.TrimSpace(line)
	if l == "" || strings.HasSuffix(l, ":") || strings.HasSuffix(l, "：") {
		return ""
	}
	for _, p := range g.not.GroupPrefixes {
		if strings.HasPrefix(l, p) {
			return ""
		}
	}
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if y := g.title.Year; i > 0 && y != "" && strings.HasPrefix(l[i:], y) {
		l = l[i+len(y):]
	}
	return l
}

// issuerTitle reads a title, signature or heading line.
func (g *Grammar) issuerTitle(l string) (string, string, bool) {
	cand, about := l, -1
	for _, b := range g.title.Before {
		if i := strings.Index(l, b); i >= 0 && (about < 0 || i < about) {
			about = i
		}
	}
	if about >= 0 {
		cand = l[:about]
	}
	var (
		first, firstLevel string
		found             bool
	)
	for _, f := range strings.Fields(cand) {
		for _, d := range g.title.Drop {
			f = strings.TrimSuffix(f, d)
		}
		is, lv, gov, ok := g.issuerOf(f)
		if !ok {
			continue
		}
		if gov {
			return is, lv, true
		}
		if !found {
			first, firstLevel, found = is, lv, true
		}
	}
	if found {
		return first, firstLevel, true
	}
	if about >= 0 || utf8.RuneCountInString(l) > maxTitleRunes || strings.ContainsAny(l, "，,。；;") {
		return "", "", false
	}
	for _, m := range g.govMarkers {
		if i := strings.Index(l, m); i > 0 && !g.namesLeader(l[:i]) {
			if is, lv, gov, ok := g.issuerOf(l[:i+len(m)]); ok && gov {
				return is, lv, true
			}
		}
	}
	return "", "", false
}

// namesLeader reports whether s names a leader (赵建才市长代表…): then it
// does not start with its government.
func (g *Grammar) namesLeader(s string) bool {
	for _, x := range g.not.LeaderSuffixes {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// issuerProse finds the shortest government named in a line of prose.
func (g *Grammar) issuerProse(l string) (string, string, bool) {
	marker := g.govMarkers[len(g.govMarkers)-1] // the shortest: 政府
	for from := 0; ; {
		i := strings.Index(l[from:], marker)
		if i < 0 {
			return "", "", false
		}
		end := from + i + len(marker)
		start := from + i
		for k := 0; k < maxLookBack && start > 0; k++ {
			r, size := utf8.DecodeLastRuneInString(l[:start])
			if !unicode.Is(unicode.Han, r) {
				break
			}
			start -= size
			if g.afterGroup(l[:start]) {
				continue // 各区人民政府 is not the issuer
			}
			if is, lv, gov, ok := g.issuerOf(l[start:end]); ok && gov {
				return is, lv, true
			}
		}
		from = end
	}
}

// issuerOf reads f as an issuer: a government, an office standing for its
// government or party committee, or any body with a level or place. gov is
// true for a government and its office.
func (g *Grammar) issuerOf(f string) (issuer, level string, gov, ok bool) {
	p, ok := g.parse(f)
	if !ok || p.Level == "" && p.Place == "" {
		return "", "", false, false
	}
	switch {
	case p.gov || p.b != nil && p.b.key == g.issuerOffice:
		pre := p.core[:p.levelAt]
		switch {
		case p.Party:
			return pre + g.partyMarker, p.Level, false, true
		case g.govLevels[p.Level] && p.Place == "":
			return pre, p.Level, true, true
		}
		return pre + g.govMarkers[0], p.Level, true, true
	}
	return p.Written, p.Level, false, true
}

// afterGroup reports whether before ends with a group prefix (各).
func (g *Grammar) afterGroup(before string) bool {
	for _, p := range g.not.GroupPrefixes {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}
