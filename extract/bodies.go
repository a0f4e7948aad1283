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

