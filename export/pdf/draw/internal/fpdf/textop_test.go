package fpdf

import (
	"fmt"
	"math"
	"testing"
)

// TestTextOp: textOp writes what fpdf's Sprintf wrote, for every kind of
// coordinate and for text holding the escapes and any bytes.
func TestTextOp(t *testing.T) {
	nums := []float64{0, -0.0, 0.004, 0.005, 0.015, -0.004, -0.006, 1, 72.5, 841.889, -12.345, 1e9, 1e21, -1e-7, math.Inf(1), math.Inf(-1), math.NaN(), 595.2755905511812}
	texts := []string{"", "abc", "\\(\\)", "\x00\xff\x5c\x28\x29\r", "中文（一）"}
	for _, x := range nums {
		for _, y := range nums {
			for _, s := range texts {
				want := fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", x, y, s)
				if got := textOp(x, y, s); got != want {
					t.Errorf("textOp(%v, %v, %q) = %q, want %q", x, y, s, got, want)
				}
			}
		}
	}
}
