package extract

import (
	"strings"
	"unsafe"
)

// twinSearch is the longest line twin searches for a copy of s read
// elsewhere; past it a name keeps its folded spelling (linear time on a
// line of a megabyte).
const twinSearch = 16 << 10

// twin returns the span of raw that s occupies in fold, when s is a
// substring of fold (it shares fold's memory); otherwise s itself. fold and
// raw are byte-aligned spellings of one line (see fold.go), so the span is
// the same text as written. This is how a name or text found in the folded
// line is given back as the document wrote it, without threading offsets
// through every recogniser.
func twin(fold, raw, s string) string {
	if len(fold) != len(raw) || len(s) == 0 || len(fold) == 0 {
		return s
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(fold)))
	if base == uintptr(unsafe.Pointer(unsafe.StringData(raw))) {
		return s
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if p < base || p+uintptr(len(s)) > base+uintptr(len(fold)) {
		// s was read from another line with the same words (a clause
		// read once and remembered, 責任領導：王副縣長 on two items): find
		// it in this one, on a line of reasonable length
		if len(fold) <= twinSearch && fold != raw {
			if i := strings.Index(fold, s); i >= 0 {
				return raw[i : i+len(s)]
			}
		}
		return s
	}
	off := int(p - base)
	return raw[off : off+len(s)]
}
