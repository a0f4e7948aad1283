package extract

import (
	"sort"
)

// Document is the model of one 分工意见. Parse builds it once; every
// exporter reads it and none changes it afterwards. Every slice is in a
// total, deterministic order, so the JSON of a Document is stable.
type Document struct {
	// Title is the document's own title, such as
	// 落实〈政府工作报告〉重点工作分工的意见, taken from the preamble.
	Title    string      `json:"title"`
	Source   Source      `json:"source"`
	Sections []Section   `json:"sections"`
	Items    []Item      `json:"items"`
	Targets  []Target    `json:"targets"`
	Lists    []NamedList `json:"lists"`
	// Depts are the concrete responsible units (单位) named by at least one
	// task, in directory order, then in order of first appearance.
	Depts []Dept `json:"depts"`
	// Groups are the generic references (有关部门, …成员单位) met in
	// clauses, in order of first appearance. They are not depts.
	Groups []string `json:"groups"`
	// Leaders are the people named as responsible (分管副省长, 责任领导
	// 张三), in order of first appearance. They are never depts.
	Leaders []string `json:"leaders"`
	// Issuer is the issuing government read from the title or preamble
	// (湖南省人民政府), and Level its level (省, 市, 县, 区, …); "" when the
	// document does not say.
	Issuer string `json:"issuer"`
	Level  string `json:"level"`
	// Year is the document's year, read from its title, else its date
	// line, else a sentence of its opening that starts with it (2022年是…);
	// 0 when none says. Deadlines are read as dates of this year.
	Year int `json:"year,omitempty"`
	// Directory is the dept directory the names were merged by (hunan.yaml,
	// a --depts-file's name), "" when the grammar alone read them.
	Directory string `json:"directory"`
	// Kinds are the dept kinds in their standard order: the directory's
	// when one was used, else the grammar's (党委部门, 政府部门, …).
	Kinds    []string  `json:"kinds"`
	Warnings []Warning `json:"warnings"`
}

// Source describes the input the document was read from.
type Source struct {
	Name     string `json:"name"`     // base name of the input file
	SHA256   string `json:"sha256"`   // of the raw input bytes
	Encoding string `json:"encoding"` // utf-8, utf-8-bom, gb18030, utf-16le, utf-16be
	Format   string `json:"format"`   // text, docx, html
	Lines    int    `json:"lines"`    // lines after normalisation
}

// Section is a top-level heading such as 六、扎实推动区域协调发展.
type Section struct {
	Number    string `json:"number"`     // the numeral as written: 六
	Ordinal   int    `json:"ordinal"`    // its value: 6
	Title     string `json:"title"`      // 扎实推动区域协调发展
	FirstItem int    `json:"first_item"` // number of the first item under it (0 if none)
	Line      int    `json:"line"`
	// Parent is the Number of the section a sub-heading (（一）) sits in;
	// "" for a top-level section. A sub-heading's Number is its parent's
	// number and its own: 一（二）.
	Parent string `json:"parent,omitempty"`
	// Leader is the leader a heading names (四、卢山副省长牵头重点工作).
	Leader string `json:"leader,omitempty"`
}

// Item is one numbered key task of the document.
type Item struct {
	Number int `json:"number"`
	// Key is unique in the document: "12", or "四.3" where numbering
	// restarts by section. Task IDs, targets and lists refer to it.
	Key string `json:"key"`
	// Section is the Number of the section the item sits in; "" before the
	// first heading.
	Section        string `json:"section"`
	Line           int    `json:"line"` // source line where the item starts
	NumberInferred bool   `json:"number_inferred"`
	// Text is the item as written, clauses included, with its number, any
	// displaced trailing number and glued heading removed.
	Text  string `json:"text"`
	Tasks []Task `json:"tasks"`
}

