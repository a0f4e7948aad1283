package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ErrNoTaskSheet is returned by ReadReturns for a workbook with no sheet
// laid out as a dept's task sheet.
var ErrNoTaskSheet = errors.New("no task sheet in workbook")

// maxReturnBytes caps what ReadReturns unzips: a returned dept workbook is
// well under a megabyte, so this only stops zip bombs.
const maxReturnBytes = 256 << 20

// headScan is how many rows ReadReturns looks through for a header row.
const headScan = 5

// Return is one task row read back from a workbook a dept filled in and
// returned.
type Return struct {
	TaskID, Status, Progress, Problems, NextSteps, Note string
	// Owner (责任人), Contact (联系人) and Deadline (完成时限: the
	// document's, or what the dept wrote where the document set none)
	Owner, Contact, Deadline string
	// Sheet and Row (1-based) locate the row in the returned workbook.
	Sheet string
	Row   int
}

// ReadReturns reads the filled-in input columns of a returned dept
// workbook, keyed by the hidden task ID column. It returns every row that
// carries a task ID, blank or not, in sheet then row order, with the
// values trimmed; rows whose ID cell was cleared are skipped. A sheet is
// read when one of its first headScan rows is a header row that reaches
// the ID column (the 填报信息 block sits above it), so the 说明 and 量化指标
// sheets are passed over; a workbook with no such sheet is ErrNoTaskSheet.
func ReadReturns(data []byte) ([]Return, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxReturnBytes})
	if err != nil {
		return nil, fmt.Errorf("read returned workbook: %w", err)
	}
	defer f.Close()
	var out []Return
	found := false
	for _, name := range f.GetSheetList() {
		list, ok, err := readSheet(f, name)
		if err != nil {
			return nil, fmt.Errorf("read returned workbook: sheet %s: %w", name, err)
		}
		found = found || ok
		out = append(out, list...)
	}
	if !found {
		return nil, ErrNoTaskSheet
	}
	return out, nil
}

func readSheet(f *excelize.File, name string) ([]Return, bool, error) {
	rows, err := f.Rows(name)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	r := 0
	for {
		if r == headScan || !rows.Next() {
			return nil, false, rows.Error()
		}
		r++
		head, err := rows.Columns()
		if err != nil {
			return nil, false, err
		}
		if at(head, colID) != "" && at(head, colStatus) != "" {
			break
		}
	}
	var out []Return
	for r++; rows.Next(); r++ {
		cols, err := rows.Columns()
		if err != nil {
			return nil, true, err
		}
		id := at(cols, colID)
		if id == "" {
			continue
		}
		out = append(out, Return{
			TaskID:    id,
			Status:    at(cols, colStatus),
			Progress:  at(cols, colProgress),
			Problems:  at(cols, colProblems),
			NextSteps: at(cols, colNextSteps),
			Note:      at(cols, colNote),
			Owner:     at(cols, colOwner),
			Contact:   at(cols, colContact),
			Deadline:  at(cols, colDeadline),
			Sheet:     name,
			Row:       r,
		})
	}
	return out, true, rows.Error()
}

// at is the trimmed value of the 1-based column col, "" past the row's end.
func at(cols []string, col int) string {
	if col > len(cols) {
		return ""
	}
	return strings.TrimSpace(cols[col-1])
}
