package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"fengong/extract/orgname"
)

// bodyGrammar reads government body names through the built-in grammar
// (package orgname, templates/orgnames.yaml): whether a name is a body,
// its identity (so two spellings of one body merge), its kind and rank, and
// the expansion of elliptical lists.
type bodyGrammar struct {
	g *orgname.Grammar
}

var defaultBodyGrammar = sync.OnceValue(func() *bodyGrammar {
	g, err := orgname.Load(nil)
	if err != nil {
		panic("extract: embedded orgnames.yaml: " + err.Error()) // a build defect, caught by the tests
	}
	return &bodyGrammar{g: g}
})

// body is a parsed body name.
type body struct {
	name    orgname.Name
	key     string // identity within the document: equal keys are one body
	kind    string
	rank    int
	foreign bool // never given a level prefix
}

// expanded is a name with what an elliptical list gave it.
type expanded struct{ prefix, base, suffix string }

// parse reads a name; level is the issuing government's level, which a
// bare name (发改委) belongs to.
func (g *bodyGrammar) parse(n, level string) (body, bool) {
	nm, ok := g.g.Parse(n)
	if !ok {
		return body{}, false
	}
	b := body{name: nm, kind: nm.Kind, rank: nm.Rank, foreign: nm.Foreign}
	lv := nm.Level
	if lv == "" && !nm.Foreign {
		lv = level
	}
	b.key = lv + "|" + nm.Place + "|" + nm.Key
	if nm.Foreign {
		b.key = "|" + nm.Key
	}
	return b, true
}

// expand gives the names of one clause part their shared prefix and
// suffix. known reports names the directory lists, which stay as they are.
func (g *bodyGrammar) expand(names []string, known func(string) bool) []expanded {
	full := g.g.Expand(names)
	out := make([]expanded, len(names))
	for i, n := range names {
		out[i] = expanded{base: n}
		if i >= len(full) || full[i] == n || known != nil && known(n) {
			continue
		}
		if j := strings.Index(full[i], n); j >= 0 {
			out[i].prefix, out[i].suffix = full[i][:j], full[i][j+len(n):]
		}
	}
	return out
}

var (
	placeTypes   = []string{"自治州", "自治县", "市", "州", "县", "区", "盟", "旗"}
	orgSuffixes  = []string{"人民政府", "政府", "党委和政府", "管委会", "管理区"}
	orgEndings   = "厅局委办部会院心团司行所社台站处联协组馆室队署关府"
	typeEndingsE = []string{"自治州", "自治县", "市", "县", "区", "盟", "旗"}
)

// expandSuffix gives the bare place names that precede a local
// government's name the same suffix: 长沙、株洲市人民政府 gives 长沙市人民政府
// and 株洲市人民政府; 人民大垸、荒湖管理区 gives 人民大垸管理区 and 荒湖管理区.
// A name the directory knows is never a bare place.
func expandSuffix(names []string, known func(string) bool) []string {
	if len(names) < 2 {
		return names
	}
	last := names[len(names)-1]
	var suffix, ptype string
	for _, s := range orgSuffixes {
		if strings.HasSuffix(last, s) {
			suffix = s
			place := strings.TrimSuffix(last, s)
			for _, t := range placeTypes {
				if strings.HasSuffix(place, t) && utf8.RuneCountInString(place) > utf8.RuneCountInString(t) {
					ptype = t
					break
				}
			}
			break
		}
	}
	if suffix == "" || (ptype == "" && suffix != "管理区") {
		return names
	}
	out := append([]string(nil), names...)
	for i := len(out) - 2; i >= 0; i-- {
		e := out[i]
		if !barePlace(e) || (known != nil && known(e)) {
			break
		}
		if hasAnySuffix(e, typeEndingsE) || ptype == "" {
			out[i] = e + suffix
		} else {
			out[i] = e + ptype + suffix
		}
	}
	return out
}

// barePlace is a short all-Han name with no organisation ending, and not
// a provincial body: 长沙, 岳阳市, 湘西自治州.
func barePlace(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 8 || strings.HasPrefix(s, "各") || strings.HasPrefix(s, "省") || hasAnySuffix(s, orgSuffixes) {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(orgEndings, last)
}
