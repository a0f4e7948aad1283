package extract

import "unsafe"

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
		return s
	}
	off := int(p - base)
	return raw[off : off+len(s)]
}
