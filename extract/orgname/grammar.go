package orgname

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"fengong/templates"
)

// File is the name of the grammar's data file in the templates set.
const File = "orgnames.yaml"

// kept decoded (templates.Decoded)
var _ = templates.Decoded(File, (*config)(nil))

// ErrGrammar is wrapped by every error Load returns for a grammar file
// that decodes but does not make sense.
var ErrGrammar = errors.New("orgname: bad grammar")

// config is orgnames.yaml as written.
type config struct {
	Kinds             []string          `yaml:"kinds"`
	Foreign           []string          `yaml:"foreign"`
	ForeignWhenNamed  []string          `yaml:"foreign_when_named"`
	GovernmentLevels  []string          `yaml:"government_levels"`
	Levels            map[string]string `yaml:"levels"`
	NotAfterLevel     []string          `yaml:"not_after_level"`
	PlaceSuffixes     map[string]string `yaml:"place_suffixes"`
	BareGovernments   []string          `yaml:"bare_governments"`
	PlaceNorm         []string          `yaml:"place_norm"`
	Provinces         []string          `yaml:"provinces"`
	ProvinceLevel     string            `yaml:"province_level"`
	Ethnic            []string          `yaml:"ethnic"`
	PartyHeads        []string          `yaml:"party_heads"`
	PartyMarker       string            `yaml:"party_marker"`
	GovernmentMarkers []string          `yaml:"government_markers"`
	Government        special           `yaml:"government"`
	PartyCommittee    special           `yaml:"party_committee"`
	IssuerOffice      string            `yaml:"issuer_office"`
	Title             title             `yaml:"title"`
	Infix             []infix           `yaml:"infix"`
	NotNames          notNames          `yaml:"not_names"`
	Suffixes          []suffixDef       `yaml:"suffixes"`
	Bodies            []bodyDef         `yaml:"bodies"`
}

type special struct {
	Stem   string `yaml:"stem"`
	Suffix string `yaml:"suffix"`
	Kind   string `yaml:"kind"`
}

type title struct {
	Before []string `yaml:"before"`
	Drop   []string `yaml:"drop"`
	Year   string   `yaml:"year"`
}

type infix struct {
	Head string `yaml:"head"`
	Tail string `yaml:"tail"`
	Name string `yaml:"name"`
}

type notNames struct {
	GroupPrefixes  []string `yaml:"group_prefixes"`
	GroupWords     []string `yaml:"group_words"`
	LeaderWords    []string `yaml:"leader_words"`
	LeaderSuffixes []string `yaml:"leader_suffixes"`
	ProseWords     []string `yaml:"prose_words"`
	MaxRunes       int      `yaml:"max_runes"`
	StemRunes      int      `yaml:"stem_runes"`
	LongStems      []string `yaml:"long_stems"`
	ProseStarts    []string `yaml:"prose_starts"`
}

type suffixDef struct {
	Class  string   `yaml:"class"`
	Kind   string   `yaml:"kind"`
	Closed bool     `yaml:"closed"`
	Forms  []string `yaml:"forms"`
}

type bodyDef struct {
	Key       string   `yaml:"key"`
	Kind      string   `yaml:"kind"`
	Stems     []string `yaml:"stems"`
	Suffixes  []string `yaml:"suffixes"`
	Names     []string `yaml:"names"`
	Heads     []string `yaml:"heads"`
	Tails     []string `yaml:"tails"`
	PlaceFree bool     `yaml:"place_free"`
	FreeNames []string `yaml:"free_names"`
}

// suffix is one suffix class.
type suffix struct {
	class  string
	kind   string
	closed bool
}

// body is one known body.
type body struct {
	key      string
	kind     string
	order    int // position in the file: Rank within the kind
	suffixes map[string]bool
	tails    map[string]bool
	party    bool // a 党委部门 by kind
}

// nameOf is a whole written name of a body and the suffix class it ends in.
type nameOf struct {
	b      *body
	class  string
	strict bool // a free name: only after a place written without a level
}

// Grammar reads Chinese government body names. It is built once by Load
// and never changed afterwards, so it is safe for concurrent use.
type Grammar struct {
	kinds    []string
	kindRank map[string]int
	foreign  map[string]bool
	named    map[string]bool // foreign when named
	deptKind string          // the kind of issuer_office: a 委 before it makes a party body

	levels        map[string]string // written level → canonical level
	levelWords    []string          // written levels, longest first
	govLevels     map[string]bool
	notAfterLevel []string

	placeSuffix    map[string]string // place suffix → level
	maxPlaceSuffix int               // runes
	placeLast      map[rune]bool     // last runes of place suffixes
	maxProvince    int               // runes
	provinceLevel  string
	placeNorm      []string
	bareGov        map[string]bool // levels whose bare place is a government
	provinces      map[string]bool
	ethnic         []string

	partyHeads   []string
	partyMarker  string
	govMarkers   []string
	government   special
	partyC       special
	issuerOffice string
	title        title
	infix        []infix
	not          notNames
	notFirst     map[rune]bool // first runes of group and leader words
	proseFirst   map[rune]bool // first runes of prose words

	suffix    map[string]*suffix // written form → class
	maxSuffix int                // runes
	stems     map[string]*body
	names     map[string]nameOf
	placeFree map[string]nameOf
	maxFree   int // runes
	freeLast  map[rune]bool
	heads     map[string][]*body
	maxHead   int // runes
}