// Task is the text that one responsibility clause closes.
type Task struct {
	// ID is stable for a given document: "<item>.<ordinal>", e.g. "11.3".
	// Returned workbooks are matched back to tasks by it.
	ID   string `json:"id"`
	Item int    `json:"item"`
	// Sub is the circled sub-item marker (①…⑳) the task belongs to, if any.
	Sub string `json:"sub,omitempty"`
	// Text is the task's text since the previous clause, without the clause.
	// It is empty when the text was cut away in the source.
	Text       string   `json:"text"`
	Lead       []string `json:"lead"`       // canonical dept names, 牵头
	Co         []string `json:"co"`         // canonical dept names, 按职责分工负责/配合
	Respective []string `json:"respective"` // canonical dept names, 分别负责
	Groups     []string `json:"groups"`     // generic references, e.g. 有关部门
	All        bool     `json:"all"`        // 各部门单位分别负责: every dept
	Leaders    []string `json:"leaders"`    // people: 分管副省长, 责任领导 张三; never depts
	Deadline   string   `json:"deadline"`   // 年内持续推进, 6月底前, … as written
	// Due is the deadline read as a date, YYYY-MM-DD: from Deadline, else
	// from a limit the text states (6月底前完成…), in the document's Year;
	// "" when there is none or no year to read it in. Ongoing is set for a
	// limit without an end (持续推进, 长期坚持, “十四五”期间).
	Due     string `json:"due,omitempty"`
	Ongoing bool   `json:"ongoing,omitempty"`
	Clause  string `json:"clause"` // the clause verbatim, e.g. （省财政厅牵头）
	Line    int    `json:"line"`   // source line of the clause

	fold string // Text folded for matching (fold.go), byte-aligned with Text; "" when the same
}

// Target is one quantitative target (量化指标).
type Target struct {
	Item      int     `json:"item"`
	ItemKey   string  `json:"item_key"`  // Item.Key
	Task      string  `json:"task"`      // Task.ID the target sits in (a heading's: the first task under it)
	Indicator string  `json:"indicator"` // 地区生产总值
	Verb      string  `json:"verb"`      // 增长; "" when the number follows the indicator
	Value     float64 `json:"value"`     // 6.5
	Unit      string  `json:"unit"`      // %, 万人, 亿斤, 个百分点, … as written
	Op        string  `json:"op"`        // one of >= <= > ~ =
	Text      string  `json:"text"`      // verbatim span: 地区生产总值增长6.5%以上
	Line      int     `json:"line"`
}

// The target operators.
const (
	OpAtLeast = ">=" // 以上, 不低于, 达到
	OpAtMost  = "<=" // 以内, 以下, 不超过, 控制在
	OpAbove   = ">"  // 突破, 超过
	OpAbout   = "~"  // 左右, 约
	OpEqual   = "="  // the plain number
)

// NamedList is a declared list such as 十大基础设施项目, with its members.
type NamedList struct {
	Item     int      `json:"item"`
	ItemKey  string   `json:"item_key"` // Item.Key
	Task     string   `json:"task"`
	Name     string   `json:"name"`     // 十大基础设施项目
	Declared int      `json:"declared"` // 10
	Members  []string `json:"members"`
	Line     int      `json:"line"`
}

// Dept is a concrete responsible unit (单位) and its task counts.
type Dept struct {
	Name    string   `json:"name"`    // canonical name
	Aliases []string `json:"aliases"` // other spellings met in this document
	Kind    string   `json:"kind"`    // 省直部门, 中央驻湘单位, 市州政府, 群团, 企业, …
	Known   bool     `json:"known"`   // listed in the dept directory
	// Task counts by role. A task counts once per dept, under its strongest
	// role (lead, then respective, then co).
	Lead       int `json:"lead"`
	Co         int `json:"co"`
	Respective int `json:"respective"`
	All        int `json:"all"` // tasks of 各部门单位分别负责
}

// Total is the number of tasks a dept carries, all-dept tasks included.
func (d Dept) Total() int { return d.Lead + d.Co + d.Respective + d.All }

// Warning is something a clerk should check in the source.
type Warning struct {
	Line int `json:"line"`
	Item int `json:"item,omitempty"`
	// Code names the kind of warning, stably: number-jump,
	// number-backwards, item-mid-sentence, clause-without-text, truncated,
	// item-without-dept, text-without-dept, row-without-dept (a table's
	// row), unknown-dept, list-size.
	Code string `json:"code"`
	// Message says it for the clerk, in the wording of
	// templates/warnings.yaml.
	Message string `json:"message"`
}

// Role is what a dept does on one task.
type Role string

// The roles, strongest first.
const (
	RoleLead       Role = "lead"       // 牵头
	RoleRespective Role = "respective" // 分别负责
	RoleCo         Role = "co"         // 按职责分工负责, 配合
	RoleAll        Role = "all"        // 各部门单位分别负责
)

