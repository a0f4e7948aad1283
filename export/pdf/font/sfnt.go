package font

import (
	"encoding/binary"
	"errors"
	"fmt"
	bits64 "math/bits"
	"sort"
)

// The errors a font can be refused with.
var (
	ErrNotTrueType = errors.New("not a TrueType (glyf) font")
	ErrCollection  = errors.New("font collection (.ttc): extract one face with cmd/ttc2ttf")
	ErrPostScript  = errors.New("PostScript-outline (CFF) font: only TrueType glyf outlines can be embedded")
	ErrTruncated   = errors.New("truncated font data")
	ErrNoCmap      = errors.New("no Unicode BMP cmap (format 4)")
)

const (
	tagTTCF = 0x74746366 // "ttcf"
	tagOTTO = 0x4F54544F // "OTTO"
	tagTrue = 0x74727565 // "true"
	sfnt1   = 0x00010000
)

// tables every embeddable face needs; fpdf reads them all.
var required = [...]string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post"}

type record struct {
	tag            string
	offset, length uint32
}

// directory reads the table directory of the sfnt at off in data.
func directory(data []byte, off uint32) ([]record, error) {
	if uint64(off)+12 > uint64(len(data)) {
		return nil, ErrTruncated
	}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	if uint64(off)+12+uint64(n)*16 > uint64(len(data)) {
		return nil, ErrTruncated
	}
	recs := make([]record, 0, n)
	for i := 0; i < n; i++ {
		p := off + 12 + uint32(i)*16
		r := record{
			tag:    string(data[p : p+4]),
			offset: binary.BigEndian.Uint32(data[p+8:]),
			length: binary.BigEndian.Uint32(data[p+12:]),
		}
		if uint64(r.offset)+uint64(r.length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q: %w", r.tag, ErrTruncated)
		}
		recs = append(recs, r)
	}
	return recs, nil
}

// FromCollection copies face index of a TrueType collection (.ttc) into a
// standalone TrueType file: a new table directory sorted by tag, every
// table 4-byte aligned, table checksums and head.checkSumAdjustment
// recomputed. Tables the faces share are copied, not shared.
func FromCollection(ttc []byte, index int) ([]byte, error) {
	if len(ttc) < 12 || binary.BigEndian.Uint32(ttc) != tagTTCF {
		return nil, errors.New("not a font collection: no ttcf header")
	}
	n := int(binary.BigEndian.Uint32(ttc[8:]))
	if index < 0 || index >= n {
		return nil, fmt.Errorf("face %d: collection has %d faces", index, n)
	}
	if 12+4*(index+1) > len(ttc) {
		return nil, ErrTruncated
	}
	off := binary.BigEndian.Uint32(ttc[12+4*index:])
	if uint64(off)+4 > uint64(len(ttc)) {
		return nil, ErrTruncated
	}
	version := binary.BigEndian.Uint32(ttc[off:])
	recs, err := directory(ttc, off)
	if err != nil {
		return nil, err
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].tag < recs[j].tag })

	numTables := len(recs)
	entrySelector := 0
	for 1<<(entrySelector+1) <= numTables {
		entrySelector++
	}
	searchRange := (1 << entrySelector) * 16

	size := 12 + 16*numTables
	for _, r := range recs {
		size += int(r.length+3) &^ 3
	}
	out := make([]byte, size)
	be := binary.BigEndian
	be.PutUint32(out, version)
	be.PutUint16(out[4:], uint16(numTables))
	be.PutUint16(out[6:], uint16(searchRange))
	be.PutUint16(out[8:], uint16(entrySelector))
	be.PutUint16(out[10:], uint16(numTables*16-searchRange))

	pos := uint32(12 + 16*numTables)
	headAt := -1
	for i, r := range recs {
		table := out[pos : pos+r.length]
		copy(table, ttc[r.offset:r.offset+r.length])
		if r.tag == "head" {
			if r.length < 12 {
				return nil, fmt.Errorf("table head: %w", ErrTruncated)
			}
			be.PutUint32(table[8:], 0) // checkSumAdjustment is computed below
			headAt = int(pos)
		}
		d := out[12+16*i:]
		copy(d, r.tag)
		be.PutUint32(d[4:], checksum(out[pos:pos+(r.length+3)&^3]))
		be.PutUint32(d[8:], pos)
		be.PutUint32(d[12:], r.length)
		pos += (r.length + 3) &^ 3
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

// checksum is the sfnt table checksum: the sum of big-endian uint32s,
// the data padded with zeros to a multiple of 4.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}

// Face is what the briefs need to know of a TrueType font before giving
// it to the PDF library: which runes it can draw.
type Face struct {
	ranges []span // sorted, disjoint runes mapped to a real glyph
	// Name is the face's PostScript name (name ID 6), kept to the
	// characters a PDF name may hold; "" when the font has none.
	Name string
}

type span struct{ lo, hi rune }

// Parse checks that data is a single TrueType face the PDF library can
// embed (glyf outlines, the tables it reads, a Unicode format 4 cmap) and
// reads its coverage. It never panics on hostile data.
func Parse(data []byte) (*Face, error) {
	if len(data) < 12 {
		return nil, ErrTruncated
	}
	switch binary.BigEndian.Uint32(data) {
	case sfnt1, tagTrue:
	case tagTTCF:
		return nil, ErrCollection
	case tagOTTO:
		return nil, ErrPostScript
	default:
		return nil, ErrNotTrueType
	}
	recs, err := directory(data, 0)
	if err != nil {
		return nil, err
	}
	tables := make(map[string]record, len(recs))
	for _, r := range recs {
		tables[r.tag] = r
	}
	for _, tag := range required {
		if _, ok := tables[tag]; !ok {
			return nil, fmt.Errorf("missing table %q: %w", tag, ErrNotTrueType)
		}
	}
	c := tables["cmap"]
	ranges, err := parseCmap(data[c.offset : c.offset+c.length])
	if err != nil {
		return nil, err
	}
	n := tables["name"]
	return &Face{ranges: ranges, Name: postScriptName(data[n.offset : n.offset+n.length])}, nil
}

// postScriptName reads name ID 6 from a name table: the Windows Unicode
// record, else the Macintosh Roman one. Only ASCII letters, digits, - and _
// are kept, so the name can be written into a PDF as it is.
func postScriptName(t []byte) string {
	be := binary.BigEndian
	if len(t) < 6 {
		return ""
	}
	count, base := int(be.Uint16(t[2:])), int(be.Uint16(t[4:]))
	best, bestRank := "", 0
	for i := 0; i < count; i++ {
		p := 6 + 12*i
		if p+12 > len(t) {
			break
		}
		platform, enc, id := be.Uint16(t[p:]), be.Uint16(t[p+2:]), be.Uint16(t[p+6:])
		length, off := int(be.Uint16(t[p+8:])), base+int(be.Uint16(t[p+10:]))
		if id != 6 || off+length > len(t) {
			continue
		}
		raw := t[off : off+length]
		var s []byte
		rank := 0
		switch {
		case platform == 3 && (enc == 1 || enc == 10) || platform == 0:
			rank = 2
			for j := 0; j+1 < len(raw); j += 2 {
				if raw[j] == 0 {
					s = append(s, raw[j+1])
				}
			}
		case platform == 1 && enc == 0:
			rank = 1
			s = raw
		default:
			continue
		}
		clean := make([]byte, 0, len(s))
		for _, c := range s {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
				clean = append(clean, c)
			}
		}
		if rank > bestRank && len(clean) > 0 {
			best, bestRank = string(clean[:min(len(clean), 63)]), rank
		}
	}
	return best
}

