// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	stdzlib "compress/zlib"
	"encoding/binary"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/zlib"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() any {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

// fengong patch: klauspost/compress's zlib, at level 3: faster than the
// standard library's BestSpeed, which stock fpdf uses, and no brief of the
// seed is larger than with stock fpdf's streams (TestNoLargerThanStock in
// package pdf, with SetStockStreams; at level 2, 15 of 101 were, by up to
// 6%). The writers are kept in a free list the collector does not empty
// (a sync.Pool is emptied at every collection, and a new level-3 writer
// allocates and clears about 1 MB).
var zlibWriters = newFreeList(func() *zlib.Writer { return newZlibWriter(3) })

// fengong patch: a CIDToGIDMap (mostly zeros) is deflated at level 1,
// which makes it smaller than level 3 does and in half the time; it took
// more time than the font file itself. compressSparse now makes these
// writers' bytes itself; they are the reference TestCompressSparse holds
// it to.
var sparseWriters = newFreeList(func() *zlib.Writer { return newZlibWriter(1) })

func newZlibWriter(level int) *zlib.Writer {
	zw, err := zlib.NewWriterLevel(nil, level)
	if err != nil {
		panic(fmt.Errorf("could not create zlib writer: %w", err))
	}
	return zw
}

// freeList keeps up to eight values between documents; a value it does
// not have is made anew by fresh. Unlike a sync.Pool, the collector does
// not empty it.
type freeList[T any] struct {
	fresh func() T
	free  chan T
}

func newFreeList[T any](fresh func() T) *freeList[T] {
	return &freeList[T]{fresh: fresh, free: make(chan T, 8)}
}

func (l *freeList[T]) get() T {
	select {
	case v := <-l.free:
		return v
	default:
		return l.fresh()
	}
}

func (l *freeList[T]) put(v T) {
	select {
	case l.free <- v:
	default:
	}
}

func (pool *xmempool) compress(data []byte) *membuffer {
	return pool.compressWith(zlibWriters, data)
}

// compressSparse deflates data that is mostly zeros.
//
// fengong patch: the zlib stream is made of a raw deflate stream and the
// checksum is summed over the nonzero words alone (sparseAdler32): the
// bytes of a level-1 zlib writer, in less time (summing 128 KiB of a
// CIDToGIDMap byte by byte was half of its cost).
func (pool *xmempool) compressSparse(data []byte) *membuffer {
	if stockStreams.Load() {
		return pool.compressWith(sparseWriters, data)
	}
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	buf.Grow(len(data)/64 + 64)
	buf.Write([]byte{0x78, 0x01}) // CM 8, window 32 KiB; FLEVEL 0, as zlib's level 1
	fw := sparseDeflaters.get()
	defer sparseDeflaters.put(fw)
	fw.Reset(buf)
	if _, err := fw.Write(data); err != nil {
		panic(fmt.Errorf("could not deflate slice: %w", err))
	}
	if err := fw.Close(); err != nil {
		panic(fmt.Errorf("could not close deflate writer: %w", err))
	}
	buf.Write(binary.BigEndian.AppendUint32(nil, sparseAdler32(data)))
	return mem
}

// sparseDeflaters are the raw level-1 deflaters of compressSparse.
var sparseDeflaters = newFreeList(func() *flate.Writer {
	fw, err := flate.NewWriter(nil, 1)
	if err != nil {
		panic(fmt.Errorf("could not create deflate writer: %w", err))
	}
	return fw
})

// sparseAdler32 is adler32.Checksum(data), summing runs of zero words
// at once: a run of n zeros adds nothing to s1 and n*s1 to s2.
func sparseAdler32(data []byte) uint32 {
	const mod = 65521
	s1, s2 := uint64(1), uint64(0)
	zeros := uint64(0)
	for len(data) >= 8 {
		if binary.LittleEndian.Uint64(data) == 0 {
			zeros += 8
			data = data[8:]
			continue
		}
		s2 = (s2 + zeros*s1) % mod
		zeros = 0
		for _, b := range data[:8] {
			s1 += uint64(b)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		data = data[8:]
	}
	s2 = (s2 + zeros*s1) % mod
	for _, b := range data {
		s1 = (s1 + uint64(b)) % mod
		s2 = (s2 + s1) % mod
	}
	return uint32(s2<<16 | s1)
}

// stockStreams makes every stream as stock fpdf does (SetStockStreams).
var stockStreams atomic.Bool

// SetStockStreams makes this package deflate every stream with the
// standard library's zlib at BestSpeed and write the CIDToGIDMap for all
// 65,536 codes, as stock fpdf does, or (false) go back to fengong's
// patches. It is for the test that no PDF is larger than stock fpdf would
// make it; nothing else sets it.
func SetStockStreams(on bool) { stockStreams.Store(on) }

func (pool *xmempool) compressWith(writers *freeList[*zlib.Writer], data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	buf.Grow(len(data))
	if stockStreams.Load() {
		zw, err := stdzlib.NewWriterLevel(buf, stdzlib.BestSpeed)
		if err == nil {
			_, err = zw.Write(data)
		}
		if err == nil {
			err = zw.Close()
		}
		if err != nil {
			panic(fmt.Errorf("could not zlib-compress slice: %w", err))
		}
		return mem
	}

	// fengong patch: zlib writers are reused (a new one allocates and
	// clears about 1 MB); Reset gives the same bytes as a new writer
	zw := writers.get()
	defer writers.put(zw)
	zw.Reset(buf)
	_, err := zw.Write(data)
	if err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}

	err = zw.Close()
	if err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
	return mem
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}

// fengong patch: zeroed buffers for the CIDToGIDMaps, kept between
// documents: each map is up to 128 KiB (2 bytes for each code up to
// U+FFFF), and allocating (and clearing) one per font per document was a
// tenth of what a batch of PDFs allocated. A buffer is put back zeroed.
var zeroedMaps = newFreeList(func() *[]byte {
	b := make([]byte, 2*0x10000)
	return &b
})

// getZeroed returns a zeroed buffer of n bytes.
func getZeroed(n int) *[]byte {
	b := zeroedMaps.get()
	if cap(*b) < n { // beyond U+FFFF: not kept
		fresh := make([]byte, n)
		return &fresh
	}
	*b = (*b)[:n]
	return b
}

// putZeroed keeps b, which must be all zeros again, for another map.
func putZeroed(b *[]byte) { zeroedMaps.put(b) }
