package orgname

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxFragmentRunes bounds a fragment that takes a shared suffix (长沙 in
// 长沙、株洲市人民政府).
const maxFragmentRunes = 8

// Expand expands an elliptical list, the names of one clause part in the
// order written, and returns a new slice of the same length:
//
//   - shared suffix: a fragment that is not a name by itself takes the
//     tail of the next name that has an own part (a place, a stem):
//     长沙、株洲市人民政府 → 长沙市人民政府, 株洲市人民政府;
//     岳阳市、湘西自治州人民政府 → 岳阳市人民政府, …;
//     人民大垸、荒湖管理区 → 人民大垸管理区, 荒湖管理区;
//   - shared prefix: a bare name (no level, no place) takes the level or
//     place of the last name before it that has one and is not Foreign:
//     省商务厅、财政厅 → 省商务厅, 省财政厅; a party body takes the party
//     marker too, a government body does not (省委网信办、发改委 →
//     省发改委). A vertical body written as stem and suffix takes it too
//     (区财政局、税务局 → 区税务局), as its offices are written so.
//
// Other Foreign names are never prefixed and never lend their prefix, nor
// does a name the grammar does not know that opens with a place it cannot
// tell (莲都邮政管理局, 宁波生态环境局慈溪分局: see placeHead). Names that
// have their own prefix are left alone and become the prefix for what
// follows, so a list never expands across a complete name of another
// level. Bare names with nothing before them stay as written (发改委、
// 经信委). A fill is kept only when its result parses. Strings that are not
// names (groups, leaders) are left alone.
func (g *Grammar) Expand(names []string) []string {
	out := make([]string, len(names))
	for i, s := range names {
		out[i] = strings.TrimSpace(s)
	}
	// Shared suffix, right to left.
	var carrier *parsed
	for i := len(out) - 1; i >= 0; i-- {
		p, ok := g.parse(out[i])
		if ok {
			carrier = nil
			if p.ownAt < p.tailAt || p.gov && p.Place != "" {
				carrier = &p
			}
			continue
		}
		if carrier == nil || !fragment(out[i]) {
			carrier = nil
			continue
		}
		if s, ok := g.fill(out[i], carrier); ok {
			out[i] = s
			continue
		}
		carrier = nil
	}
	// Shared prefix, left to right.
	pre := ""
	for i, s := range out {
		p, ok := g.parse(s)
		switch {
		case !ok:
		case p.Level != "" || p.Place != "":
			// a vertical body's level word is shared too (省国税局、地税局),
			// not its place (长沙海关)
			if (!p.Foreign || p.Place == "") && p.levelAt > 0 {
				pre = p.core[:p.levelAt]
			}
		case p.Foreign && !p.Leveled || pre == "" || g.placeHead(p):
		default:
			x := g.prefixed(p, pre)
			if q, ok := g.parse(x); ok && q.base == p.base && q.Kind == p.Kind {
				out[i] = x
			}
		}
	}
	return out
}

// placeHeadRunes is the length of the place placeHead looks for: most
// county and city names are two characters (莲都, 慈溪, 宁波).
const placeHeadRunes = 2

// placeHead reports whether p, a name with a stem the grammar does not
// know, opens with a place the grammar cannot tell, written without its
// 市 or 县: two characters found in no known stem, followed by a known
// stem (莲都 + 邮政管理局, 宁波 + 生态环境局慈溪分局). Such a name is an
// office of another government, complete as written. (文化旅游局 and
// 资源规划局 open with words of known stems, so they are the list's own
// bodies.)
func (g *Grammar) placeHead(p parsed) bool {
	if p.b != nil || p.Level != "" || p.Place != "" {
		return false
	}
	own := p.core[p.ownAt:]
	at, n := 0, 0
	for i := range own {
		if n == placeHeadRunes {
			at = i
			break
		}
		n++
	}
	if at == 0 {
		return false
	}
	head, rest := own[:at], own[at:]
	for k := range g.stems {
		if strings.Contains(k, head) {
			return false // a word of the grammar's (资源 in 自然资源)
		}
	}
	for i := range rest {
		if i > 0 && g.stems[rest[:i]] != nil {
			return true
		}
	}
	return g.stems[rest] != nil
}

// fill gives fragment f the tail of carrier c.
func (g *Grammar) fill(f string, c *parsed) (string, bool) {
	var s string
	switch {
	case c.gov:
		// 永州, 郴州: a two-character city name ending in 州 takes 市 too
		city := utf8.RuneCountInString(f) == 2 && strings.HasSuffix(f, "州")
		if g.placeLevel(f) != "" && !g.provinces[f] && !city {
			s = f + c.core[c.levelAt:]
		} else {
			s = f + c.core[c.baseAt:]
		}
	default:
		if tail := c.core[c.tailAt:]; g.placeLevel(f) != "" && g.placeLevel(tail) != "" {
			return "", false // 西秀区、安顺经开区: a place of its own, not 西秀区经开区 (高新区、经开区管委会 is filled)
		}
		s = f + c.core[c.tailAt:]
	}
	q, ok := g.parse(s)
	if !ok || q.Kind != c.Kind || q.gov != c.gov {
		return "", false
	}
	if !c.gov && !g.named[c.Kind] && q.b == nil {
		return "", false // 长沙、省财政厅 is not 长沙厅
	}
	return s, true
}

// fragment reports whether s can be the first part of an elided name: a
// few Han characters.
func fragment(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > maxFragmentRunes {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
