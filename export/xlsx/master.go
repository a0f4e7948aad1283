package xlsx

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"fengong/export"
	"fengong/extract"
)

// matrixCols is how many item columns the 责任矩阵 can hold: Excel's
// column limit less the dept and total columns.
const matrixCols = excelize.MaxColumns - 2

// Master renders the office's 汇总表 workbook: every task (总表), the
// dept × item responsibility matrix (责任矩阵), per-dept counts in workload
// order (单位汇总), every quantitative target, the named lists one member
// per row, and the warnings. Sheets are streamed, so a large model is
// written with bounded memory.
func Master(doc *extract.Document, opt export.Options) ([]byte, error) {
	r, err := NewRenderer(doc, opt)
	if err != nil {
		return nil, err
	}
	return r.Master()
}

// Master renders the master workbook; see the package function Master.
func (r *Renderer) Master() ([]byte, error) {
	doc, opt, w := r.doc, r.opt, r.w
	title := docTitle(doc, opt)
	b, err := newBook(w, opt, title, w.Master.Sheets.Tasks, r.zips)
	if err != nil {
		return nil, err
	}
	defer b.f.Close()
	b.parts = r.parts
	sh := w.Master.Sheets
	sheets := []*sheet{b.allTasks(doc)}
	depts := b.deptSummary(doc)
	if snap := opt.Progress; snap != nil { // 督办: right after the 总表
		ledger, err := b.ledgerSheet(doc, snap, r.rules)
		if err != nil {
			return nil, err
		}
		returns, err := b.returnsSheet(snap, r.rules)
		if err != nil {
			return nil, err
		}
		sheets = append(sheets, ledger, returns)
		b.deptCounts(depts, doc.ByWorkload(), snap)
	}
	sheets = append(sheets, b.matrix(doc), depts, b.targetSheet(sh.Targets, doc.Targets, doc), b.lists(doc), b.warnings(doc))
	for _, s := range sheets {
		if err := b.write(s); err != nil {
			return nil, err
		}
	}
	return b.bytes()
}

// allTasks is the 总表: one row per task, in document order.
func (b *book) allTasks(doc *extract.Document) *sheet {
	h, st, w := b.w.Master.Tasks, b.style, b.w
	type ref struct{ item, task int }
	refs := make([]ref, 0, doc.TaskCount())
	for i := range doc.Items {
		for j := range doc.Items[i].Tasks {
			refs = append(refs, ref{i, j})
		}
	}
	cols := []column{
		{head: h.Seq, min: 6, style: st.center},
		{head: h.Item, min: 6, style: st.center},
		{head: h.Section, min: 10, max: 16, style: st.text},
		{head: h.Text, min: 30, max: 48, style: st.text},
		{head: h.Lead, min: 10, max: 16, style: st.text},
		{head: h.Co, min: 10, max: 24, style: st.text},
		{head: h.Respective, min: 10, max: 16, style: st.text},
		{head: h.All, min: 8, max: 12, style: st.center},
		{head: h.Deadline, min: 8, max: 12, style: st.center},
		{head: h.Source, min: 8, style: st.center},
		{head: h.ID, min: 8, style: st.text, hidden: true},
	}
	return &sheet{
		name: w.Master.Sheets.Tasks, cols: cols, rows: len(refs), filter: true,
		row: func(i int, r []any) {
			it := &doc.Items[refs[i].item]
			t := &it.Tasks[refs[i].task]
			all := ""
			if t.All {
				all = h.AllMark
			}
			r[0], r[1], r[2], r[3] = i+1, it.Number, doc.SectionTitle(it.Section), w.taskText(t)
			r[4], r[5], r[6], r[7] = w.join(t.Lead), w.join(t.Co, t.Groups), w.join(t.Respective), all
			r[8], r[9], r[10] = t.Deadline, w.line(t.Line), t.ID
		},
	}
}

// matrix is the 责任矩阵: a row per dept (doc.Depts order), a column per
// item, marked with the dept's strongest role on the item's tasks (the
// role the model counts a task under), and the dept's task total.
func (b *book) matrix(doc *extract.Document) *sheet {
	m, st := b.w.Master.Matrix, b.style
	items := doc.Items
	note := ""
	if len(items) > matrixCols {
		items = items[:matrixCols]
		note = fill(m.Truncated, "{n}", strconv.Itoa(matrixCols))
	}
	nd, ni := len(doc.Depts), len(items)
	index := make(map[string]int, nd)
	for i, d := range doc.Depts {
		index[d.Name] = i
	}
	// rank: 0 none, then all < co < respective < lead
	grid := make([]uint8, nd*ni)
	mark := func(d, i int, r uint8) {
		if p := &grid[d*ni+i]; *p < r {
			*p = r
		}
	}
	for i := range items {
		for _, t := range items[i].Tasks {
			if t.All {
				for d := 0; d < nd; d++ {
					mark(d, i, 1)
				}
			}
			for r, list := range [][]string{t.Co, t.Respective, t.Lead} {
				for _, name := range list {
					if d, ok := index[name]; ok {
						mark(d, i, uint8(r+2))
					}
				}
			}
		}
	}
	marks := [5]any{nil,
		excelize.Cell{StyleID: st.center, Value: m.Marks.All},
		excelize.Cell{StyleID: st.center, Value: m.Marks.Co},
		excelize.Cell{StyleID: st.center, Value: m.Marks.Respective},
		excelize.Cell{StyleID: st.lead, Value: m.Marks.Lead},
	}
	cols := make([]column, 0, ni+2)
	cols = append(cols, column{head: m.Dept, min: 12, max: 28, style: st.text})
	for i := range items {
		// as narrow as a mark and a two-digit number allow, so that the
		// whole matrix prints one page wide
		cols = append(cols, column{head: strconv.Itoa(items[i].Number), min: 3.5, style: st.center})
	}
	cols = append(cols, column{head: m.Total, min: 10, style: st.center})
	return &sheet{
		name: b.w.Master.Sheets.Matrix, cols: cols, rows: nd, freezeX: 1, note: note,
		// one page wide, landscape, with the item numbers (and the dept
		// names, should a reader print it at full size) on every page
		titleCol: true,
		row: func(d int, r []any) {
			r[0] = doc.Depts[d].Name
			for i, g := range grid[d*ni : (d+1)*ni] {
				r[i+1] = marks[g]
			}
			r[ni+1] = doc.Depts[d].Total()
		},
	}
}

