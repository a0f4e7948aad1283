package xlsx

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"fengong/export"
	"fengong/extract"
)

// ErrUnknownDept is returned by Dept for a name that is not one of the
// document's depts.
var ErrUnknownDept = errors.New("dept not in document")

// The columns of a dept's task sheets, 1-based. The order is fixed:
// ReadReturns finds the input columns and the hidden task ID by position.
const (
	colSeq = iota + 1
	colItem
	colSection
	colText
	colRole
	colLead
	colCo
	colTargets
	colDeadline
	colProgress
	colProblems
	colNextSteps
	colStatus
	colNote
	colSource
	colID
	taskCols = colID
)

// Dept renders the 任务分解表 workbook of one dept: its lead, co and
// all-dept tasks on separate sheets (each only when it has tasks), the
// quantitative targets of its items, and a 说明 sheet. The input columns
// (进展情况 … 备注) are unlocked, everything else is locked without a
// password; a hidden column carries each task's ID for ReadReturns. A dept
// with no tasks gets a workbook with the 说明 sheet alone; a name that is
// not among doc.Depts is ErrUnknownDept.
func Dept(doc *extract.Document, dept string, opt export.Options) ([]byte, error) {
	r, err := NewRenderer(doc, opt)
	if err != nil {
		return nil, err
	}
	return r.Dept(dept)
}

// Renderer renders the workbooks of one batch, with the wording read once.
// It is safe for concurrent use.
type Renderer struct {
	doc *extract.Document
	opt export.Options
	w   *wording
}

// NewRenderer reads the wording for a batch of workbooks of doc.
func NewRenderer(doc *extract.Document, opt export.Options) (*Renderer, error) {
	if doc == nil {
		return nil, errNilDocument
	}
	w, err := loadWording(opt)
	if err != nil {
		return nil, err
	}
	return &Renderer{doc: doc, opt: opt, w: w}, nil
}

// Dept renders one dept's workbook; see the package function Dept.
func (r *Renderer) Dept(dept string) ([]byte, error) {
	doc, opt, w := r.doc, r.opt, r.w
	if doc.Dept(dept) == nil {
		return nil, fmt.Errorf("dept %q: %w", truncate(dept, maxHFValue), ErrUnknownDept)
	}
	title := docTitle(doc, opt)
	b, err := newBook(w, opt, title, dept, deptStoreLimit)
	if err != nil {
		return nil, err
	}
	defer b.f.Close()
	b.party = dept

	var lead, co, all []extract.Assignment
	for _, a := range doc.TasksOf(dept) {
		switch a.Role {
		case extract.RoleLead:
			lead = append(lead, a)
		case extract.RoleCo, extract.RoleRespective:
			co = append(co, a)
		default:
			all = append(all, a)
		}
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
	targets := doc.TargetsOf(dept)
	if len(targets) > 0 {
		if err := b.write(b.targetSheet(sh.Targets, targets)); err != nil {
			return nil, err
		}
	}
	about := b.aboutSheet(title, dept, len(lead), len(co), len(all), len(targets))
	if err := b.write(about); err != nil {
		return nil, err
	}
	return b.bytes()
}

func docTitle(doc *extract.Document, opt export.Options) string {
	if opt.Title != "" {
		return opt.Title
	}
	return doc.Title
}

// taskSheet lays out one of a dept's task sheets.
func (b *book) taskSheet(doc *extract.Document, name string, list []extract.Assignment) (*sheet, error) {
	w, h := b.w, b.w.Dept.Columns
	st := b.style
	cols := make([]column, taskCols)
	set := func(i int, head string, min, max float64, style int) {
		cols[i-1] = column{head: head, min: min, max: max, style: style}
	}
	set(colSeq, h.Seq, 6, 0, st.center)
	set(colItem, h.Item, 7, 0, st.center)
	set(colSection, h.Section, 10, 16, st.text)
	set(colText, h.Text, 30, 48, st.text)
	set(colRole, h.Role, 10, 0, st.center)
	set(colLead, h.Lead, 10, 16, st.text)
	set(colCo, h.Co, 10, 24, st.text)
	set(colTargets, h.Targets, 10, 20, st.text)
	set(colDeadline, h.Deadline, 8, 12, st.center)
	set(colProgress, h.Progress, 24, 0, st.input)
	set(colProblems, h.Problems, 18, 0, st.input)
	set(colNextSteps, h.NextSteps, 18, 0, st.input)
	set(colStatus, h.Status, 9, 0, st.inputCenter)
	set(colNote, h.Note, 12, 0, st.input)
	set(colSource, h.Source, 8, 0, st.center)
	set(colID, h.ID, 10, 0, st.text)
	cols[colID-1].hidden = true

	check, err := b.statusCheck(colStatus, len(list))
	if err != nil {
		return nil, err
	}
	rows := make([][]any, len(list))
	for i, a := range list {
		t := a.Task
		r := make([]any, taskCols)
		r[colSeq-1] = i + 1
		r[colItem-1] = a.Item.Number
		r[colSection-1] = doc.SectionTitle(a.Item.Section)
		r[colText-1] = w.taskText(t)
		r[colRole-1] = w.Role.name(a.Role)
		r[colLead-1] = w.join(t.Lead)
		r[colCo-1] = w.join(t.Co, t.Respective, t.Groups)
		r[colTargets-1] = targetTexts(doc.TargetsOfTask(t.ID))
		r[colDeadline-1] = t.Deadline
		r[colSource-1] = w.line(t.Line)
		r[colID-1] = t.ID
		rows[i] = r
	}
	return &sheet{
		name: name, cols: cols, rows: len(rows), row: fromRows(rows),
		filter: true, protect: true,
		checks: []*excelize.DataValidation{check},
	}, nil
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
// master share it.
func (b *book) targetSheet(name string, targets []extract.Target) *sheet {
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
		{head: h.Source, min: 8, style: st.center},
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
			r[4], r[5], r[6], r[7], r[8] = value, t.Unit, b.w.opName(t.Op), t.Text, b.w.line(t.Line)
		},
	}
}

// aboutSheet is the 说明 sheet of a dept workbook.
func (b *book) aboutSheet(title, dept string, lead, co, all, targets int) *sheet {
	a, st := b.w.Dept.About, b.style
	count := func(n int) string { return fill(a.Count, "{n}", strconv.Itoa(n)) }
	rows := [][]any{
		{a.Title, title},
		{a.Dept, dept},
		{a.Date, b.opt.DateText()},
		{a.Lead, count(lead)},
		{a.Co, count(co)},
		{a.All, count(all)},
		{a.Total, count(lead + co + all)},
		{a.Targets, count(targets)},
	}
	s := &sheet{
		name: b.w.Dept.Sheets.About, protect: true,
		cols: []column{
			{head: a.Columns[0], min: 26, style: st.center},
			{head: a.Columns[1], min: 90, style: st.text},
		},
	}
	if n := len(a.Instructions); n > 0 {
		first := len(rows) + 2
		for i, line := range a.Instructions {
			label := ""
			if i == 0 {
				label = a.HowTo
			}
			rows = append(rows, []any{label, fill(line, "{title}", title, "{dept}", dept, "{date}", b.opt.DateText())})
		}
		if n > 1 {
			s.merges = [][2]string{{cell(1, first), cell(1, first+n-1)}}
		}
	}
	s.rows, s.row = len(rows), fromRows(rows)
	return s
}
