package xlsx

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"math"

	"github.com/xuri/excelize/v2"
)

// Parts lends a workbook the worksheet parts of its previous copy, so
// that an incremental run writes again only the sheets whose cells
// changed: an edit of a task's wording changes the master's 总表, and
// leaves the 责任矩阵 (half the workbook's bytes), the 单位汇总 and the
// rest as they were; in a dept's workbook it changes the task sheet that
// lists the task, and leaves the 说明, the other task sheets and the
// 量化指标. Each sheet has a key, the sum of everything its part is made
// of that the model and the book's title give (sheetKey); what the
// wording and the code give is the same for the same key only if the
// caller's Parts says so, by lending parts only from a copy made with the
// same wording by the same build.
type Parts interface {
	// Part returns the part name of the previous copy, deflated, with
	// its CRC-32 and size, if that part had the key key.
	Part(name, key string) (deflated []byte, crc uint32, size uint64, ok bool)
	// Keep records that the part name of the workbook made has the key.
	Keep(name, key string)
}

// WithParts returns a renderer whose workbook (the master, or a dept's)
// takes its unchanged sheets from parts and tells it the keys of the
// sheets it makes. Give each workbook its own.
func (r *Renderer) WithParts(parts Parts) *Renderer {
	c := *r
	c.parts = parts
	return &c
}

// sheetKey sums what the worksheet part of s is made of besides the
// wording and the code: the book's title and party (the page header), and
// every field and cell of s, each tagged with its type.
func (b *book) sheetKey(s *sheet) string {
	k := keySum{h: sha256.New()}
	k.str("xlsx sheet 1")
	k.str(b.title)
	k.str(b.party)
	k.str(s.name)
	k.int(len(s.cols))
	for _, c := range s.cols {
		k.str(c.head)
		k.float(c.min)
		k.float(c.max)
		k.int(c.style)
		k.bool(c.hidden)
	}
	k.int(s.freezeX)
	k.bool(s.filter)
	k.bool(s.protect)
	k.bool(s.titleCol)
	k.bool(s.noFit)
	k.int(len(s.checks))
	for _, dv := range s.checks {
		k.other(dv) // its strings are pointers: summed by value, not address
	}
	k.int(len(s.merges))
	for _, m := range s.merges {
		k.str(m[0])
		k.str(m[1])
	}
	k.str(s.note)
	k.int(s.printCols)
	k.int(s.scale)
	k.int(len(s.top))
	for _, row := range s.top {
		k.int(len(row))
		for _, v := range row {
			k.value(v)
		}
	}
	k.int(s.rows)
	vals := make([]any, len(s.cols))
	for i := 0; i < s.rows; i++ {
		clear(vals)
		s.row(i, vals)
		for _, v := range vals {
			k.value(v)
		}
	}
	return hex.EncodeToString(k.h.Sum(nil))
}

// keySum writes values into a hash, each with a tag and a length, so that
// no two sequences of values write the same bytes.
type keySum struct {
	h   hash.Hash
	buf [9]byte
}

func (k *keySum) tag(t byte, n uint64) {
	k.buf[0] = t
	binary.LittleEndian.PutUint64(k.buf[1:], n)
	k.h.Write(k.buf[:])
}

func (k *keySum) str(s string) {
	k.tag('s', uint64(len(s)))
	k.h.Write([]byte(s))
}

func (k *keySum) int(n int)       { k.tag('i', uint64(n)) }
func (k *keySum) float(f float64) { k.tag('f', math.Float64bits(f)) }

func (k *keySum) bool(v bool) {
	if v {
		k.tag('b', 1)
	} else {
		k.tag('b', 0)
	}
}

// other writes any other value by its type and its JSON, which follows
// pointers (fmt's %v would print their addresses, which no two runs
// share).
func (k *keySum) other(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		b = []byte(fmt.Sprint(err))
	}
	k.str(fmt.Sprintf("%T", v))
	k.str(string(b))
}

// value writes a cell value as the sheets make them.
func (k *keySum) value(v any) {
	switch x := v.(type) {
	case nil:
		k.tag('n', 0)
	case string:
		k.str(x)
	case int:
		k.int(x)
	case float64:
		k.float(x)
	case bool:
		k.bool(x)
	case excelize.Cell:
		k.tag('c', uint64(x.StyleID))
		k.str(x.Formula)
		k.value(x.Value)
	case *excelize.Cell:
		k.tag('p', 0)
		k.value(*x)
	default:
		k.other(v)
	}
}

// PartOf finds the part name in the workbook data, as Parts.Part returns
// it: deflated, with its CRC-32 and size. A workbook that does not read as
// a zip, or holds the part stored rather than deflated, gives none.
func PartOf(data []byte, name string) (deflated []byte, crc uint32, size uint64, ok bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, 0, 0, false
	}
	for _, f := range zr.File {
		if f.Name != name || f.Method != zip.Deflate {
			continue
		}
		off, err := f.DataOffset()
		if err != nil || off < 0 || f.CompressedSize64 > uint64(len(data)) || uint64(off) > uint64(len(data))-f.CompressedSize64 {
			return nil, 0, 0, false
		}
		return data[off : uint64(off)+f.CompressedSize64], f.CRC32, f.UncompressedSize64, true
	}
	return nil, 0, 0, false
}