// parseCmap reads the subtable the PDF library uses: the first format 4
// subtable of platform 3 encoding 1 or of platform 0, in directory order.
func parseCmap(cmap []byte) ([]span, error) {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return nil, ErrNoCmap
	}
	n := int(be.Uint16(cmap[2:]))
	for i := 0; i < n; i++ {
		p := 4 + 8*i
		if p+8 > len(cmap) {
			return nil, ErrNoCmap
		}
		platform, encoding := be.Uint16(cmap[p:]), be.Uint16(cmap[p+2:])
		off := int(be.Uint32(cmap[p+4:]))
		if !(platform == 3 && encoding == 1) && platform != 0 {
			continue
		}
		if off < 0 || off+2 > len(cmap) || be.Uint16(cmap[off:]) != 4 {
			continue
		}
		return parseFormat4(cmap[off:])
	}
	return nil, ErrNoCmap
}

func parseFormat4(t []byte) ([]span, error) {
	be := binary.BigEndian
	if len(t) < 14 {
		return nil, ErrNoCmap
	}
	segs := int(be.Uint16(t[6:])) / 2
	endAt, startAt := 14, 16+2*segs
	deltaAt, rangeAt := 16+4*segs, 16+6*segs
	if rangeAt+2*segs > len(t) {
		return nil, fmt.Errorf("cmap format 4: %w", ErrTruncated)
	}
	var bits [0x10000 / 64]uint64
	work := 0
	for s := 0; s < segs; s++ {
		end := int(be.Uint16(t[endAt+2*s:]))
		start := int(be.Uint16(t[startAt+2*s:]))
		delta := int(be.Uint16(t[deltaAt+2*s:]))
		ro := int(be.Uint16(t[rangeAt+2*s:]))
		if work += end - start + 1; work > 0x20000 {
			return nil, errors.New("cmap format 4: overlapping segments")
		}
		for c := start; c <= end; c++ {
			var gid int
			if ro == 0 {
				gid = (c + delta) & 0xFFFF
			} else {
				p := rangeAt + 2*s + ro + 2*(c-start)
				if p+2 > len(t) {
					continue
				}
				if g := int(be.Uint16(t[p:])); g != 0 {
					gid = (g + delta) & 0xFFFF
				}
			}
			if gid != 0 {
				bits[c/64] |= 1 << (c % 64)
			}
		}
	}
	return spans(&bits), nil
}

// spans lists the runs of set bits of a 64K-bit set as spans of runes,
// a word at a time: runs of ones and of zeros are skipped whole.
func spans(bits *[0x10000 / 64]uint64) []span {
	var out []span
	for w, word := range bits {
		base := w * 64
		for word != 0 {
			lo := bits64.TrailingZeros64(word)
			run := bits64.TrailingZeros64(^(word >> lo)) // the ones from lo
			c := rune(base + lo)
			if k := len(out); k > 0 && out[k-1].hi+1 == c {
				out[k-1].hi = c + rune(run) - 1
			} else {
				out = append(out, span{c, c + rune(run) - 1})
			}
			if lo+run >= 64 {
				break
			}
			word &^= (1<<(lo+run) - 1)
		}
	}
	return out
}

// Has reports whether the face maps r to a real glyph. Runes above
// U+FFFF are never drawable: the PDF library addresses the BMP only.
func (f *Face) Has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	// the first span ending at or after r (sort.Search, without its call)
	lo, hi := 0, len(f.ranges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if f.ranges[m].hi < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(f.ranges) && f.ranges[lo].lo <= r
}

// Runes is the number of runes the face covers.
func (f *Face) Runes() int {
	n := 0
	for _, s := range f.ranges {
		n += int(s.hi-s.lo) + 1
	}
	return n
}
