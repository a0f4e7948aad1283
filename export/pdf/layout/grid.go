package layout

// The GB/T 9704-2012 grid: 22 lines of 28 characters of 3号 (16 pt) body
// type in the 156 × 225 mm type area. 28 em of 16 pt is 158 mm, so, as
// word processors do, the characters are set a little tighter: 987/1000
// em apart, 28 of them 155.99 mm.
const (
	GridSize  = 16.0       // 3号, pt
	GridPitch = 225.0 / 22 // line pitch, mm
	GridTrack = -13        // character spacing, 1/1000 em
)
