package orgname

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name is one parsed body name.
type Name struct {
	Written string // as given, trimmed
	// Level is the level of the government the name belongs to: its level
	// prefix (省财政厅: 省), or the level of its place (六安市财政局: 市,
	// 湖南银保监局: 省); "" when it has neither (a bare 发改委). One of 国务院
	// 省 自治区 市 州 盟 县 区 旗 乡 镇 街道.
	Level string
	// Place is the place-name prefix as written (六安市, 湘西自治州,
	// 重庆市沙坪坝区), or the place inside a vertical body's name (人民银行
	// 长沙中心支行: 长沙); "" if none.
	Place string
	// Prefix is everything written before the body itself: the party head,
	// the level or place and a 委 or 政府 marker (中共湖南省委, 省政府, 六安市).
	Prefix string
	Party  bool   // the 党委 side: 省委组织部, 省委办公厅, 省文明办
	Stem   string // canonical stem (发展改革 for 发改委); the own name of a 功能区 (湘江); as written when unknown
	Suffix string // canonical suffix class (委 for 委/委员会, 办 for 办/办公室/办公厅)
	// Key is the identity of the body within one government, without level
	// and place: 市发改委, 发展和改革委员会 and 区发展改革局 share one Key.
	// A foreign body's Key includes its place (长沙·人民政府, 湖南·银保监),
	// a level-only government's its level (市·人民政府). Party bodies'
	// Keys start with 委· so 省委办公厅 and 省政府办公厅 differ.
	Key     string
	Kind    string // one of Grammar.Kinds()
	Foreign bool   // not a body of the issuing government: never given a level prefix
	// Leveled: a Foreign vertical body written as stem and suffix (税务局,
	// 气象局, 国税局), the form its office at each level takes the level in
	// (市税务局, 省税务局): in a list it takes the list's level like the
	// government's own bodies, and its offices at two levels are two
	Leveled bool
	// Rank orders names in the standard order: by kind, then by the order of
	// the known bodies in orgnames.yaml; unknown stems last in their kind.
	Rank int
}

// parsed is a Name with what Same and Expand need besides.
type parsed struct {
	Name
	core    string // Written without notes and parentheses: the offsets below are in it
	base    string // Key without the place
	gov     bool   // a government itself (长沙市人民政府)
	levelAt int    // end of the level or place part (before markers)
	segAt   int    // start of the last place segment
	baseAt  int    // end of the last place segment's base (株洲|市)
	ownAt   int    // start of the own part (stem as written)
	tailAt  int    // start of the written suffix
	b       *body
}

// option is one way to read the start of a name: a level or place and a
// marker.
type option struct {
	end    int // end of the level or place part
	level  string
	place  string
	segAt  int
	baseAt int
	marker string
	rest   int // where the body starts
}

// resolved is the body part of a name.
type resolved struct {
	ok     bool
	known  bool
	empty  bool
	b      *body
	sf     *suffix // nil for whole names
	class  string
	stem   string // as written
	tailAt int    // start of the suffix in rest
	free   string // a free place before a place_free body
}

// Parse reads s as one body name. ok is false when s is not a body name: a
// group (有关部门, 各乡镇人民政府), a leader (分管副省长), prose, a date, or a
// string the grammar cannot read.
func (g *Grammar) Parse(s string) (Name, bool) {
	p, ok := g.parse(s)
	return p.Name, ok
}

func (g *Grammar) parse(s string) (parsed, bool) {
	w := strings.TrimSpace(s)
	core := stripNote(w)
	if hasNoise(core) {
		core = dropNoise.Replace(core) // 自然资源（和规划）局, 省 发改委
	}
	if core == "" || !g.plausible(core) {
		return parsed{}, false
	}
	head := ""
	for _, h := range g.partyHeads {
		if strings.HasPrefix(core, h) && len(core) > len(h) {
			head = h
			break
		}
	}
	if head == "" {
		if p, ok := g.parseInfix(w, core); ok {
			return p, true
		}
		if p, ok := g.parseHeads(w, core); ok {
			return p, true
		}
	}
	rest := core[len(head):]
	var (
		best      option
		bestR     resolved
		bestScore = -1
	)
	try := func(o option) {
		if head != "" && o.marker != g.partyMarker {
			return
		}
		r := g.resolve(rest[o.rest:], o, bestScore < optionScore(o, false))
		if !r.ok {
			return
		}
		if score := optionScore(o, r.known || r.empty); score > bestScore {
			best, bestR, bestScore = o, r, score
		}
	}
	g.options(rest, try)
	if bestScore < 0 {
		return parsed{}, false
	}
	if !bestR.known && !bestR.empty && g.proseStart(rest) {
		return parsed{}, false // 建设区域教育中心: a heading's words, not 建设区 + 域教育中心
	}
	return g.build(w, core, len(head), head != "", best, bestR), true
}

