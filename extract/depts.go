package extract

import (
	"sort"
	"strings"
)

type deptAcc struct {
	name    string
	kind    string
	known   bool
	order   int // directory order; unknown depts after, by first appearance
	seq     int // first appearance
	aliases []string
}

// canonical maps a written name to its canonical dept name, recording the
// dept and warning once about a name the directory does not know.
func (p *parser) canonical(written string, line, item int) string {
	name, kind, order, known := written, "", 0, false
	if e, i, ok := p.dir.Lookup(written); ok {
		name, kind, order, known = e.Name, e.Kind, i, true
	}
	acc := p.depts[name]
	if acc == nil {
		p.deptSeq++
		if !known {
			kind = guessKind(name)
			order = 1 << 30
			if !p.warned[name] {
				p.warned[name] = true
				p.warn(line, item, "unknown-dept", "name", name)
			}
		}
		acc = &deptAcc{name: name, kind: kind, known: known, order: order, seq: p.deptSeq}
		p.depts[name] = acc
	}
	if written != name && !contains(acc.aliases, written) {
		acc.aliases = append(acc.aliases, written)
	}
	return name
}

// guessKind gives an unlisted dept a kind from the shape of its name.
func guessKind(name string) string {
	switch {
	case strings.HasSuffix(name, "人民政府") || strings.HasSuffix(name, "政府"):
		return "地方政府"
	case strings.HasSuffix(name, "集团") || strings.HasSuffix(name, "公司"):
		return "企业"
	case strings.HasPrefix(name, "省委") || strings.HasPrefix(name, "市委"):
		return "党委部门"
	}
	return "其他"
}

// deptList counts each dept's tasks by role and orders the depts.
func (p *parser) deptList(items []Item) []Dept {
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
		out[i] = Dept{Name: a.name, Aliases: a.aliases, Kind: a.kind, Known: a.known}
		index[a.name] = i
	}
	for i := range items {
		for j := range items[i].Tasks {
			t := &items[i].Tasks[j]
			named := t.Depts()
			for _, name := range named {
				d := &out[index[name]]
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
