package extract

// Text is decoded, normalised input: what Parse reads. Read builds it from
// raw bytes; tests may build it by hand.
type Text struct {
	Name     string   // base name of the input, used in errors
	SHA256   string   // hex sha256 of the raw input bytes
	Encoding string   // utf-8, utf-8-bom, utf-16le, utf-16be, gb18030
	Format   string   // text, docx, html
	Lines    []string // normalised lines; Lines[0] is line 1
	// Cells holds the cells of the lines that are table rows read from a
	// .docx, HTML, .xlsx or .csv table (nil for other lines, and nil
	// altogether when the input has no table). Such a line is its cells
	// joined by " | ".
	Cells [][]string
}

// Source describes where t came from, as the model's Source does.
func (t *Text) Source() Source {
	return Source{Name: t.Name, SHA256: t.SHA256, Encoding: t.Encoding, Format: t.Format, Lines: len(t.Lines)}
}