// optionScore ranks readings. A known body wins over an unknown stem, and
// among known bodies the longest body wins: 住房城乡建设厅 is 住建, not the
// place 住房城乡 + 建设厅; 湖南金融监管局 is the regulator (a free place in
// the body), not 湖南 + 金融监管局. Among unknown stems a reading with a
// level or place wins (湖南 + 湘江新区), then one with a marker.
func optionScore(o option, known bool) int {
	if known {
		return 1<<20 - o.rest
	}
	score := 0
	if o.end > 0 {
		score += 10
	}
	if o.marker != "" {
		score++
	}
	return score
}

// options calls try with every way to read the start of s, those with a
// level or place first (on equal scores the first reading wins).
func (g *Grammar) options(s string, try func(option)) {
	withMarkers := func(o option, zone bool) {
		o.rest = o.end
		after := s[o.end:]
		if !zone {
			try(o)
		}
		if !zone && strings.HasPrefix(after, g.partyMarker) {
			m := o
			m.marker, m.rest = g.partyMarker, o.end+len(g.partyMarker)
			try(m)
		}
		for _, mk := range g.govMarkers {
			if strings.HasPrefix(after, mk) {
				m := o
				m.marker, m.rest = mk, o.end+len(mk)
				try(m)
			}
		}
	}
	for _, l := range g.levelWords {
		if strings.HasPrefix(s, l) {
			withMarkers(option{end: len(l), level: g.levels[l]}, false)
		}
	}
	g.places(s, 0, 0, func(end, segAt, baseAt int, level string) {
		// A place that ends like a 功能区 (高新区, 湘江新区) is one only
		// before a government marker.
		zone := g.zoneLike(s[segAt:end])
		withMarkers(option{end: end, level: level, place: s[:end], segAt: segAt, baseAt: baseAt}, zone)
	})
	for _, m := range g.govMarkers {
		if strings.HasPrefix(s, m) {
			try(option{marker: m, rest: len(m)})
		}
	}
	try(option{})
}

// resolveFree reads a place-free body after a free place (长沙 + 海关).
func (g *Grammar) resolveFree(rest string) (resolved, bool) {
	t := tailStarts(rest, g.maxFree)
	for i := t.n - 1; i >= 0; i-- {
		at := t.at[i]
		nb, ok := g.placeFree[rest[at:]]
		if !ok || at == 0 {
			continue
		}
		place := rest[:at]
		if g.freePlace(place, nb.strict) {
			return resolved{ok: true, known: true, b: nb.b, class: nb.class, free: place, tailAt: at}, true
		}
	}
	return resolved{}, false
}

// tailOfClass is where the suffix of a whole name starts, or len(s).
func tailOfClass(g *Grammar, s string) int {
	t := tailStarts(s, g.maxSuffix)
	for i := t.n - 1; i >= 0; i-- {
		if g.suffix[s[t.at[i]:]] != nil {
			return t.at[i]
		}
	}
	return len(s)
}

// build makes the Name of the chosen reading.
func (g *Grammar) build(w, core string, headLen int, head bool, o option, r resolved) parsed {
	p := parsed{
		core:    core,
		levelAt: headLen + o.end,
		segAt:   headLen + o.segAt,
		baseAt:  headLen + o.baseAt,
		ownAt:   headLen + o.rest,
		tailAt:  headLen + o.rest + r.tailAt,
		b:       r.b,
	}
	n := &p.Name
	n.Written = w
	n.Prefix = core[:headLen+o.rest]
	n.Level, n.Place = o.level, o.place
	if r.free != "" {
		n.Place += r.free
		if n.Level == "" {
			n.Level = g.placeLevel(r.free)
		}
		p.ownAt += len(r.free)
	}
	party := o.marker == g.partyMarker || head
	rank := 999
	switch {
	case r.empty && party:
		n.Stem, n.Suffix, n.Kind = g.partyC.Stem, g.partyC.Suffix, g.partyC.Kind
		p.base = g.partyC.Stem
	case r.empty:
		n.Stem, n.Suffix, n.Kind = g.government.Stem, g.government.Suffix, g.government.Kind
		p.base = g.government.Stem
		p.gov = true
	case r.known:
		n.Stem, n.Suffix, n.Kind = r.b.key, r.class, r.b.kind
		p.base = r.b.key
		if r.sf != nil && !r.b.suffixes[r.class] {
			n.Kind = r.sf.kind
			p.base = r.b.key + "·" + r.class
		}
		rank = r.b.order
		party = party || r.b.party
	default:
		n.Stem, n.Suffix, n.Kind = r.stem, r.class, r.sf.kind
		p.base = r.stem + "·" + r.class
	}
	if party && n.Kind == g.deptKind {
		n.Kind = g.partyC.Kind
	}
	n.Party = party
	if party && !r.empty {
		p.base = g.partyMarker + "·" + p.base
	}
	n.Foreign = g.foreign[n.Kind] || g.named[n.Kind] && n.Stem != "" && !r.known
	n.Leveled = n.Foreign && r.known && r.b != nil && len(r.b.suffixes) > 0 && r.free == ""
	n.Key = p.base
	if n.Foreign {
		switch {
		case n.Place != "" && (p.gov || r.known):
			n.Key = g.normPlace(n.Place) + "·" + p.base
		case p.gov:
			n.Key = n.Level + "·" + p.base
		case n.Place != "" && !g.provinces[g.normPlace(n.Place)]:
			// a body the grammar does not know keeps what comes before
			// its level: 中国移动县分公司 and 中国电信县分公司 are two
			// companies, not one spelled twice (a province before it is
			// its government's own: 湖南湘江新区 is 湘江新区)
			n.Key = g.normPlace(n.Place) + "·" + p.base
		}
	}
	n.Rank = g.kindRank[n.Kind]*1000 + rank
	return p
}

