package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Stage 7, resolve: names into depts, groups and leaders.

// name is one name of a clause, folded for matching and as written.
type name struct {
	folded  string
	written string
	// bare is the name as the list wrote it, when the list lent it a
	// prefix (环保局 of 市经委、环保局): the dept keeps it as an alias, a
	// spelling the document uses (and the one a reader who lends no
	// prefix to 开发区商务局 or 园区党工委 would give)
	bare []string
}

// nameReader reads names: the dept directory (when one is given) and the
// built-in grammar of body names.
type nameReader struct {
	dir           *Directory
	grammar       *bodyGrammar
	issuer, level string
	// written is the level most of the document's units are written
	// with (县发改局、县住建局), read when no issuer says the level: a bare
	// name (财政局) is then that level's body, the same dept as 县财政局
	written  string
	parsed   map[string]parsedName // names already read: documents repeat them
	clauses  map[string]clauseMemo // clause bodies already read
	expanded map[string][]expanded // lists already expanded
}

type clauseMemo struct {
	c  rawClause
	ok bool
}

type parsedName struct {
	b  body
	ok bool
}

// parse reads a name through the grammar, once per document.
func (nr *nameReader) parse(n string) (body, bool) {
	if r, ok := nr.parsed[n]; ok {
		return r.b, r.ok
	}
	b, ok := nr.grammar.parse(n)
	if len(nr.parsed) < 1<<16 {
		nr.parsed[n] = parsedName{b, ok}
	}
	return b, ok
}

func newNameReader(dir *Directory) *nameReader {
	return &nameReader{dir: dir, grammar: dir.bodies(), parsed: map[string]parsedName{}, clauses: map[string]clauseMemo{}, expanded: map[string][]expanded{}}
}

// readIssuer reads the issuing government from the document's opening;
// when it says no level, the level the units are written with.
func (nr *nameReader) readIssuer(head, lines []string) {
	nr.issuer, nr.level = nr.grammar.g.Issuer(head)
	if nr.level == "" {
		nr.written = writtenLevel(lines)
	}
}

// reLeveledUnit is a unit written with its level after a separator:
// 、县财政局, （市发改委牵头.
var reLeveledUnit = lazyRE(`(?:^|[、，,；;：:（(|\s])([省市州县区旗])\p{Han}{1,8}?(?:局|委|厅|办)`)

// writtenLevel is the level of at least three of the units the lines
// name, and of two thirds of those written with a level; "" when none is.
func writtenLevel(lines []string) string {
	count := map[string]int{}
	all := 0
	for _, l := range lines {
		for _, m := range reLeveledUnit.FindAllStringSubmatch(l, -1) {
			count[m[1]]++
			all++
		}
	}
	for lv, n := range count {
		if n >= 3 && 3*n >= 2*all {
			return lv
		}
	}
	return ""
}

// unitLike reports whether n reads as a body (a unit): the directory knows
// it, or the grammar parses it.
func unitLike(n string, nr *nameReader) bool {
	if nr == nil {
		_, ok := defaultBodyGrammar().parse(n)
		return ok
	}
	if nr.dir.known(n) {
		return true
	}
	_, ok := nr.parse(n)
	return ok
}

// expandNames expands one clause part's names (shared prefixes and
// suffixes) and pairs each with its spelling as written.
func (p *parser) expandNames(part rawPart) []name {
	names := part.names
	var exp []expanded
	if len(names) < 2 {
		exp = []expanded{}
		for _, n := range names {
			exp = append(exp, expanded{base: n})
		}
	} else {
		key := strings.Join(names, "、")
		if e, ok := p.names.expanded[key]; ok {
			exp = e
		} else if p.complete(names) {
			exp = make([]expanded, len(names))
			for i, n := range names {
				exp[i] = expanded{base: n}
			}
		} else {
			exp = p.names.grammar.expand(names, p.dir.known)
			p.names.expanded[key] = exp
		}
	}
	written := make([]string, len(names))
	for i, n := range names {
		if part.written != nil && i < len(part.written) && len(part.written[i]) == len(n) {
			written[i] = part.written[i]
		} else {
			written[i] = p.written(part.line, n)
		}
	}
	out := make([]name, len(exp))
	for i, e := range exp {
		// what the list lent the name is taken as written from the name it
		// came from, byte for byte (folding keeps lengths)
		pre, suf := e.prefix, e.suffix
		for j, n := range names {
			if pre != "" && j != i && strings.HasPrefix(n, pre) {
				pre = written[j][:len(pre)]
				break
			}
		}
		for j, n := range names {
			if suf != "" && j != i && strings.HasSuffix(n, suf) {
				suf = written[j][len(written[j])-len(suf):]
				break
			}
		}
		out[i] = name{folded: e.prefix + e.base + e.suffix, written: pre + written[i] + suf}
		if e.prefix != "" {
			out[i].bare = []string{e.base + e.suffix, written[i] + suf}
			if lent, ok := strings.CutSuffix(e.prefix, "委"); ok && lent != "" && slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, lent) && !strings.HasPrefix(n, e.prefix) }) {
				// 市发展改革委、农办 → 市委农办, a party office: the
				// spelling the list lends word for word (市农办) is its
				// alias too
				out[i].bare = append(out[i].bare, lent+e.base+e.suffix)
			}
		}
	}
	return out
}