// RoleOf reports dept's role on t, or "" if t does not name it. All-dept
// tasks give RoleAll to every dept.
func (t *Task) RoleOf(dept string) Role {
	switch {
	case contains(t.Lead, dept):
		return RoleLead
	case contains(t.Respective, dept):
		return RoleRespective
	case contains(t.Co, dept):
		return RoleCo
	case t.All:
		return RoleAll
	}
	return ""
}

// Depts lists every concrete dept the task names, leads first.
func (t *Task) Depts() []string {
	out := make([]string, 0, len(t.Lead)+len(t.Respective)+len(t.Co))
	for _, l := range [][]string{t.Lead, t.Respective, t.Co} {
		for _, d := range l {
			if !contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}

// Assignment is one task as seen by one dept.
type Assignment struct {
	Item *Item
	Task *Task
	Role Role
}

// TasksOf returns the tasks dept carries, in document order.
func (d *Document) TasksOf(dept string) []Assignment {
	var out []Assignment
	for i := range d.Items {
		it := &d.Items[i]
		for j := range it.Tasks {
			t := &it.Tasks[j]
			if r := t.RoleOf(dept); r != "" {
				out = append(out, Assignment{Item: it, Task: t, Role: r})
			}
		}
	}
	return out
}

// Dept returns the dept with the canonical name, or nil.
func (d *Document) Dept(name string) *Dept {
	for i := range d.Depts {
		if d.Depts[i].Name == name {
			return &d.Depts[i]
		}
	}
	return nil
}

// ItemByKey returns the item with the key, or nil.
func (d *Document) ItemByKey(key string) *Item {
	for i := range d.Items {
		if d.Items[i].Key == key {
			return &d.Items[i]
		}
	}
	return nil
}

// Task returns the task with the ID, or nil.
func (d *Document) Task(id string) *Task {
	for i := range d.Items {
		for j := range d.Items[i].Tasks {
			if d.Items[i].Tasks[j].ID == id {
				return &d.Items[i].Tasks[j]
			}
		}
	}
	return nil
}

// Item returns the first item with the number, or nil. Where numbering
// restarts by section several items share a number: use ItemByKey.
func (d *Document) Item(number int) *Item {
	for i := range d.Items {
		if d.Items[i].Number == number {
			return &d.Items[i]
		}
	}
	return nil
}

// Section returns the section with the numeral, or nil.
func (d *Document) Section(number string) *Section {
	for i := range d.Sections {
		if d.Sections[i].Number == number {
			return &d.Sections[i]
		}
	}
	return nil
}

// TopSections are the sections that are not sub-headings.
func (d *Document) TopSections() []Section {
	var out []Section
	for _, s := range d.Sections {
		if s.Parent == "" {
			out = append(out, s)
		}
	}
	return out
}

// SectionTitle is the display title of an item's section: "六、扎实推动区域协调发展",
// or "" before the first heading.
func (d *Document) SectionTitle(number string) string {
	if s := d.Section(number); s != nil {
		return s.Number + "、" + s.Title
	}
	return ""
}

// TargetsOf returns the targets that sit in items where dept carries a
// task, in document order.
func (d *Document) TargetsOf(dept string) []Target {
	items := map[string]bool{}
	for _, a := range d.TasksOf(dept) {
		items[a.Item.Key] = true
	}
	var out []Target
	for _, t := range d.Targets {
		if items[t.ItemKey] {
			out = append(out, t)
		}
	}
	return out
}

// TargetsOfTask returns the targets inside one task, in document order.
func (d *Document) TargetsOfTask(id string) []Target {
	var out []Target
	for _, t := range d.Targets {
		if t.Task == id {
			out = append(out, t)
		}
	}
	return out
}

// TaskCount is the number of tasks in the document.
func (d *Document) TaskCount() int {
	n := 0
	for _, it := range d.Items {
		n += len(it.Tasks)
	}
	return n
}

// ByWorkload returns the depts ordered by total tasks (descending), then
// lead tasks (descending), then their directory order. Exporters use it
// instead of sorting on their own.
func (d *Document) ByWorkload() []Dept {
	out := append([]Dept(nil), d.Depts...)
	sort.SliceStable(out, func(i, j int) bool { return heavier(out[i], out[j]) })
	return out
}

func heavier(a, b Dept) bool {
	if a.Total() != b.Total() {
		return a.Total() > b.Total()
	}
	return a.Lead > b.Lead
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
