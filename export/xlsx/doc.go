// Package xlsx renders the Excel workbooks of a 分工意见: one 任务分解表 per
// dept (Dept), which the dept fills in and returns, the office's 汇总表
// (Master), and the reader of returned workbooks (ReadReturns).
//
// It reads an *extract.Document and returns bytes; the wording comes from
// templates/xlsx.yaml. Output is deterministic: the document properties
// carry export.Options.Date, the sheet protection has no password (a
// password hash would need a random salt), and the zip parts are written
// in name order (excelize itself writes streamed sheets in map order).
// Every part is deflated (flate.BestSpeed), through compressors a
// Renderer lends to its workbooks, so a batch allocates a few, not one per
// dept: a dept workbook is about a quarter of its stored size.
// Cell text is always stored as a string, never a formula, with the
// characters XML 1.0 forbids removed.
//
// Every sheet is written through excelize's StreamWriter, so memory stays
// bounded for large documents; excelize spills a streamed sheet larger
// than 16 MB to a temporary file, removed before the function returns.
//
// excelize cannot auto-fit, so column widths and row heights are computed
// from the text: a CJK character counts two width units, others one, and a
// row is as tall as its most wrapped cell. Every sheet prints on A4
// landscape with the header row repeated and the page number in the
// footer: fitted to the page width, except a dept's task sheets, whose
// printed columns (编号 … 备注, the print area) are sized to fit at a fixed
// 85%, so that 11 pt text prints at 9 pt or more.
package xlsx
