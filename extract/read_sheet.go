package extract

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"

	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// An office's own 分工 table as a workbook (.xlsx) or a .csv: every row of
// every sheet becomes a table row (grid.go), a sheet's name a heading line
// before its rows. Cells merged down several rows give their value to every
// row they span; cells merged across columns fill the first one. Formulas
// are never evaluated: a cell reads as the value the file stores for it.

// isXLSX reports whether a zip archive is a workbook rather than a .docx.
func isXLSX(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
		if f.Name == "word/document.xml" {
			return false
		}
	}
	return false
}

// readXLSX reads the rows of every visible sheet.
func readXLSX(name string, data []byte) ([]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxInputSize, UnzipXMLSizeLimit: MaxInputSize / 4})
	if err != nil {
		return nil, inputError(name, 0, 0, ErrWorkbook, "%v", err)
	}
	defer f.Close()
	var lines []string
	for _, sheet := range f.GetSheetList() {
		if v, err := f.GetSheetVisible(sheet); err == nil && !v {
			continue
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: false})
		if err != nil {
			return nil, inputError(name, len(lines)+1, 0, ErrWorkbook, "sheet %s: %v", sheet, err)
		}
		down := map[[2]int]string{} // cells inside a vertical merge, by (row, col)
		if merged, err := f.GetMergeCells(sheet); err == nil {
			for _, m := range merged {
				c1, r1, e1 := excelize.CellNameToCoordinates(m.GetStartAxis())
				c2, r2, e2 := excelize.CellNameToCoordinates(m.GetEndAxis())
				if e1 != nil || e2 != nil || r2-r1 > 10000 {
					continue
				}
				for r := r1 + 1; r <= r2; r++ {
					down[[2]int{r, c1}] = m.GetCellValue()
				}
				_ = c2
			}
		}
		lines = append(lines, normalizeLine(sheet))
		grid := newTableGrid()
		for ri, row := range rows {
			cells := make([]gridCell, len(row))
			for ci, v := range row {
				if v == "" {
					v = down[[2]int{ri + 1, ci + 1}]
				}
				cells[ci] = gridCell{text: normalizeLine(v), colspan: 1, rowspan: 1}
			}
			for ci := len(row); ci < grid.width; ci++ {
				if v, ok := down[[2]int{ri + 1, ci + 1}]; ok {
					for len(cells) < ci {
						cells = append(cells, gridCell{colspan: 1, rowspan: 1})
					}
					cells = append(cells, gridCell{text: normalizeLine(v), colspan: 1, rowspan: 1})
				}
			}
			lines = append(lines, sheetRow(grid, cells))
		}
	}
	return lines, nil
}

// sheetRow lays out one row of a sheet or a .csv: empty rows stay empty
// lines, a row of one filled cell is a line of text.
func sheetRow(grid *tableGrid, cells []gridCell) string {
	filled := 0
	for _, c := range cells {
		if strings.TrimSpace(c.text) != "" {
			filled++
		}
	}
	switch {
	case filled == 0:
		return ""
	case filled == 1 && strings.TrimSpace(cells[0].text) != "":
		return strings.TrimSpace(cells[0].text)
	}
	out, line := grid.row(cells)
	if out == nil {
		return line
	}
	return encodeRow(out)
}

// readCSV reads a .csv file in UTF-8 or GB18030: one table row a record.
func readCSV(name string, data []byte) (string, []string, error) {
	enc, text, err := decode(name, data, legacyGB18030(), true)
	if err != nil {
		return "", nil, err
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	grid := newTableGrid()
	var lines []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return "", nil, inputError(name, pe.Line, pe.Column, ErrEncoding, "csv: %v", pe.Err)
			}
			return "", nil, inputError(name, len(lines)+1, 0, ErrEncoding, "csv: %v", err)
		}
		cells := make([]gridCell, len(rec))
		for i, v := range rec {
			cells[i] = gridCell{text: normalizeLine(v), colspan: 1, rowspan: 1}
		}
		line, _ := r.FieldPos(0)
		for len(lines) < line-1 {
			lines = append(lines, "")
		}
		lines = append(lines, sheetRow(grid, cells))
	}
	return enc, lines, nil
}

// errLegacyXLS refuses a legacy .xls workbook.
func errLegacyXLS(name string) error {
	return inputError(name, 0, 0, ErrBinary, "a legacy Excel .xls workbook; save it as .xlsx (文件→另存为→Excel 工作簿)")
}
