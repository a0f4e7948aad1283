package xlsx

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"fengong/export"
	"fengong/extract"
	"fengong/progress"
)

// ErrUnknownDept is returned by Dept for a name that is not one of the
// document's depts.
var ErrUnknownDept = errors.New("dept not in document")

// The columns of a dept's task sheets, 1-based, in the order they are
// written. ReadReturns finds them by their headings, not by position.
// The columns up to colNote are what a dept reads and fills, and what is
// printed; the reference columns after them stay on screen only.
const (
	colNo        = iota + 1 // 编号: the task ID, 12.1
	colText                 // 任务内容
	colRole                 // 本单位角色
	colOwner                // 责任人 (input)
	colContact              // 联系人 (input)
	colDeadline             // 完成时限: the document's, else an input
	colProgress             // 进展情况 (input)
	colProblems             // 存在问题 (input)
	colNextSteps            // 下步措施 (input)
	colStatus               // 完成状态 (input, a dropdown)
	colNote                 // 备注 (input)
	colSection              // 所属部分
	colItem                 // 条目编号
	colLead                 // 牵头单位
	colCo                   // 配合单位
	colTargets              // 量化目标
	colID                   // the task ID again, hidden: ReadReturns keys on it
	taskCols     = colID
	printCols    = colNote
)

// deptScale is the print scale of a dept's task sheets: the printed
// columns are sized to fit A4 landscape at it, and it keeps the body text
// at 9 pt or more (11 pt × 85%).
const deptScale = 85

// Dept renders the 任务分解表 workbook of one dept: a 说明 sheet first
// (what the workbook holds, and when, to whom and under what file name to
// return it), then its lead, co and all-dept tasks on separate sheets
// (each only when it has tasks), and the quantitative targets of its
// items. A task sheet opens with a 填报信息 block (填报单位, 联系人, 电话,
// 填报日期) and shows the task ID as 编号. The input columns (责任人,
// 联系人, 进展情况 … 备注, and 完成时限 where the document sets none) are
// unlocked, everything else is locked without a password; a hidden column
// carries each task's ID for ReadReturns. A dept with no tasks gets a
// workbook with the 说明 sheet alone; a name that is not among doc.Depts
// is ErrUnknownDept.
func Dept(doc *extract.Document, dept string, opt export.Options, opts ...Option) ([]byte, error) {
	r, err := NewRenderer(doc, opt, opts...)
	if err != nil {
		return nil, err
	}
	return r.Dept(dept)
}

// ReturnInfo says when and to whom depts return their filled workbooks;
// the 说明 sheet says it in words. Either may be empty: the wording's
// defaults stand in.
type ReturnInfo struct {
	Due string // 2022年3月15日, as the reader should see it
	To  string // 省政府办公厅督查室
}

// Option adjusts a Renderer.
type Option func(*Renderer)

// WithReturn sets when and to whom dept workbooks are returned.
func WithReturn(ri ReturnInfo) Option {
	return func(r *Renderer) { r.ret = ri }
}

// Renderer renders the workbooks of one batch, with the wording read once.
// It is safe for concurrent use.
type Renderer struct {
	doc   *extract.Document
	opt   export.Options
	w     *wording
	ret   ReturnInfo
	stems map[string]string // dept → file stem, as the batch names the files
	zips  *flatePool
	rules *progress.Rules // status.yaml, when opt.Progress is set
	fp    string          // doc.Fingerprint(), computed once for the batch
	idx   *extract.Index  // doc.Index(): each dept's tasks and targets
	parts Parts           // the workbook's previous sheets (WithParts), or nil
}

// NewRenderer reads the wording for a batch of workbooks of doc.
func NewRenderer(doc *extract.Document, opt export.Options, opts ...Option) (*Renderer, error) {
	if doc == nil {
		return nil, errNilDocument
	}
	w, err := loadWording(opt)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(doc.Depts))
	for i, d := range doc.Depts {
		names[i] = d.Name
	}
	r := &Renderer{doc: doc, opt: opt, w: w, stems: export.Stems(names), zips: newFlatePool(), fp: doc.Fingerprint(), idx: opt.IndexOf(doc)}
	if opt.Progress != nil {
		if r.rules, err = progress.LoadRules(opt.TemplateSet()); err != nil {
			return nil, err
		}
	}
	for _, o := range opts {
		o(r)
	}
	return r, nil
}

