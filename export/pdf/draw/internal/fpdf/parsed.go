package fpdf

import "fmt"

// fengong patch: a UTF-8 font parsed once and added to many documents.
// fpdf parsed the whole font again for every document that added it.

// UTF8Font is a TrueType font parsed once, to be added to many documents
// with AddUTF8FontParsed. It is never changed, so it is safe for
// concurrent use.
type UTF8Font struct {
	data []byte
	file utf8FontFile
}

// ParseUTF8Font parses a TrueType font for AddUTF8FontParsed.
func ParseUTF8Font(data []byte) (*UTF8Font, error) {
	u := newUTF8Font(&fileReader{array: data})
	if err := u.parseFile(); err != nil {
		return nil, err
	}
	font := &UTF8Font{data: data, file: *u}
	// what every cut reads, read once on a private copy
	c := *u
	c.fileReader = &fileReader{array: data}
	if font.file.cutPrep = c.prepareCut(); font.file.cutPrep == nil {
		return nil, fmt.Errorf("font has no Unicode cmap")
	}
	return font, nil
}

// AddUTF8FontParsed is AddUTF8FontFromBytes for a font parsed beforehand
// by ParseUTF8Font.
func (f *Fpdf) AddUTF8FontParsed(familyStr, styleStr string, font *UTF8Font) {
	if f.err != nil {
		return
	}
	fontkey := getFontKey(familyStr, styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	// a copy with its own reader: GenerateCutFont moves the reader and
	// replaces (never changes in place) the maps and slices parseFile made,
	// and only reads the shared cutPrep
	u := font.file
	u.fileReader = &fileReader{array: font.data}
	utf8File := &u
	desc := FontDescType{
		Ascent:       int(utf8File.Ascent),
		Descent:      int(utf8File.Descent),
		CapHeight:    utf8File.CapHeight,
		Flags:        utf8File.Flags,
		FontBBox:     utf8File.Bbox,
		ItalicAngle:  utf8File.ItalicAngle,
		StemV:        utf8File.StemV,
		MissingWidth: round(utf8File.DefaultWidth),
	}
	// only the runes the document sets, not fpdf's usual 0–56 as well
	sbarr := map[int]int{}
	def := fontDefType{
		Tp:        "UTF8",
		Name:      fontkey,
		Desc:      desc,
		Up:        int(round(utf8File.UnderlinePosition)),
		Ut:        round(utf8File.UnderlineThickness),
		Cw:        utf8File.CharWidths,
		utf8File:  utf8File,
		usedRunes: sbarr,
	}
	def.i, _ = generateFontID(def)
	f.fonts[fontkey] = def
}