// deptSummary is the 单位汇总, in doc.ByWorkload order.
func (b *book) deptSummary(doc *extract.Document) *sheet {
	h, st := b.w.Master.Depts, b.style
	depts := doc.ByWorkload()
	cols := []column{
		{head: h.Seq, min: 6, style: st.center},
		{head: h.Dept, min: 12, max: 28, style: st.text},
		{head: h.Kind, min: 10, max: 14, style: st.center},
		{head: h.Lead, min: 8, style: st.center},
		{head: h.Co, min: 8, style: st.center},
		{head: h.Respective, min: 10, style: st.center},
		{head: h.All, min: 8, style: st.center},
		{head: h.Total, min: 8, style: st.center},
	}
	return &sheet{
		name: b.w.Master.Sheets.Depts, cols: cols, rows: len(depts), filter: true,
		row: func(i int, r []any) {
			d := &depts[i]
			r[0], r[1], r[2], r[3] = i+1, d.Name, d.Kind, d.Lead
			r[4], r[5], r[6], r[7] = d.Co, d.Respective, d.All, d.Total()
		},
	}
}

// lists is the 重点清单: one row per member; the list's own cells are
// merged down its member rows.
func (b *book) lists(doc *extract.Document) *sheet {
	h, st, w := b.w.Master.Lists, b.style, b.w
	type ref struct{ list, member int } // member -1: a list without members
	var refs []ref
	s := &sheet{name: w.Master.Sheets.Lists, filter: true}
	for i, l := range doc.Lists {
		first := len(refs) + 2
		if len(l.Members) == 0 {
			refs = append(refs, ref{i, -1})
			continue
		}
		for j := range l.Members {
			refs = append(refs, ref{i, j})
		}
		if n := len(l.Members); n > 1 {
			for _, c := range []int{1, 2, 3, 4, 5, 6, 9} {
				s.merges = append(s.merges, [2]string{cell(c, first), cell(c, first+n-1)})
			}
		}
	}
	s.cols = []column{
		{head: h.Seq, min: 6, style: st.center},
		{head: h.Item, min: 6, style: st.center},
		{head: h.Name, min: 12, max: 24, style: st.text},
		{head: h.Declared, min: 8, style: st.center},
		{head: h.Actual, min: 8, style: st.center},
		{head: h.Check, min: 8, max: 10, style: st.center},
		{head: h.MemberSeq, min: 6, style: st.center},
		{head: h.Member, min: 16, max: 40, style: st.text},
		{head: h.Source, min: 8, style: st.center},
	}
	s.rows = len(refs)
	s.row = func(i int, r []any) {
		rf := refs[i]
		l := &doc.Lists[rf.list]
		if rf.member <= 0 {
			check := h.Match
			switch {
			case l.Declared == 0:
				check = ""
			case l.Declared != len(l.Members):
				check = h.Mismatch
			}
			r[0], r[1], r[2], r[3], r[4], r[5] = rf.list+1, l.Item, l.Name, l.Declared, len(l.Members), check
			r[8] = w.line(l.Line)
		}
		if rf.member >= 0 {
			r[6], r[7] = rf.member+1, l.Members[rf.member]
		}
	}
	return s
}

// warnings is the 提醒 sheet.
func (b *book) warnings(doc *extract.Document) *sheet {
	h, st, w := b.w.Master.Warnings, b.style, b.w
	cols := []column{
		{head: h.Seq, min: 6, style: st.center},
		{head: h.Source, min: 8, max: 10, style: st.center},
		{head: h.Item, min: 6, style: st.center},
		{head: h.Message, min: 40, max: 80, style: st.text},
	}
	return &sheet{
		name: w.Master.Sheets.Warnings, cols: cols, rows: len(doc.Warnings), filter: true,
		row: func(i int, r []any) {
			x := &doc.Warnings[i]
			var item any
			if x.Item > 0 {
				item = x.Item
			}
			r[0], r[1], r[2], r[3] = i+1, w.line(x.Line), item, x.Message
		},
	}
}