// Load reads orgnames.yaml from ts, or from the embedded defaults when ts
// is nil. Unknown keys, unknown kinds and a stem or name given to two
// bodies are errors.
func Load(ts *templates.Set) (*Grammar, error) {
	if ts == nil {
		ts = templates.Default()
	}
	var c config
	if err := ts.Decode(File, &c); err != nil {
		return nil, err
	}
	return build(&c)
}

func build(c *config) (*Grammar, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrGrammar, fmt.Sprintf(format, a...))
	}
	g := &Grammar{
		kinds:         slices.Clone(c.Kinds),
		kindRank:      map[string]int{},
		foreign:       map[string]bool{},
		named:         map[string]bool{},
		govLevels:     map[string]bool{},
		levels:        map[string]string{},
		placeSuffix:   map[string]string{},
		placeLast:     map[rune]bool{},
		bareGov:       map[string]bool{},
		provinces:     map[string]bool{},
		placeNorm:     c.PlaceNorm,
		provinceLevel: c.ProvinceLevel,
		ethnic:        c.Ethnic,
		partyHeads:    c.PartyHeads,
		partyMarker:   c.PartyMarker,
		govMarkers:    c.GovernmentMarkers,
		government:    c.Government,
		partyC:        c.PartyCommittee,
		issuerOffice:  c.IssuerOffice,
		title:         c.Title,
		infix:         c.Infix,
		not:           c.NotNames,
		suffix:        map[string]*suffix{},
		stems:         map[string]*body{},
		names:         map[string]nameOf{},
		placeFree:     map[string]nameOf{},
		freeLast:      map[rune]bool{},
		heads:         map[string][]*body{},
	}
	if len(g.kinds) == 0 {
		return nil, bad("no kinds")
	}
	if g.not.MaxRunes <= 0 {
		g.not.MaxRunes = 40
	}
	if g.not.StemRunes <= 0 {
		g.not.StemRunes = 12
	}
	g.notFirst = firstRunes(g.not.GroupWords, g.not.LeaderWords)
	g.proseFirst = firstRunes(g.not.ProseWords)
	for i, k := range g.kinds {
		if _, dup := g.kindRank[k]; dup {
			return nil, bad("kind %s listed twice", k)
		}
		g.kindRank[k] = i
	}
	kindOK := func(k, where string) error {
		if _, ok := g.kindRank[k]; !ok {
			return bad("%s: unknown kind %q", where, k)
		}
		return nil
	}
	for _, k := range c.Foreign {
		if err := kindOK(k, "foreign"); err != nil {
			return nil, err
		}
		g.foreign[k] = true
	}
	for _, sp := range []special{c.Government, c.PartyCommittee} {
		if err := kindOK(sp.Kind, "government/party_committee"); err != nil {
			return nil, err
		}
	}
	if c.PartyMarker == "" || len(c.GovernmentMarkers) == 0 {
		return nil, bad("party_marker and government_markers are required")
	}
	for _, k := range c.ForeignWhenNamed {
		if err := kindOK(k, "foreign_when_named"); err != nil {
			return nil, err
		}
		g.named[k] = true
	}
	for w, l := range c.Levels {
		g.levels[w] = l
		g.levelWords = append(g.levelWords, w)
	}
	slices.SortFunc(g.levelWords, func(a, b string) int {
		if d := len(b) - len(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for _, l := range c.GovernmentLevels {
		if _, ok := g.levels[l]; !ok {
			return nil, bad("government_levels: %s is not a level", l)
		}
		g.govLevels[l] = true
	}
	for w, l := range c.PlaceSuffixes {
		g.placeSuffix[w] = l
		g.maxPlaceSuffix = max(g.maxPlaceSuffix, utf8.RuneCountInString(w))
		r, _ := utf8.DecodeLastRuneInString(w)
		g.placeLast[r] = true
	}
	if len(c.Provinces) > 0 && !slices.Contains(slices.Collect(maps.Values(g.levels)), c.ProvinceLevel) {
		return nil, bad("province_level %q is not a level", c.ProvinceLevel)
	}
	for _, l := range c.BareGovernments {
		g.bareGov[l] = true
	}
	for _, p := range c.Provinces {
		g.provinces[p] = true
		g.maxProvince = max(g.maxProvince, utf8.RuneCountInString(p))
	}
	classes := map[string]*suffix{}
	for _, sd := range c.Suffixes {
		if err := kindOK(sd.Kind, "suffix "+sd.Class); err != nil {
			return nil, err
		}
		sf := classes[sd.Class]
		if sf == nil {
			sf = &suffix{class: sd.Class, kind: sd.Kind, closed: sd.Closed}
			classes[sd.Class] = sf
		}
		for _, f := range sd.Forms {
			if _, dup := g.suffix[f]; dup {
				return nil, bad("suffix form %s listed twice", f)
			}
			g.suffix[f] = sf
			g.maxSuffix = max(g.maxSuffix, utf8.RuneCountInString(f))
		}
	}
	keys := map[string]bool{}
	for i, bd := range c.Bodies {
		where := "body " + bd.Key
		if bd.Key == "" {
			return nil, bad("body %d has no key", i)
		}
		if keys[bd.Key] {
			return nil, bad("%s listed twice", where)
		}
		keys[bd.Key] = true
		if err := kindOK(bd.Kind, where); err != nil {
			return nil, err
		}
		b := &body{key: bd.Key, kind: bd.Kind, order: i, suffixes: map[string]bool{}, tails: map[string]bool{},
			party: bd.Kind == c.PartyCommittee.Kind}
		for _, s := range bd.Suffixes {
			if classes[s] == nil {
				return nil, bad("%s: unknown suffix class %q", where, s)
			}
			b.suffixes[s] = true
		}
		if len(bd.Stems) > 0 && len(bd.Suffixes) == 0 {
			return nil, bad("%s: stems without suffixes", where)
		}
		for _, s := range bd.Stems {
			if o, dup := g.stems[s]; dup {
				return nil, bad("%s: stem %s already belongs to %s", where, s, o.key)
			}
			g.stems[s] = b
		}
		for _, n := range bd.Names {
			if o, dup := g.names[n]; dup {
				return nil, bad("%s: name %s already belongs to %s", where, n, o.b.key)
			}
			nb := nameOf{b: b, class: g.classOf(n)}
			g.names[n] = nb
			if bd.PlaceFree {
				g.placeFree[n] = nb
				g.maxFree = max(g.maxFree, utf8.RuneCountInString(n))
				r, _ := utf8.DecodeLastRuneInString(n)
				g.freeLast[r] = true
			}
		}
		for _, n := range bd.FreeNames {
			if o, dup := g.placeFree[n]; dup {
				return nil, bad("%s: free name %s already belongs to %s", where, n, o.b.key)
			}
			g.placeFree[n] = nameOf{b: b, class: g.classOf(n), strict: true}
			g.maxFree = max(g.maxFree, utf8.RuneCountInString(n))
			r, _ := utf8.DecodeLastRuneInString(n)
			g.freeLast[r] = true
		}
		for _, t := range bd.Tails {
			b.tails[t] = true
		}
		if len(bd.Heads) > 0 && len(bd.Tails) == 0 {
			return nil, bad("%s: heads without tails", where)
		}
		for _, h := range bd.Heads {
			g.heads[h] = append(g.heads[h], b)
			g.maxHead = max(g.maxHead, utf8.RuneCountInString(h))
		}
	}
	if !keys[g.issuerOffice] {
		return nil, bad("issuer_office %q is not a body", g.issuerOffice)
	}
	for _, bd := range c.Bodies {
		if bd.Key == g.issuerOffice {
			g.deptKind = bd.Kind
		}
	}
	for _, in := range g.infix {
		if _, ok := g.names[in.Name]; !ok {
			return nil, bad("infix %s: not a body name", in.Name)
		}
	}
	return g, nil
}

// firstRunes is the set of the first runes of words.
func firstRunes(lists ...[]string) map[rune]bool {
	m := map[rune]bool{}
	for _, l := range lists {
		for _, w := range l {
			r, _ := utf8.DecodeRuneInString(w)
			m[r] = true
		}
	}
	return m
}

// classOf is the class of the longest suffix form s ends in, or "".
func (g *Grammar) classOf(s string) string {
	t := tailStarts(s, g.maxSuffix)
	for k := t.n - 1; k >= 0; k-- {
		if sf := g.suffix[s[t.at[k]:]]; sf != nil {
			return sf.class
		}
	}
	return ""
}

// Kinds lists the kinds in standard order.
func (g *Grammar) Kinds() []string { return slices.Clone(g.kinds) }

// Provinces lists the provinces the grammar knows, bare (湖南, 内蒙古).
func (g *Grammar) Provinces() []string { return slices.Sorted(maps.Keys(g.provinces)) }

// tails holds the byte offsets at which the last 1, 2, … runes of a
// string start: at[0] is the start of the last rune, at[n-1] of the
// longest tail considered. Loop from n-1 down for longest-first.
type tails struct {
	at [24]int
	n  int
}

// tailStarts gives the starts of the last 1..max runes of s (fewer when s
// is shorter; the whole of s included).
func tailStarts(s string, max int) (t tails) {
	i := len(s)
	for t.n < max && t.n < len(t.at) && i > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		t.at[t.n] = i
		t.n++
	}
	return t
}
