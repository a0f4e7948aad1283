package batch

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"fengong/export"
	"fengong/extract"
	"fengong/templates"
)

// changeBase is a small document the change-report cases edit.
func changeBase() *extract.Document {
	doc := &extract.Document{
		Title:    "关于测试重点工作分工的意见",
		Source:   extract.Source{Name: "a.txt", SHA256: "aaaaaaaaaaaaaaaa"},
		Sections: []extract.Section{{Number: "一", Ordinal: 1, Title: "稳定经济运行"}, {Number: "二", Ordinal: 2, Title: "扩大内需"}},
		Items: []extract.Item{
			{Number: 1, Key: "1", Section: "一", Tasks: []extract.Task{
				{ID: "1.1", Item: 1, Text: "加快建设现代化产业体系，推动制造业高质量发展。", Lead: []string{"省工业和信息化厅"}, Co: []string{"省发展改革委"}},
				{ID: "1.2", Item: 1, Text: "城镇新增就业70万人以上。", Lead: []string{"省人力资源社会保障厅"}},
			}},
			{Number: 2, Key: "2", Section: "二", Tasks: []extract.Task{
				{ID: "2.1", Item: 2, Text: "加强县域商业体系建设，完善农村物流配送网络，推进快递进村。", Lead: []string{"省商务厅"}, Co: []string{"省邮政管理局"}},
				{ID: "2.2", Item: 2, Text: "加大消费者权益保护力度。", Lead: []string{"省市场监督管理局"}},
			}},
			{Number: 3, Key: "3", Section: "二", Tasks: []extract.Task{
				{ID: "3.1", Item: 3, Text: "深化农村改革，巩固拓展脱贫攻坚成果同乡村振兴有效衔接。", Lead: []string{"省农业农村厅"}, Co: []string{"省乡村振兴局"}},
			}},
		},
		Targets: []extract.Target{
			{Item: 1, ItemKey: "1", Task: "1.2", Indicator: "城镇新增就业", Value: 70, Unit: "万人", Op: extract.OpAtLeast, Text: "城镇新增就业70万人以上"},
		},
	}
	for _, n := range []string{"省工业和信息化厅", "省发展改革委", "省人力资源社会保障厅", "省商务厅", "省邮政管理局", "省市场监督管理局", "省农业农村厅", "省乡村振兴局"} {
		doc.Depts = append(doc.Depts, extract.Dept{Name: n})
	}
	return doc
}

// renumber gives the tasks of every item IDs in order.
func renumber(doc *extract.Document) {
	for i := range doc.Items {
		it := &doc.Items[i]
		for j := range it.Tasks {
			it.Tasks[j].Item = it.Number
			it.Tasks[j].ID = it.Key + "." + string(rune('1'+j))
		}
	}
}

