package layout

// PtToMM converts a font size in points to millimetres.
const PtToMM = 25.4 / 72

// Metrics are the advance widths of one font, in 1/1000 em, exactly as
// the PDF library measures them: a rune with no width of its own counts
// as Missing (or 500 when the font declares no missing width).
type Metrics struct {
	W       []uint16 // indexed by rune; runes beyond it have no width
	Missing int
	// Track is added to every advance, in 1/1000 em: the character
	// spacing (negative to tighten) that puts 28 characters of 3号 type
	// on a 156 mm line. See Tracked.
	Track int
}

// Tracked returns m with every advance track units wider.
func (m *Metrics) Tracked(track int) *Metrics {
	if track == m.Track {
		return m
	}
	t := *m
	t.Track = track
	return &t
}

// Advance is the width of r in 1/1000 em.
func (m *Metrics) Advance(r rune) int {
	if r >= 0 && int(r) < len(m.W) && m.W[r] > 0 {
		if m.W[r] == 65535 {
			return m.Track
		}
		return int(m.W[r]) + m.Track
	}
	if m.Missing != 0 {
		return m.Missing + m.Track
	}
	return 500 + m.Track
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
