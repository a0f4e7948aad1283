package layout

// PtToMM converts a font size in points to millimetres.
const PtToMM = 25.4 / 72

// Metrics are the advance widths of one font, in 1/1000 em, exactly as
// the PDF library measures them: a rune with no width of its own counts
// as Missing (or 500 when the font declares no missing width).
type Metrics struct {
	W       []uint16 // indexed by rune; runes beyond it have no width
	Missing int
}

// Advance is the width of r in 1/1000 em.
func (m *Metrics) Advance(r rune) int {
	if r >= 0 && int(r) < len(m.W) && m.W[r] > 0 {
		if m.W[r] == 65535 {
			return 0
		}
		return int(m.W[r])
	}
	if m.Missing != 0 {
		return m.Missing
	}
	return 500
}

// Units is the width of s in 1/1000 em.
func (m *Metrics) Units(s string) int {
	w := 0
	for _, r := range s {
		w += m.Advance(r)
	}
	return w
}

// Width is the width of s in millimetres at size points.
func (m *Metrics) Width(s string, size float64) float64 {
	return float64(m.Units(s)) * size * PtToMM / 1000
}

// limit is the widest run, in 1/1000 em, that fits width millimetres at
// size points. The small tolerance keeps a line that fits exactly.
func limit(width, size float64) int {
	if size <= 0 {
		return 0
	}
	return int(width*1000/(size*PtToMM) + 1e-6)
}
