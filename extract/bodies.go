package extract

import (
	"strings"
	"sync"

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
	kind    string
	rank    int
	foreign bool // never given a level prefix
}

// expanded is a name with what an elliptical list gave it.
type expanded struct{ prefix, base, suffix string }

// parse reads a name.
func (g *bodyGrammar) parse(n string) (body, bool) {
	nm, ok := g.g.Parse(n)
	if !ok {
		return body{}, false
	}
	return body{name: nm, kind: nm.Kind, rank: nm.Rank, foreign: nm.Foreign}, true
}

// identity is the body's identity within a document of the given level:
// a bare name (发改委) is a body of the issuing government.
func (b body) identity(level string) string {
	if b.foreign && !b.name.Leveled {
		return "|" + b.name.Key
	}
	lv := b.name.Level
	if lv == "" {
		lv = level
	}
	return lv + "|" + b.name.Place + "|" + b.name.Key
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
