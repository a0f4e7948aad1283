package orgname

import "strings"

// Same reports whether a and b name the same body of one government:
// Same("市发改委", "市发展和改革委员会") is true, Same("省委办公厅",
// "省政府办公厅") false. Both must parse with equal Party and equal Key
// apart from places; their levels must be equal or one of them bare
// (发改委 is the same body as 市发改委), and their places equal or one of
// them absent (省税务局 = 国家税务总局湖南省税务局). Governments are the
// same only with equal Keys (市人民政府 names no one city). When either does
// not parse, Same compares the trimmed strings.
func (g *Grammar) Same(a, b string) bool {
	pa, oka := g.parse(a)
	pb, okb := g.parse(b)
	if !oka || !okb {
		return strings.TrimSpace(a) == strings.TrimSpace(b)
	}
	if pa.Party != pb.Party || pa.base != pb.base {
		return false
	}
	if pa.gov || pb.gov {
		return pa.Key == pb.Key
	}
	if pa.Level != "" && pb.Level != "" && pa.Level != pb.Level {
		return false
	}
	if pa.Place != "" && pb.Place != "" && g.normPlace(pa.Place) != g.normPlace(pb.Place) {
		return false
	}
	return true
}

// Qualify gives a bare name the level prefix: Qualify("财政厅", "省") is
// "省财政厅", true; a party body takes the party marker too
// (Qualify("组织部", "市") is "市委组织部"), an infix name its own form
// (Qualify("团委", "省") is "团省委"). It returns s, false when s already
// has a level or place, is Foreign, does not parse, or level is not a
// level.
func (g *Grammar) Qualify(s, level string) (string, bool) {
	if _, ok := g.levels[level]; !ok {
		return s, false
	}
	p, ok := g.parse(s)
	if !ok || p.Foreign || p.Level != "" || p.Place != "" {
		return s, false
	}
	return g.prefixed(p, level), true
}

// prefixed writes p after the level or place prefix pre.
func (g *Grammar) prefixed(p parsed, pre string) string {
	w := p.Written
	for _, in := range g.infix {
		if w == in.Name {
			return in.Head + pre + in.Tail
		}
	}
	if p.Party && !strings.HasPrefix(p.Prefix, g.partyMarker) {
		return pre + g.partyMarker + w
	}
	return pre + w
}