// parseInfix reads names written with the level inside (团省委).
func (g *Grammar) parseInfix(w, core string) (parsed, bool) {
	for _, in := range g.infix {
		if len(core) <= len(in.Head)+len(in.Tail) || !strings.HasPrefix(core, in.Head) || !strings.HasSuffix(core, in.Tail) {
			continue
		}
		level, ok := g.levels[core[len(in.Head):len(core)-len(in.Tail)]]
		if !ok {
			continue
		}
		nb := g.names[in.Name]
		p := g.build(w, core, 0, false, option{}, resolved{ok: true, known: true, b: nb.b, class: nb.class})
		p.Level = level
		return p, true
	}
	return parsed{}, false
}

// parseHeads reads names with a head, a free place and a tail
// (人民银行长沙中心支行, 国家税务总局湖南省税务局).
func (g *Grammar) parseHeads(w, core string) (parsed, bool) {
	j := 0
	for k := 0; k < g.maxHead && j < len(core); k++ {
		_, size := utf8.DecodeRuneInString(core[j:])
		j += size
		bodies := g.heads[core[:j]]
		if bodies == nil {
			continue
		}
		rest := core[j:]
		for _, b := range bodies {
			i := 0
			for n := 0; n <= maxPlaceRunes && i <= len(rest); n++ {
				if b.tails[rest[i:]] {
					place := rest[:i]
					p := g.build(w, core, 0, false, option{}, resolved{ok: true, known: true, b: b, class: g.classOf(rest[i:])})
					p.Place = place
					p.Level = g.placeLevel(place)
					if p.Foreign && place != "" {
						p.Key = g.normPlace(place) + "·" + p.base
					}
					p.ownAt, p.tailAt = j+i, j+i
					return p, true
				}
				if i == len(rest) {
					break
				}
				_, size := utf8.DecodeRuneInString(rest[i:])
				i += size
			}
		}
	}
	return parsed{}, false
}

// dropNoise deletes parentheses inside a name, keeping what they hold, and
// spaces.
var dropNoise = strings.NewReplacer("(", "", ")", "", "（", "", "）", "", " ", "", "\u3000", "")

// hasNoise reports whether s holds a parenthesis or a space, half- or
// full-width.
func hasNoise(s string) bool {
	return strings.IndexByte(s, '(') >= 0 || strings.IndexByte(s, ')') >= 0 || strings.IndexByte(s, ' ') >= 0 ||
		strings.Contains(s, "（") || strings.Contains(s, "）") || strings.Contains(s, "\u3000")
}

// stripNote drops a trailing parenthesised note: 虞山高新区(筹).
func stripNote(w string) string {
	for _, pair := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasSuffix(w, pair[1]) {
			if i := strings.LastIndex(w, pair[0]); i > 0 {
				return strings.TrimSpace(w[:i])
			}
		}
	}
	return w
}

// plausible rejects what is never a body: anything but Han characters,
// groups, leaders, over-long strings.
func (g *Grammar) plausible(s string) bool {
	n, check := 0, false
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		check = check || g.notFirst[r]
		n++
	}
	if n < 2 || n > g.not.MaxRunes {
		return false
	}
	for _, p := range g.not.GroupPrefixes {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	if check {
		for _, list := range [][]string{g.not.GroupWords, g.not.LeaderWords} {
			for _, x := range list {
				if strings.Contains(s, x) {
					return false
				}
			}
		}
	}
	for _, x := range g.not.LeaderSuffixes {
		if strings.HasSuffix(s, x) {
			return false
		}
	}
	return true
}

// prose reports whether an unknown stem reads as a clause, not a name.
func (g *Grammar) prose(stem string) bool {
	check := false
	for _, r := range stem {
		if g.proseFirst[r] {
			check = true
			break
		}
	}
	if !check {
		return false
	}
	for _, x := range g.not.ProseWords {
		if strings.Contains(stem, x) {
			return true
		}
	}
	return false
}
