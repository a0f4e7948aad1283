package orgname

import (
	"strings"
	"testing"

	"fengong/templates"
)

// TestTableSelfConsistent writes every known body of orgnames.yaml in every
// way the file allows (each stem with each form of each of its suffixes,
// each whole name, each head with a place and a tail), with and without a
// level, and checks that it reads back as that body. Exceptions are listed
// with the reason.
func TestTableSelfConsistent(t *testing.T) {
	g := load(t)
	var c config
	if err := templates.Default().Decode(File, &c); err != nil {
		t.Fatal(err)
	}
	forms := map[string][]string{}
	for _, sd := range c.Suffixes {
		forms[sd.Class] = append(forms[sd.Class], sd.Forms...)
	}
	// written forms another reading rightly takes
	except := map[string]string{
		"市办":          "a bare 办 needs a marker: 市政府办",
		"六安市办":        "a bare 办 needs a marker",
		"湘西土家族苗族自治州办": "a bare 办 needs a marker",
		"办":           "a bare 办 needs a marker",
	}
	n := 0
	check := func(s, key string, level bool) {
		n++
		if _, ok := except[s]; ok {
			return
		}
		p, ok := g.parse(s)
		if !ok {
			t.Errorf("Parse(%q): not a name (body %s)", s, key)
			return
		}
		base := strings.TrimPrefix(p.base, g.partyMarker+"·")
		if p.b == nil || p.b.key != key || base != key {
			t.Errorf("Parse(%q) reads body %q (key %q), want %q", s, base, p.Key, key)
		}
		if level && p.Level == "" && p.Place == "" {
			t.Errorf("Parse(%q): no level", s)
		}
	}
	for _, bd := range c.Bodies {
		var written []string
		for _, st := range bd.Stems {
			for _, sf := range bd.Suffixes {
				for _, f := range forms[sf] {
					written = append(written, st+f)
				}
			}
		}
		written = append(written, bd.Names...)
		for _, w := range written {
			check(w, bd.Key, false)
			if bd.Kind != "下级政府" {
				check("市"+w, bd.Key, true)
				check("六安市"+w, bd.Key, true)
				check("湘西土家族苗族自治州"+w, bd.Key, true)
			}
			if bd.Kind == c.PartyCommittee.Kind {
				check("县委"+w, bd.Key, true)
			}
		}
		for _, h := range bd.Heads {
			for _, tl := range bd.Tails {
				check(h+"长沙"+tl, bd.Key, false)
			}
		}
	}
	t.Logf("%d written forms of %d bodies", n, len(c.Bodies))
}
