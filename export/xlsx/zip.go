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
// (1.2 MB) per dept workbook would cost more than compressing it. They are
// kept in a free list the collector does not empty, as a sync.Pool is at
// every collection. It also
// keeps the deflated bytes of the parts every workbook of the batch shares
// (the theme, the styles, the content types, the relationships, the
// workbook part: excelize makes them the same for every dept), so each is
// deflated once per batch.
type flatePool struct {
	free chan *flate.Writer

	mu     sync.Mutex
	shared map[string]sharedPart // by the part's name and bytes
}

// sharedPart is a part deflated once for the batch.
type sharedPart struct {
	deflated []byte
	crc      uint32
}

// maxShared bounds the parts kept for the batch, so a batch of many
// workbooks with parts all different keeps no more than that.
const maxShared = 512

func newFlatePool() *flatePool {
	return &flatePool{free: make(chan *flate.Writer, 8), shared: map[string]sharedPart{}}
}

// sharedKey is the key of a part that may be shared: its name and bytes.
func sharedKey(name string, raw []byte) string {
	return name + "\x00" + string(raw)
}

func (fp *flatePool) lookup(key string) (sharedPart, bool) {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	sp, ok := fp.shared[key]
	return sp, ok
}

func (fp *flatePool) keep(key string, sp sharedPart) {
	fp.mu.Lock()
	defer fp.mu.Unlock()
	if len(fp.shared) < maxShared {
		fp.shared[key] = sp
	}
}

func (fp *flatePool) get(w io.Writer) (*flate.Writer, error) {
	select {
	case fw := <-fp.free:
		fw.Reset(w)
		return fw, nil
	default:
		return flate.NewWriter(w, flate.BestSpeed)
	}
}

func (fp *flatePool) put(fw *flate.Writer) {
	select {
	case fp.free <- fw:
	default:
	}
}

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
	taken map[string]rawPart // parts written as they are, by name
	parts []*zipPart
	cur   *zipPart
	fw    *flate.Writer
	err   error
}

type zipPart struct {
	name   string
	data   bytes.Buffer // deflated bytes
	crc    hash.Hash32  // a sheet's, summed as it is written
	size   uint64
	shared bool         // not a sheet (each workbook's own): buffered in raw, deflated on finish unless the batch has it
	raw    bytes.Buffer // a shared part's bytes as written
	sum    uint32       // a shared part's crc, once finished
	taken  bool         // a previous copy's part, as it was (rawPart): what excelize writes for it is dropped
}

// rawPart is a part as a previous copy of the workbook holds it:
// deflated, with its checksum and size.
type rawPart struct {
	deflated []byte
	crc      uint32
	size     uint64
}

// orderedZipper returns an excelize.File.ZipWriter that deflates every
// part with compressors from pool, except those taken, which it writes as
// they are.
func orderedZipper(pool *flatePool, taken map[string]rawPart) func(io.Writer) excelize.ZipWriter {
	return func(w io.Writer) excelize.ZipWriter { return &orderedZip{w: w, pool: pool, taken: taken} }
}

// Create starts a part; the previous part is complete.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if t, ok := z.taken[name]; ok {
		p := &zipPart{name: name, taken: true, sum: t.crc, size: t.size}
		p.data.Write(t.deflated)
		z.cur = p
		z.parts = append(z.parts, p)
		return partWriter{z}, nil
	}
	p := &zipPart{name: name, shared: !strings.HasPrefix(name, "xl/worksheets/")}
	z.cur = p
	z.parts = append(z.parts, p)
	if p.shared {
		return partWriter{z}, nil
	}
	p.crc = crc32.NewIEEE()
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
	return partWriter{z}, nil
}

type partWriter struct{ z *orderedZip }

func (pw partWriter) Write(b []byte) (int, error) {
	z := pw.z
	if z.err != nil {
		return 0, z.err
	}
	p := z.cur
	if p.taken {
		return len(b), nil
	}
	p.size += uint64(len(b))
	if p.shared {
		return p.raw.Write(b)
	}
	p.crc.Write(b)
	n, err := z.fw.Write(b)
	z.err = err
	return n, err
}

func (z *orderedZip) finish() error {
	if z.err != nil {
		return z.err
	}
	p := z.cur
	z.cur = nil
	switch {
	case p == nil, p.taken:
	case p.shared:
		z.err = z.finishShared(p)
	default:
		z.err = z.fw.Close()
		p.sum = p.crc.Sum32()
	}
	return z.err
}

// finishShared takes a part the batch has deflated already, or deflates
// it and keeps it for the batch.
func (z *orderedZip) finishShared(p *zipPart) error {
	key := sharedKey(p.name, p.raw.Bytes())
	if sp, ok := z.pool.lookup(key); ok {
		p.data.Write(sp.deflated)
		p.sum = sp.crc
		return nil
	}
	if z.fw == nil {
		fw, err := z.pool.get(&p.data)
		if err != nil {
			return err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&p.data)
	}
	if _, err := z.fw.Write(p.raw.Bytes()); err != nil {
		return err
	}
	if err := z.fw.Close(); err != nil {
		return err
	}
	p.sum = crc32.ChecksumIEEE(p.raw.Bytes())
	z.pool.keep(key, sharedPart{deflated: bytes.Clone(p.data.Bytes()), crc: p.sum})
	return nil
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
			CRC32:              p.sum,
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
