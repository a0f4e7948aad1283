package layout

import (
	"math"
	"strconv"
)

// Series is one kind of bar in a stacked bar chart.
type Series struct {
	Name   string
	Color  string // "#rrggbb"
	Values []int  // one per label
}

// BarChart is a horizontal stacked bar chart drawn from rectangles, lines
// and text: one row per label, a legend and a value axis at the top of
// each page it spans.
type BarChart struct {
	Labels     []string
	Series     []Series
	Text       Style   // labels, values, legend and axis
	ValueText  Style   // the numbers inside the bars
	LabelWidth float64 // mm kept for the labels at the left
	Row        float64 // row pitch, mm
	Bar        float64 // bar thickness, mm
	Grid       string  // "#rrggbb" of the grid lines
	Axis       string  // "#rrggbb" of the axis
}

// Height is the height of c when it fits on one page.
func (c BarChart) Height() float64 {
	if len(c.Labels) == 0 {
		return 0
	}
	return c.Row + c.Text.Leading + float64(len(c.Labels))*c.Row
}

// BarChart places c at the cursor. Labels too wide for LabelWidth are
// shortened with "…".
func (f *Flow) BarChart(c BarChart) {
	if len(c.Labels) == 0 || c.Row <= 0 {
		return
	}
	total := make([]int, len(c.Labels))
	maxTotal := 0
	for i := range c.Labels {
		for _, s := range c.Series {
			if i < len(s.Values) {
				total[i] += max(s.Values[i], 0)
			}
		}
		maxTotal = max(maxTotal, total[i])
	}
	step, top := ticks(maxTotal)
	m := f.fonts.Get(c.Text.Font)
	valueRoom := m.Width(strconv.Itoa(maxTotal), c.Text.Size) + 2
	x0 := f.g.Left + c.LabelWidth + 2
	plotW := f.g.BodyW - c.LabelWidth - 2 - valueRoom
	scale := plotW / float64(top)
	legendH := c.Row
	axisH := c.Text.Leading

	for from := 0; from < len(c.Labels); {
		rows := int((f.Remaining() - legendH - axisH + 1e-9) / c.Row)
		if rows < min(3, len(c.Labels)-from) && !f.atTop() {
			f.NewPage()
			continue
		}
		rows = max(1, min(rows, len(c.Labels)-from))

		// legend: a swatch and the name of each series
		lx := x0
		for _, s := range c.Series {
			sw := c.Bar * 0.8
			f.Add(Item{Kind: KindRect, X: lx, Y: f.y + (legendH-sw)/2, W: sw, H: sw, Fill: s.Color})
			lx += sw + 1.5
			ts := c.Text
			ts.Align = Left
			name := f.clean(ts.Font, s.Name)
			f.Text(name, ts, lx, f.y+(legendH-ts.Leading)/2, 0)
			lx += m.Width(name, ts.Size) + 6
		}
		f.y += legendH

		// axis: tick labels, then grid lines down through the rows
		plotTop := f.y + axisH
		plotH := float64(rows) * c.Row
		for v := 0; v <= top; v += step {
			x := x0 + float64(v)*scale
			ts := c.Text
			ts.Align = Center
			f.Text(strconv.Itoa(v), ts, x-10, f.y, 20)
			colour := c.Grid
			if v == 0 {
				colour = c.Axis
			}
			f.Add(Item{Kind: KindLine, X: x, Y: plotTop, H: plotH, Stroke: colour, LineWidth: 0.2})
		}
		f.y = plotTop

		for i := from; i < from+rows; i++ {
			ls := c.Text
			ls.Align = Right
			f.Text(f.Fit(c.Labels[i], ls, c.LabelWidth), ls, f.g.Left, f.y+(c.Row-ls.Leading)/2, c.LabelWidth)
			bx := x0
			by := f.y + (c.Row-c.Bar)/2
			for _, s := range c.Series {
				if i >= len(s.Values) || s.Values[i] <= 0 {
					continue
				}
				w := float64(s.Values[i]) * scale
				f.Add(Item{Kind: KindRect, X: bx, Y: by, W: w, H: c.Bar, Fill: s.Color})
				label := strconv.Itoa(s.Values[i])
				vs := c.ValueText
				vs.Align = Center
				if m.Width(label, vs.Size)+1 <= w {
					f.Text(label, vs, bx, by+(c.Bar-vs.Leading)/2, w)
				}
				bx += w
			}
			ts := c.Text
			ts.Align = Left
			f.Text(strconv.Itoa(total[i]), ts, bx+1, f.y+(c.Row-ts.Leading)/2, 0)
			f.y += c.Row
		}
		from += rows
	}
}

// ticks chooses a step of 1, 2 or 5 times a power of ten giving at most
// six intervals, and the axis end: the first multiple of step ≥ maxValue.
func ticks(maxValue int) (step, top int) {
	if maxValue <= 0 {
		return 1, 1
	}
	raw := float64(maxValue) / 6
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step = int(p)
	for _, k := range []float64{1, 2, 5, 10} {
		if k*p >= raw {
			step = int(k * p)
			break
		}
	}
	step = max(step, 1)
	top = (maxValue + step - 1) / step * step
	return step, top
}