// Dept renders one dept's workbook; see the package function Dept.
func (r *Renderer) Dept(dept string) ([]byte, error) {
	doc, opt, w := r.doc, r.opt, r.w
	if r.idx.Dept(dept) == nil {
		return nil, fmt.Errorf("dept %q: %w", truncate(dept, maxHFValue), ErrUnknownDept)
	}
	title := docTitle(doc, opt)
	b, err := newBook(w, opt, title, dept, r.zips)
	if err != nil {
		return nil, err
	}
	defer b.f.Close()
	b.party = dept
	b.parts = r.parts
	b.last = lastWords(opt.Progress, dept) // nil without a ledger
	if err := b.setIdentity(Identity{Fingerprint: r.fp, Title: doc.Title, Year: yearText(doc.Year), Dept: dept, Layout: Layout}); err != nil {
		return nil, err
	}

	var lead, co, all []extract.Assignment
	for _, a := range r.idx.TasksOf(dept) {
		switch a.Role {
		case extract.RoleLead:
			lead = append(lead, a)
		case extract.RoleCo, extract.RoleRespective:
			co = append(co, a)
		default:
			all = append(all, a)
		}
	}
	targets := r.idx.TargetsOf(dept)
	about := b.aboutSheet(title, dept, r.stems[dept]+".xlsx", r.ret, len(lead), len(co), len(all), len(targets))
	if err := b.write(about); err != nil {
		return nil, err
	}
	sh := w.Dept.Sheets
	for _, part := range []struct {
		name string
		list []extract.Assignment
	}{{sh.Lead, lead}, {sh.Co, co}, {sh.All, all}} {
		if len(part.list) == 0 {
			continue
		}
		s, err := b.taskSheet(doc, part.name, part.list)
		if err != nil {
			return nil, err
		}
		if err := b.write(s); err != nil {
			return nil, err
		}
	}
	if len(targets) > 0 {
		if err := b.write(b.targetSheet(sh.Targets, targets, nil)); err != nil {
			return nil, err
		}
	}
	return b.bytes()
}

func docTitle(doc *extract.Document, opt export.Options) string {
	return opt.TitleOr(doc.Title)
}

// taskSheet lays out one of a dept's task sheets: the 填报信息 block in
// row 1, the headings in row 2, a task per row below.
func (b *book) taskSheet(doc *extract.Document, name string, list []extract.Assignment) (*sheet, error) {
	w, h := b.w, b.w.Dept.Columns
	st := b.style
	cols := make([]column, taskCols)
	set := func(i int, head string, min, max float64, style int) {
		cols[i-1] = column{head: head, min: min, max: max, style: style}
	}
	// the printed columns have fixed widths that add up to A4 landscape
	// at deptScale; the reference columns grow with their text
	set(colNo, h.No, 7, 0, st.center)
	set(colText, h.Text, 30, 0, st.text)
	set(colRole, h.Role, 6, 0, st.center)
	set(colOwner, h.Owner, 8, 0, st.input)
	set(colContact, h.Contact, 8, 0, st.input)
	set(colDeadline, h.Deadline, 8, 0, st.center)
	set(colProgress, h.Progress, 18, 0, st.input)
	set(colProblems, h.Problems, 12, 0, st.input)
	set(colNextSteps, h.NextSteps, 12, 0, st.input)
	set(colStatus, h.Status, 8, 0, st.inputCenter)
	set(colNote, h.Note, 7, 0, st.input)
	set(colSection, h.Section, 10, 16, st.text)
	set(colItem, h.Item, 7, 0, st.center)
	set(colLead, h.Lead, 10, 16, st.text)
	set(colCo, h.Co, 10, 24, st.text)
	set(colTargets, h.Targets, 10, 20, st.text)
	set(colID, h.ID, 10, 0, st.text)
	cols[colID-1].hidden = true

	const first = 3 // the first task row
	check, err := b.statusCheck(colStatus, first, len(list))
	if err != nil {
		return nil, err
	}
	noDeadline := excelize.Cell{StyleID: st.inputCenter}
	rows := make([][]any, len(list))
	for i, a := range list {
		t := a.Task
		r := make([]any, taskCols)
		r[colNo-1] = t.ID
		r[colText-1] = w.taskText(t)
		r[colRole-1] = w.Role.name(a.Role)
		r[colDeadline-1] = t.Deadline
		if strings.TrimSpace(t.Deadline) == "" {
			r[colDeadline-1] = noDeadline
		}
		r[colSection-1] = doc.SectionTitle(a.Item.Section)
		r[colItem-1] = a.Item.Number
		r[colLead-1] = w.join(t.Lead)
		r[colCo-1] = w.join(t.Co, t.Respective, t.Groups)
		r[colTargets-1] = targetTexts(doc.TargetsOfTask(t.ID))
		r[colID-1] = t.ID
		b.prefill(r, b.last[t.ID])
		rows[i] = r
	}
	return &sheet{
		name: name, cols: cols, rows: len(rows), row: fromRows(rows),
		top: [][]any{b.formBlock()}, freezeX: colText, printCols: printCols, scale: deptScale,
		filter: true, protect: true,
		checks: []*excelize.DataValidation{check},
		merges: [][2]string{{cell(colOwner, 1), cell(colDeadline, 1)}, {cell(colStatus, 1), cell(colNote, 1)}},
	}, nil
}