func TestDiffModels(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*extract.Document)
		check func(*testing.T, changeData)
		md    []string // lines 变更.md must hold
		html  []string // and 变更.html
	}{
		{
			name: "one word changed",
			edit: func(d *extract.Document) { d.Items[1].Tasks[1].Text = "加大消费者权益维护力度。" },
			check: func(t *testing.T, c changeData) {
				if len(c.TasksEdited) != 1 || c.TasksEdited[0].ID != "2.2" || len(c.TasksAdded)+len(c.TasksRemoved) != 0 {
					t.Errorf("got edited %+v, added %+v, removed %+v; want 2.2 edited only", c.TasksEdited, c.TasksAdded, c.TasksRemoved)
				}
				want := []diffSpan{{' ', "加大消费者权益"}, {'-', "保"}, {'+', "维"}, {' ', "护力度。"}}
				if len(c.TasksEdited) == 1 && !reflect.DeepEqual(c.TasksEdited[0].Diff, want) {
					t.Errorf("got diff %q, want %q", c.TasksEdited[0].Diff, want)
				}
			},
			md:   []string{"- 修改 2.2：加大消费者权益~~保~~**维**护力度。（省市场监督管理局牵头）", "请重新下发：省市场监督管理局\n"},
			html: []string{"加大消费者权益<del>保</del><ins>维</ins>护力度。", "<li>省市场监督管理局</li>"},
		},
		{
			name: "number changed",
			edit: func(d *extract.Document) {
				d.Items[0].Tasks[1].Text = "城镇新增就业72万人以上。"
				d.Targets[0].Value, d.Targets[0].Text = 72, "城镇新增就业72万人以上"
			},
			check: func(t *testing.T, c changeData) {
				if len(c.TasksEdited) != 1 || len(c.TargetsChanged) != 1 {
					t.Errorf("got edited %+v, targets changed %+v; want one of each", c.TasksEdited, c.TargetsChanged)
				}
			},
			md:   []string{"- 修改 1.2：城镇新增就业~~70~~**72**万人以上。", "- 调整 城镇新增就业：城镇新增就业70万人以上 → 城镇新增就业72万人以上", "请重新下发：省工业和信息化厅、省发展改革委、省人力资源社会保障厅\n"},
			html: []string{"城镇新增就业<del>70</del><ins>72</ins>万人以上。"},
		},
		{
			name: "task moved",
			edit: func(d *extract.Document) {
				moved := d.Items[1].Tasks[1]
				d.Items[1].Tasks = d.Items[1].Tasks[:1]
				d.Items[2].Tasks = append(d.Items[2].Tasks, moved)
				renumber(d)
			},
			check: func(t *testing.T, c changeData) {
				want := []taskRenumber{{"2.2", "3.2", "加大消费者权益保护力度。"}}
				if !reflect.DeepEqual(c.TasksRenumbered, want) || len(c.TasksEdited)+len(c.TasksAdded)+len(c.TasksRemoved) != 0 {
					t.Errorf("got renumbered %+v edited %+v added %+v removed %+v; want %+v only", c.TasksRenumbered, c.TasksEdited, c.TasksAdded, c.TasksRemoved, want)
				}
			},
			md:   []string{"- 编号调整 原2.2 → 现3.2：加大消费者权益保护力度。", "请重新下发：省市场监督管理局\n"},
			html: []string{`<span class="kind k-move">编号调整</span>原2.2 → 现<span class="id">3.2</span>`},
		},
		{
			name: "task split in two",
			edit: func(d *extract.Document) {
				d.Items[1].Tasks = []extract.Task{
					{Text: "加强县域商业体系建设。", Lead: []string{"省商务厅"}},
					{Text: "完善农村物流配送网络，推进快递进村。", Lead: []string{"省商务厅"}, Co: []string{"省邮政管理局"}},
					d.Items[1].Tasks[1],
				}
				renumber(d)
			},
			check: func(t *testing.T, c changeData) {
				if len(c.TasksSplit) != 1 || c.TasksSplit[0].OldID != "2.1" || len(c.TasksSplit[0].Parts) != 2 ||
					len(c.TasksAdded)+len(c.TasksRemoved)+len(c.TasksEdited) != 0 {
					t.Errorf("got split %+v added %+v removed %+v edited %+v; want 2.1 split in two only", c.TasksSplit, c.TasksAdded, c.TasksRemoved, c.TasksEdited)
				}
			},
			md: []string{"- 拆分 原2.1：加强县域商业体系建设，完善农村物流配送网络，推进快递进村。", "  - 现 2.1：加强县域商业体系建设。（省商务厅牵头）",
				"  - 现 2.2：完善农村物流配送网络，推进快递进村。（省商务厅牵头，省邮政管理局按职责分工负责）", "- 编号调整 原2.2 → 现2.3",
				"请重新下发：省商务厅、省邮政管理局、省市场监督管理局\n"},
			html: []string{`<span class="kind k-move">拆分</span>原<span class="id">2.1</span>`},
		},
		{
			name: "dept renamed",
			edit: func(d *extract.Document) {
				d.Items[2].Tasks[0].Co = []string{"省乡村振兴促进局"}
				d.Depts[7].Name = "省乡村振兴促进局"
			},
			check: func(t *testing.T, c changeData) {
				if want := []deptRename{{"省乡村振兴局", "省乡村振兴促进局"}}; !reflect.DeepEqual(c.DeptsRenamed, want) || len(c.DeptsAdded)+len(c.DeptsDropped) != 0 {
					t.Errorf("got renamed %+v added %q dropped %q; want %+v only", c.DeptsRenamed, c.DeptsAdded, c.DeptsDropped, want)
				}
			},
			md:   []string{"- 更名：省乡村振兴局 → 省乡村振兴促进局", "请重新下发：省农业农村厅、省乡村振兴促进局\n"},
			html: []string{`<span class="kind k-move">更名</span>省乡村振兴局 → 省乡村振兴促进局`},
		},
		{
			name: "nothing changed",
			edit: func(*extract.Document) {},
			check: func(t *testing.T, c changeData) {
				if !c.None || len(c.Resend) != 0 {
					t.Errorf("got %+v, want no change", c)
				}
			},
			md:   []string{"均无变化"},
			html: []string{"均无变化"},
		},
	}
	opt := export.Options{Date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)}
	msgs, err := templates.LoadMessages(templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, cur := changeBase(), changeBase()
			cur.Source = extract.Source{Name: "b.txt", SHA256: "bbbbbbbbbbbbbbbb"}
			tt.edit(cur)
			tt.check(t, diffModels(prev, cur.Index(), newSummarizer(msgs)))
			md, page, err := renderChangeReports(prev, cur, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.md {
				if !strings.Contains(string(md), want) {
					t.Errorf("变更.md lacks %q:\n%s", want, md)
				}
			}
			for _, want := range tt.html {
				if !strings.Contains(string(page), want) {
					t.Errorf("变更.html lacks %q:\n%s", want, page)
				}
			}
			md2, page2, _ := renderChangeReports(prev, cur, opt)
			if !bytes.Equal(md, md2) || !bytes.Equal(page, page2) {
				t.Error("a second rendering differs")
			}
		})
	}
}

func TestDiffWords(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"城镇新增就业70万人", "城镇新增就业72万人", "城镇新增就业~~70~~**72**万人"},
		{"增长6.5%", "增长7%", "增长~~6.5~~**7**%"},
		{"abc", "abc", "abc"},
		{"", "新", "**新**"},
		{"旧", "", "~~旧~~"},
		{"建设5G基站", "建设5G和6G基站", "建设5G**和6G**基站"},
	} {
		if got := markdownDiff(diffWords(tt.a, tt.b)); got != tt.want {
			t.Errorf("diffWords(%q, %q): got %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}
