package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"github.com/klauspost/compress/flate"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// flatePool lends compressors to the workbooks of a batch: allocating one
// (1.2 MB) per dept workbook would cost more than compressing it.
type flatePool struct{ p sync.Pool }

func newFlatePool() *flatePool { return &flatePool{} }

func (fp *flatePool) get(w io.Writer) (*flate.Writer, error) {
	if fw, ok := fp.p.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fw, nil
	}
	return flate.NewWriter(w, flate.BestSpeed)
}

func (fp *flatePool) put(fw *flate.Writer) { fp.p.Put(fw) }

// orderedZip is the excelize.ZipWriter of every workbook. excelize writes
// streamed sheets in map order, so two streamed sheets land in the archive
// in a random order; orderedZip buffers each part as it comes and writes
// the archive on Close with the parts sorted by name ([Content_Types].xml
// first), so the bytes depend on the content alone. Every part is deflated
// (flate.BestSpeed) as it is written, through one compressor borrowed from
// the batch's pool, so memory stays near the compressed size.
type orderedZip struct {
	w     io.Writer
	pool  *flatePool
	parts []*zipPart
	cur   *zipPart
	fw    *flate.Writer
	err   error
}

type zipPart struct {
	name string
	data bytes.Buffer // deflated bytes
	crc  hash.Hash32
	size uint64
}

// orderedZipper returns an excelize.File.ZipWriter that deflates every
// part with compressors from pool.
func orderedZipper(pool *flatePool) func(io.Writer) excelize.ZipWriter {
	return func(w io.Writer) excelize.ZipWriter { return &orderedZip{w: w, pool: pool} }
}

// Create starts a part; the previous part is complete.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name, crc: crc32.NewIEEE()}
	if z.fw == nil {
		fw, err := z.pool.get(&p.data)
		if err != nil {
			z.err = err
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&p.data)
	}
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
	n, err := z.fw.Write(b)
	z.err = err
	return n, err
}

func (z *orderedZip) finish() error {
	if z.err != nil {
		return z.err
	}
	if z.cur != nil {
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
	if z.fw != nil {
		z.pool.put(z.fw)
		z.fw = nil
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
			Method:             zip.Deflate,
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
