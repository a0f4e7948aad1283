package extract

import (
	"slices"
	"testing"
)

func TestJoinValues(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		name   string
		lines  []string
		want   []string // the lines after, "" for those taken in
		joined int
	}{
		{"units, a time limit and a leader on the next lines", []string{
			"1.地区生产总值增长6%。", "牵头单位：", "市发改委", "配合单位：", "", "市统计局、市财政局", "完成时限：", "12月底", "责任领导：", "王副市长",
		}, []string{
			"1.地区生产总值增长6%。", "牵头单位：市发改委", "", "配合单位：市统计局、市财政局", "", "", "完成时限：12月底", "", "责任领导：王副市长", "",
		}, 4},
		{"a value beside its label stays", []string{"牵头单位：市发改委", "市财政局"}, nil, 0},
		{"a label before a number, a label or text", []string{
			"牵头单位：", "2.推进乙项工作。", "配合单位：", "完成时限：", "12月底", "责任单位：", "加强组织领导，确保各项任务落到实处。",
		}, []string{
			"牵头单位：", "2.推进乙项工作。", "配合单位：", "完成时限：12月底", "", "责任单位：", "加强组织领导，确保各项任务落到实处。",
		}, 1},
		{"a group's name is a value", []string{"责任单位：", "各县（市、区）人民政府"}, []string{"责任单位：各县（市、区）人民政府", ""}, 1},
		{"spaces at the ends are cut from both spellings", []string{"牵头单位： ", "　市发改委 "}, []string{"牵头单位：市发改委", ""}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := slices.Clone(tc.lines)
			fold := slices.Clone(tc.lines)
			n := joinValues(raw, fold, v, newNameReader(nil))
			want := tc.want
			if want == nil {
				want = tc.lines
			}
			if n != tc.joined || !slices.Equal(fold, want) || !slices.Equal(raw, want) {
				t.Errorf("joined %d, want %d\n got %q\nwant %q", n, tc.joined, fold, want)
			}
		})
	}
}
