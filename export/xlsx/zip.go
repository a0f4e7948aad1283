package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// deptStoreLimit is the size up to which a part of a dept workbook is
// stored rather than deflated. A dept workbook's parts all fit: allocating
// a compressor (1.2 MB, about 0.4 ms) and compressing would cost more than
// rendering the sheets, for files of some tens of kilobytes either way. A
// larger part, a dept with thousands of tasks, is deflated. The master,
// one per run and several times larger, deflates every part.
const deptStoreLimit = 256 << 10

// orderedZip is the excelize.ZipWriter of every workbook. excelize writes
// streamed sheets in map order, so two streamed sheets land in the archive
// in a random order; orderedZip buffers each part as it comes and writes
// the archive on Close with the parts sorted by name ([Content_Types].xml
// first), so the bytes depend on the content alone. Parts up to limit
// bytes are stored; a larger part is deflated (flate.BestSpeed) as it is
// written, through one compressor allocated on first need, so memory stays
// near the compressed size.
type orderedZip struct {
	w     io.Writer
	limit int
	parts []*zipPart
	cur   *zipPart
	fw    *flate.Writer
	err   error
}

type zipPart struct {
	name    string
	data    bytes.Buffer // stored bytes, or deflated ones
	deflate bool
	crc     hash.Hash32
	size    uint64
}

// orderedZipper returns an excelize.File.ZipWriter that stores parts up to
// limit bytes (-1: none).
func orderedZipper(limit int) func(io.Writer) excelize.ZipWriter {
	return func(w io.Writer) excelize.ZipWriter { return &orderedZip{w: w, limit: limit} }
}

// Create starts a part; the previous part is complete.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name, crc: crc32.NewIEEE()}
	z.cur = p
	z.parts = append(z.parts, p)
	return partWriter{z}, nil
}

type partWriter struct{ z *orderedZip }

func (pw partWriter) Write(b []byte) (int, error) {
	z := pw.z
	if z.err != nil {
		return 0, z.err
	}
	p := z.cur
	p.crc.Write(b)
	p.size += uint64(len(b))
	if !p.deflate && p.data.Len()+len(b) <= z.limit {
		return p.data.Write(b)
	}
	if !p.deflate {
		if z.err = z.startDeflate(p); z.err != nil {
			return 0, z.err
		}
	}
	n, err := z.fw.Write(b)
	z.err = err
	return n, err
}

// startDeflate switches p from stored to deflated.
func (z *orderedZip) startDeflate(p *zipPart) error {
	raw := bytes.Clone(p.data.Bytes())
	p.data.Reset()
	if z.fw == nil {
		fw, err := flate.NewWriter(&p.data, flate.BestSpeed)
		if err != nil {
			return err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&p.data)
	}
	p.deflate = true
	_, err := z.fw.Write(raw)
	return err
}

func (z *orderedZip) finish() error {
	if z.err != nil {
		return z.err
	}
	if z.cur != nil && z.cur.deflate {
		z.err = z.fw.Close()
	}
	z.cur = nil
	return z.err
}

// AddFS is not used by excelize when saving.
func (z *orderedZip) AddFS(fs.FS) error {
	return errors.New("xlsx: AddFS is not supported")
}

// Close writes the archive.
func (z *orderedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	slices.SortFunc(z.parts, func(a, b *zipPart) int {
		return strings.Compare(partKey(a.name), partKey(b.name))
	})
	// excelize hands a bytes.Buffer: size it once for parts and headers
	if bb, ok := z.w.(*bytes.Buffer); ok {
		size := 22
		for _, p := range z.parts {
			size += p.data.Len() + 2*len(p.name) + 30 + 46
		}
		bb.Grow(size)
	}
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               p.name,
			Method:             method(p.deflate),
			CRC32:              p.crc.Sum32(),
			CompressedSize64:   uint64(p.data.Len()),
			UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := w.Write(p.data.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// partKey sorts [Content_Types].xml first, as Office writes it.
func partKey(name string) string {
	if name == "[Content_Types].xml" {
		return ""
	}
	return name
}

func method(deflate bool) uint16 {
	if deflate {
		return zip.Deflate
	}
	return zip.Store
}
