// Package ledgertest makes returned workbooks for the ledger's tests and
// benchmarks: a dept workbook of a document filled in as a unit would
// fill it, 进展情况 and 完成状态 typed on every task row.
//
// The words typed stand in for what units write; they are test data, not
// wording of fengong.
package ledgertest

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"fengong/export"
	"fengong/export/xlsx"
	"fengong/extract"
)

// The headings of the columns Fill types into, as the default templates
// word them.
const (
	ProgressHead = "进展情况"
	StatusHead   = "完成状态"
)

// states are what Fill types as 完成状态, in turn.
var states = []string{"正常推进", "已完成", "滞后", "完成60%", "完成30%"}

// Returned is dept's workbook of doc, written on date, filled in by Fill
// with variant v.
func Returned(doc *extract.Document, dept string, date time.Time, v int) ([]byte, error) {
	data, err := xlsx.Dept(doc, dept, export.Options{Date: date})
	if err != nil {
		return nil, err
	}
	return Fill(data, v)
}

// Fill types into every task row of every sheet of a dept workbook (the
// rows below the header row holding ProgressHead and StatusHead whose
// first cell is not empty): a 进展情况 sentence naming the sheet, row and
// variant v, and a 完成状态 taken in turn from a fixed list, shifted by v,
// so that two variants give two different returns.
func Fill(data []byte, v int) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	filled := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, err
		}
		head, pc, sc := -1, -1, -1
		for r := 0; r < len(rows) && head < 0; r++ {
			pc, sc = -1, -1
			for c, s := range rows[r] {
				switch s {
				case ProgressHead:
					pc = c
				case StatusHead:
					sc = c
				}
			}
			if pc >= 0 && sc >= 0 {
				head = r
			}
		}
		if head < 0 {
			continue
		}
		for r := head + 1; r < len(rows); r++ {
			if len(rows[r]) == 0 || rows[r][0] == "" {
				continue
			}
			pref, _ := excelize.CoordinatesToCellName(pc+1, r+1)
			sref, _ := excelize.CoordinatesToCellName(sc+1, r+1)
			text := fmt.Sprintf("已召开专题会议研究部署，第%d行工作按计划推进（第%d稿）。", r+1, v)
			if err := f.SetCellValue(sheet, pref, text); err != nil {
				return nil, err
			}
			if err := f.SetCellValue(sheet, sref, states[(r+v)%len(states)]); err != nil {
				return nil, err
			}
			filled++
		}
	}
	if filled == 0 {
		return nil, errors.New("ledgertest: no task row to fill")
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
