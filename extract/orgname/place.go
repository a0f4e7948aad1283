package orgname

import (
	"strings"
	"unicode/utf8"
)

// zoneLike reports whether a place segment ends in a 功能区 suffix.
func (g *Grammar) zoneLike(seg string) bool {
	t := tailStarts(seg, g.maxSuffix)
	for i := t.n - 1; i >= 0; i-- {
		if sf := g.suffix[seg[t.at[i]:]]; sf != nil && g.named[sf.kind] {
			return true
		}
	}
	return false
}

// maxPlaceRunes bounds one place segment (base and suffix).
const maxPlaceRunes = 10

// places calls yield for every chain of place segments that s starts with
// (六安市, 重庆市沙坪坝区), at most three segments.
func (g *Grammar) places(s string, from, depth int, yield func(end, segAt, baseAt int, level string)) {
	if depth == 3 {
		return
	}
	j := from
	for k := 0; k < maxPlaceRunes && j < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		j += size
		seg := s[from:j]
		if depth == 0 && k < g.maxProvince && g.provinces[seg] {
			yield(j, from, j, g.provinceLevel)
			g.places(s, j, depth+1, yield)
		}
		if !g.placeLast[r] {
			continue
		}
		t := tailStarts(seg, g.maxPlaceSuffix)
		for i := t.n - 1; i >= 0; i-- {
			at := t.at[i]
			l, ok := g.placeSuffix[seg[at:]]
			if !ok || at == 0 {
				continue
			}
			if _, isLevel := g.levels[seg[:at]]; isLevel {
				continue
			}
			yield(j, from, from+at, l)
			g.places(s, j, depth+1, yield)
			break
		}
	}
}

// resolve reads the body part of a name, after the option o.
// Unknown stems are read only when unknown is true.
func (g *Grammar) resolve(rest string, o option, unknown bool) resolved {
	marked := o.marker != ""
	if rest == "" {
		if o.end == 0 {
			return resolved{}
		}
		if marked || g.govLevels[o.level] && o.place == "" || g.bareGov[o.level] && o.place != "" {
			return resolved{ok: true, empty: true}
		}
		return resolved{}
	}
	if o.end > 0 && o.level != "" && o.marker == "" {
		for _, na := range g.notAfterLevel {
			if strings.HasPrefix(rest, na) {
				return resolved{}
			}
		}
	}
	if nb, ok := g.names[rest]; ok && (marked || utf8.RuneCountInString(rest) >= 2) {
		return resolved{ok: true, known: true, b: nb.b, class: nb.class, tailAt: tailOfClass(g, rest)}
	}
	var (
		first   *suffix
		firstAt int
	)
	t := tailStarts(rest, g.maxSuffix)
	for i := t.n - 1; i >= 0; i-- {
		at := t.at[i]
		sf := g.suffix[rest[at:]]
		if sf == nil {
			continue
		}
		if b := g.stems[rest[:at]]; b != nil && at > 0 {
			return resolved{ok: true, known: true, b: b, sf: sf, class: sf.class, stem: rest[:at], tailAt: at}
		}
		if first == nil {
			first, firstAt = sf, at
		}
	}
	if last, _ := utf8.DecodeLastRuneInString(rest); g.freeLast[last] {
		if r, ok := g.resolveFree(rest); ok {
			return r
		}
	}
	if !unknown || first == nil || first.closed {
		return resolved{}
	}
	stem := rest[:firstAt]
	if stem == "" && !g.named[first.kind] {
		return resolved{}
	}
	if n := utf8.RuneCountInString(stem); n > g.not.StemRunes && !g.longStem(stem) || g.prose(stem) {
		return resolved{}
	}
	return resolved{ok: true, sf: first, class: first.class, stem: stem, tailAt: firstAt}
}

// freePlace reports whether place can stand before a place-free body: not
// a level (省 + 海关 is a level prefix), and for a strict one a province
// or a place with no place suffix in it (湖南, 长沙; not 湖南省, 省地方,
// 六安市地方).
func (g *Grammar) freePlace(place string, strict bool) bool {
	if utf8.RuneCountInString(place) > maxPlaceRunes {
		return false
	}
	if _, isLevel := g.levels[place]; isLevel {
		return false
	}
	if !strict {
		return true
	}
	if g.provinces[place] {
		return true
	}
	for _, r := range place {
		if g.placeLast[r] {
			return false // 六安市地方 + 金融监管局 is 六安市 + 地方金融监管局
		}
	}
	for _, l := range g.levelWords {
		if strings.HasPrefix(place, l) {
			return false
		}
	}
	return true
}

// placeLevel is the level of a place: its suffix's, or a province's; "".
func (g *Grammar) placeLevel(place string) string {
	if g.provinces[place] {
		return g.provinceLevel
	}
	t := tailStarts(place, g.maxPlaceSuffix)
	for i := t.n - 1; i >= 0; i-- {
		if l, ok := g.placeSuffix[place[t.at[i]:]]; ok && t.at[i] > 0 {
			return l
		}
	}
	return ""
}

// normPlace is the form in which places are compared: the last segment,
// without ethnic names, without 省/市 (湘西土家族苗族自治州 → 湘西州,
// 湖南省 → 湖南, 重庆市沙坪坝区 → 沙坪坝区).
func (g *Grammar) normPlace(place string) string {
	last := place
	g.places(place, 0, 0, func(end, segAt, _ int, _ string) {
		if end == len(place) && len(place[segAt:]) < len(last) {
			last = place[segAt:]
		}
	})
	suffix, level := "", ""
	t := tailStarts(last, g.maxPlaceSuffix)
	for i := t.n - 1; i >= 0; i-- {
		if l, ok := g.placeSuffix[last[t.at[i]:]]; ok && t.at[i] > 0 {
			suffix, level = last[t.at[i]:], l
			last = last[:t.at[i]]
			break
		}
	}
	if suffix != "" {
		for _, e := range g.ethnic {
			if i := strings.Index(last, e); i > 0 {
				last = last[:i]
			}
		}
	}
	for _, n := range g.placeNorm {
		if suffix == n {
			return last
		}
	}
	if suffix == "" {
		return last
	}
	return last + level
}

// longStem reports whether an unknown stem may be longer than most: one
// that ends as a long_stems word does (行政审批制度改革工作领导小组 + 办公室).
func (g *Grammar) longStem(stem string) bool {
	for _, w := range g.not.LongStems {
		if strings.HasSuffix(stem, w) {
			return true
		}
	}
	return false
}

// proseStart reports whether an unknown stem opens with a verb, as a
// heading's words do (建设区域教育中心), not a body's name.
func (g *Grammar) proseStart(stem string) bool {
	for _, w := range g.not.ProseStarts {
		if strings.HasPrefix(stem, w) {
			return true
		}
	}
	return false
}