// formBlock is the 填报信息 row over a task sheet: 填报单位 (filled in),
// then 联系人, 电话 and 填报日期, each label followed by an input cell.
func (b *book) formBlock() []any {
	f, st := b.w.Dept.Form, b.style
	label := func(s string) excelize.Cell { return excelize.Cell{StyleID: st.head, Value: s} }
	input := excelize.Cell{StyleID: st.input}
	row := make([]any, colNote)
	row[colNo-1] = label(f.Dept)
	row[colText-1] = excelize.Cell{StyleID: st.text, Value: b.party}
	row[colRole-1] = label(f.Contact)
	row[colOwner-1] = input // merged over 责任人, 联系人 and 完成时限
	row[colContact-1] = input
	row[colDeadline-1] = input
	row[colProgress-1] = label(f.Phone)
	row[colProblems-1] = input
	row[colNextSteps-1] = label(f.Date)
	row[colStatus-1] = input // merged over 完成状态 and 备注
	row[colNote-1] = input
	return row
}

func targetTexts(ts []extract.Target) string {
	switch len(ts) {
	case 0:
		return ""
	case 1:
		return ts[0].Text
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Text
	}
	return strings.Join(parts, "\n")
}

// fromRows serves rows built beforehand.
func fromRows(rows [][]any) func(int, []any) {
	return func(i int, dst []any) { copy(dst, rows[i]) }
}

// targetSheet lists quantitative targets; the dept workbook and the
// master share it. The master (doc non-nil) adds each target's 责任单位
// (the lead and respective depts of its task) and its 出处.
func (b *book) targetSheet(name string, targets []extract.Target, doc *extract.Document) *sheet {
	h, st := b.w.Master.Targets, b.style
	cols := []column{
		{head: h.Seq, min: 6, style: st.center},
		{head: h.Item, min: 6, style: st.center},
		{head: h.Indicator, min: 12, max: 30, style: st.text},
		{head: h.Verb, min: 6, max: 10, style: st.center},
		{head: h.Value, min: 8, max: 12, style: st.number},
		{head: h.Unit, min: 6, max: 12, style: st.center},
		{head: h.Op, min: 6, max: 10, style: st.center},
		{head: h.Text, min: 20, max: 48, style: st.text},
	}
	var owners []string
	if doc != nil {
		cols = append(cols,
			column{head: h.Depts, min: 12, max: 30, style: st.text},
			column{head: h.Source, min: 8, style: st.center})
		tasks := make(map[string]*extract.Task)
		for i := range doc.Items {
			for j := range doc.Items[i].Tasks {
				t := &doc.Items[i].Tasks[j]
				tasks[t.ID] = t
			}
		}
		owners = make([]string, len(targets))
		for i, tg := range targets {
			if t := tasks[tg.Task]; t != nil {
				var all []string
				if t.All {
					all = []string{b.w.Master.Tasks.AllMark}
				}
				owners[i] = b.w.join(t.Lead, t.Respective, all)
			}
		}
	}
	return &sheet{
		name: name, cols: cols, rows: len(targets), filter: true, protect: b.party != "",
		row: func(i int, r []any) {
			t := &targets[i]
			r[0], r[1], r[2], r[3] = i+1, t.Item, t.Indicator, t.Verb
			var value any = t.Value
			if math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
				value = "" // a cell cannot hold them as numbers
			}
			r[4], r[5], r[6], r[7] = value, t.Unit, b.w.opName(t.Op), t.Text
			if owners != nil {
				r[8], r[9] = owners[i], b.w.line(t.Line)
			}
		},
	}
}

// aboutSheet is the 说明 sheet of a dept workbook, its first sheet.
func (b *book) aboutSheet(title, dept, file string, ret ReturnInfo, lead, co, all, targets int) *sheet {
	a, st := b.w.Dept.About, b.style
	count := func(n int) string { return fill(a.Count, "{n}", strconv.Itoa(n)) }
	due, to, send := strings.TrimSpace(ret.Due), strings.TrimSpace(ret.To), a.Return
	if due == "" {
		due, send = a.DueDefault, a.ReturnNoDue
	}
	if to == "" {
		to = a.ToDefault
	}
	vars := []string{"{title}", title, "{dept}", dept, "{date}", b.opt.DateText(), "{due}", due, "{to}", to, "{file}", file}
	instructions := append(slices.Clip(a.Instructions), send)
	rows := [][]any{
		{a.Title, title},
		{a.Dept, dept},
		{a.Date, b.opt.DateText()},
		{a.Due, due},
		{a.To, to},
		{a.File, file},
		{a.Lead, count(lead)},
		{a.Co, count(co)},
		{a.All, count(all)},
		{a.Total, count(lead + co + all)},
		{a.Targets, count(targets)},
	}
	s := &sheet{
		name: b.w.Dept.Sheets.About, protect: true,
		cols: []column{
			{head: a.Columns[0], min: 20, style: st.center},
			{head: a.Columns[1], min: 100, style: st.text},
		},
	}
	if n := len(instructions); n > 0 {
		first := len(rows) + 2
		for i, line := range instructions {
			label := ""
			if i == 0 {
				label = a.HowTo
			}
			rows = append(rows, []any{label, fill(line, vars...)})
		}
		if n > 1 {
			s.merges = [][2]string{{cell(1, first), cell(1, first+n-1)}}
		}
	}
	s.rows, s.row = len(rows), fromRows(rows)
	return s
}
