package extract

// Text is decoded, normalised input: what Parse reads. Read builds it from
// raw bytes; tests may build it by hand.
type Text struct {
	Name     string   // base name of the input, used in errors
	SHA256   string   // hex sha256 of the raw input bytes
	Encoding string   // utf-8, utf-8-bom, utf-16le, utf-16be, gb18030
	Format   string   // text, docx, html
	Lines    []string // normalised lines; Lines[0] is line 1
}