// complete reports whether every name of a list has its own level or
// place (or is in the directory): such a list has nothing to expand.
func (p *parser) complete(names []string) bool {
	for _, n := range names {
		if p.dir.known(n) {
			continue
		}
		b, ok := p.names.parse(n)
		if !ok || b.name.Level == "" && b.name.Place == "" && (!b.foreign || b.name.Leveled) {
			return false
		}
	}
	return true
}

type deptAcc struct {
	name    string
	kind    string
	known   bool
	order   int // directory order, or the grammar's rank
	seq     int // first appearance
	aliases []string
	key     string // the grammar's identity key
}

// canonical maps a written name to its canonical dept name, recording the
// dept and warning once about a name that neither the directory nor the
// grammar reads.
func (p *parser) canonical(n name, line, item int) string {
	folded := n.folded
	var acc *deptAcc
	if e, i, ok := p.dir.Lookup(folded); ok {
		acc = p.depts[e.Name]
		if acc == nil {
			p.deptSeq++
			acc = &deptAcc{name: e.Name, kind: e.Kind, known: true, order: i, seq: p.deptSeq}
			p.depts[e.Name] = acc
		}
	} else {
		b, parsed := p.names.parse(folded)
		key := "?" + folded
		if parsed {
			key = b.identity(cmp.Or(p.names.level, p.names.written))
		}
		acc = p.deptByKey[key]
		if acc == nil {
			p.deptSeq++
			kind, order := b.kind, 1<<20+b.rank
			if !parsed {
				kind, order = "其他", 1<<30
				if !p.warned[folded] {
					p.warned[folded] = true
					p.warn(line, item, "unknown-dept", "name", n.written)
				}
			}
			acc = &deptAcc{name: folded, kind: kind, order: order, seq: p.deptSeq, key: key}
			p.deptByKey[key] = acc
			p.depts[folded] = acc
		} else if utf8.RuneCountInString(folded) > utf8.RuneCountInString(acc.name) {
			// the fullest spelling the document uses names the dept
			old := acc.name
			delete(p.depts, old)
			acc.aliases = appendUnique(acc.aliases, old)
			acc.name = folded
			p.depts[folded] = acc
			p.renamed[old] = folded
		}
	}
	for _, s := range append([]string{folded, n.written}, n.bare...) {
		if s != acc.name {
			acc.aliases = appendUnique(acc.aliases, s)
		}
	}
	return acc.name
}

// finalName follows renames made when a fuller spelling came later.
func (p *parser) finalName(n string) string {
	for i := 0; i < 8; i++ {
		m, ok := p.renamed[n]
		if !ok {
			return n
		}
		n = m
	}
	return n
}

// deptList counts each dept's tasks by role and orders the depts.
func (p *parser) deptList(items []Item) []Dept {
	// names given before a fuller spelling was seen
	if len(p.renamed) > 0 {
		for i := range items {
			for j := range items[i].Tasks {
				t := &items[i].Tasks[j]
				for _, l := range []*[]string{&t.Lead, &t.Respective, &t.Co} {
					for k, n := range *l {
						(*l)[k] = p.finalName(n)
					}
				}
			}
		}
	}
	accs := make([]*deptAcc, 0, len(p.depts))
	for _, a := range p.depts {
		accs = append(accs, a)
	}
	sort.Slice(accs, func(i, j int) bool {
		if accs[i].order != accs[j].order {
			return accs[i].order < accs[j].order
		}
		return accs[i].seq < accs[j].seq
	})
	out := make([]Dept, len(accs))
	index := make(map[string]int, len(accs))
	for i, a := range accs {
		aliases := make([]string, 0, len(a.aliases))
		for _, al := range a.aliases {
			if al != a.name {
				aliases = append(aliases, al)
			}
		}
		out[i] = Dept{Name: a.name, Aliases: aliases, Kind: a.kind, Known: a.known}
		index[a.name] = i
	}
	for i := range items {
		for j := range items[i].Tasks {
			t := &items[i].Tasks[j]
			named := t.Depts()
			for _, name := range named {
				k, ok := index[name]
				if !ok {
					continue
				}
				d := &out[k]
				switch t.RoleOf(name) {
				case RoleLead:
					d.Lead++
				case RoleRespective:
					d.Respective++
				case RoleCo:
					d.Co++
				}
			}
			if t.All {
				for k := range out {
					if !contains(named, out[k].Name) {
						out[k].All++
					}
				}
			}
		}
	}
	return out
}
