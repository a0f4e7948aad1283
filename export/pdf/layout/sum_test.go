package layout

import (
	"reflect"
	"testing"
)

// sample is a layout with one value of each kind, every field set.
func sample() *Layout {
	return &Layout{
		Width: 210, Height: 297,
		Pages: []Page{{Number: 1, Items: []Item{
			{Kind: KindText, X: 1, Y: 2, W: 3, H: 4, Font: FontBody, Size: 16, Text: "重点工作", Color: "000000", Spacing: 0.5, Fill: "ffffff", Stroke: "c00000", LineWidth: 0.3},
			{Kind: KindLine, X: 5, Y: 6, W: 7, H: 8, Stroke: "000000", LineWidth: 0.5},
		}}},
		Outline: []Mark{{Title: "一、总体情况", Level: 1, Page: 1, Y: 20}},
	}
}

// TestSumCoversEveryField changes each field of each value of a layout,
// one at a time, and wants a different Sum: a field added to Layout,
// Page, Item or Mark that Sum does not read fails here.
func TestSumCoversEveryField(t *testing.T) {
	base := sample().Sum()
	if again := sample().Sum(); again != base {
		t.Fatal("the same layout gives two sums")
	}
	// the values to change, found in a fresh sample each time
	values := []struct {
		name string
		at   func(l *Layout) reflect.Value
	}{
		{"Layout", func(l *Layout) reflect.Value { return reflect.ValueOf(l).Elem() }},
		{"Page", func(l *Layout) reflect.Value { return reflect.ValueOf(&l.Pages[0]).Elem() }},
		{"Item", func(l *Layout) reflect.Value { return reflect.ValueOf(&l.Pages[0].Items[0]).Elem() }},
		{"Mark", func(l *Layout) reflect.Value { return reflect.ValueOf(&l.Outline[0]).Elem() }},
	}
	for _, v := range values {
		typ := v.at(sample()).Type()
		for i := range typ.NumField() {
			l := sample()
			field := v.at(l).Field(i)
			switch field.Kind() {
			case reflect.Float64:
				field.SetFloat(field.Float() + 0.25)
			case reflect.Int:
				field.SetInt(field.Int() + 1)
			case reflect.String:
				field.SetString(field.String() + "乙")
			case reflect.Slice:
				field.SetLen(field.Len() - 1) // one value fewer
			default:
				t.Errorf("%s.%s: a field of kind %s, which this test cannot change (and Sum may not read)", v.name, typ.Field(i).Name, field.Kind())
				continue
			}
			if l.Sum() == base {
				t.Errorf("%s.%s changed, the sum did not: Sum does not read it", v.name, typ.Field(i).Name)
			}
		}
	}
	// strings are told apart from their neighbours
	a, b := sample(), sample()
	a.Pages[0].Items[0].Text, a.Pages[0].Items[0].Color = "重点", "工作000000"
	b.Pages[0].Items[0].Text, b.Pages[0].Items[0].Color = "重点工作", "000000"
	if a.Sum() == b.Sum() {
		t.Error("a character moved from one string to the next leaves the sum as it was")
	}
}
