package extract

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors wrapped by *Error. Test them with errors.Is.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary input, not text")
	ErrEncoding = errors.New("undecodable text: not UTF-8, UTF-16 or GB18030")
	ErrNoItems  = errors.New("no numbered items found")
	ErrNotZip   = errors.New("not a .docx file: not a zip archive")
	ErrDocx     = errors.New("malformed .docx")
	ErrWorkbook = errors.New("malformed .xlsx workbook")
	ErrTooLarge = errors.New("input too large")
)

// Error is an input error that names the file and, where there is one, the
// line (1-based) and column (1-based, in runes). It wraps one of the
// sentinel errors above, in the manner of encoding/csv's ParseError.
type Error struct {
	File   string
	Line   int // 0 when the error is about the whole file
	Column int // 0 when unknown
	Err    error
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Message words the error for the clerk: the key of messages.yaml for its
// sentinel, with {where} (file:line), {file} and {line}.
func (e *Error) Message() (string, []string) {
	key := "failed"
	for _, s := range []struct {
		err error
		key string
	}{
		{ErrEmpty, "input.empty"}, {ErrBinary, "input.binary"}, {ErrEncoding, "input.encoding"},
		{ErrNoItems, "input.no_items"}, {ErrNotZip, "input.not_zip"}, {ErrDocx, "input.docx"},
		{ErrWorkbook, "input.workbook"}, {ErrTooLarge, "input.too_large"},
	} {
		if errors.Is(e.Err, s.err) {
			key = s.key
			break
		}
	}
	if key == "input.binary" && strings.Contains(e.Err.Error(), "UTF-16") {
		key = "input.binary_utf16"
	}
	where := e.File
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	return key, []string{"where", where, "file", e.File, "line", strconv.Itoa(e.Line), "detail", e.Error()}
}
