// # Input
//
// [Read] turns the raw bytes of a file into [Text], decoding and
// normalising in this one place so that [Parse] sees the same lines
// whatever form the document came in. It accepts three formats, told by
// content first and by the file name's extension second:
//
//   - .docx: a zip archive (it starts with "PK\x03\x04") holding
//     word/document.xml. A file named .docx that is not a zip is ErrNotZip.
//   - .xlsx: a zip archive holding xl/workbook.xml: an office's own 分工
//     table kept as a workbook. A damaged one is ErrWorkbook; a legacy .xls
//     is refused with a hint to save it as .xlsx.
//   - .csv: a name ending .csv, in UTF-8 or GB18030.
//   - HTML: content starting, after a byte order mark and white space, with
//     <!DOCTYPE html or <html (or markup with <html in its first 1 KiB), or
//     a name ending .html or .htm.
//   - plain text: anything else.
//
// Inputs over [MaxInputSize] (64 MiB) are ErrTooLarge. A legacy Word .doc
// (or any OLE2 file, such as a password-protected .docx), a PDF or an RTF
// file is refused with ErrBinary (ErrNotZip when named .docx) and a hint to
// convert it.
//
// # Encodings
//
// Plain text is UTF-16LE or UTF-16BE when it starts with that byte order
// mark; else UTF-8, with or without a byte order mark, when it is valid
// UTF-8; else GB18030 (which covers GBK and GB2312). Text.Encoding says
// which: utf-16le, utf-16be, utf-8-bom, utf-8 or gb18030. A NUL byte, or
// control characters (other than tab, line feed, vertical tab, form feed and
// carriage return) making up more than 1% of the bytes, is ErrBinary. A
// byte sequence that is not GB18030 either, a decoder's U+FFFD, and a few
// invalid bytes in an otherwise UTF-8 file (a damaged UTF-8 file, not a
// GB18030 one) are ErrEncoding, with the line and column. Nothing but
// white space is ErrEmpty.
//
// An HTML page is decoded by its byte order mark or its <meta charset>
// declaration (gb2312 and gbk pages are read as GB18030, and reported as
// gb18030), except that bytes that are valid UTF-8 are read as UTF-8 and a
// page declaring nothing, or windows-1252, is read as GB18030 when it is
// not UTF-8.
//
// # Lines
//
// What a line is, and so what the line number in an [Error], a [Warning]
// and the model means, depends on the format:
//
//   - plain text: line N is line N of the file as an editor counts it.
//     Lines end at \n, \r\n, a lone \r, U+2028 or U+2029; blank lines are
//     kept as "".
//   - .docx: line N is paragraph N of word/document.xml (table cells and
//     text boxes included), empty paragraphs kept, which is line N of the
//     file Word writes with File > Save As > Plain Text. A manual line
//     break (w:br, w:cr) inside a paragraph starts a new line, as it does
//     there. Text of tabs is a space; deleted, moved-away and hidden text,
//     field codes and the fallback copies of drawings are left out.
//     Automatic numbering is written out as Word shows it: a paragraph in a
//     list with format decimal and level text "%1." gets "3." in front, one
//     with chineseCounting and "%1、" gets "三、"; levels restart as Word
//     restarts them, lists sharing a definition continue each other, and
//     bullets add nothing. A table row is one line (below).
//   - HTML: line N is the Nth non-empty block of text. Block elements (p,
//     div, br, li, tr, h1 to h6, table, pre, …) end a line; the content of
//     script, style, noscript, template and title is left out; entities are
//     decoded; white space collapses as a browser collapses it, and a line
//     break between two Chinese characters disappears. A table row is one
//     line (below).
//   - .xlsx: each visible sheet gives a line with its name, then one line
//     per row, blank rows kept.
//   - .csv: line N is record N (a record whose quoted cell spans lines
//     takes the line where it starts).
//
// # Tables
//
// A table read from a .docx, an HTML page, a workbook or a .csv keeps its
// structure: each row is one line, its cells joined by " | " (so it reads
// like a pipe table), and Text.Cells holds the cells themselves. Merged
// cells are resolved: a cell merged down several rows (Word's vMerge,
// HTML's rowspan, a workbook's merged range) gives its text to every row
// it spans; a cell merged across columns fills the first column it spans;
// a row that is one cell across the whole table is a line of text (a
// heading inside the table). A table inside a cell is that cell's text.
//
// Every line is then normalised:
//
//   - white space of any kind (tab, no-break space, ideographic space
//     U+3000, …) becomes one ASCII space, runs collapse to one, and lines
//     are trimmed;
//   - the byte order mark, zero-width characters (U+200B to U+200D,
//     U+2060, U+FEFF) and every other format or control character are
//     dropped;
//   - full-width ASCII (U+FF01 to U+FF5E) becomes half-width: "６．５％"
//     reads "6.5%", "１．" reads "1.";
//   - the punctuation , ( ) : ; ? ! is then made full-width (， （ ） ： ； ？ ！)
//     when the character before it or the first character after it (past
//     other such punctuation) is Chinese, so (省财政厅牵头) reads （省财政厅牵头）;
//     a comma or colon between two digits stays half-width (1,000 and
//     10:30), and a bracket pair with one full-width bracket gets two.
//
// So half-width and full-width spellings of the same text give the same
// line, and normalising a normalised line changes nothing.
package extract
