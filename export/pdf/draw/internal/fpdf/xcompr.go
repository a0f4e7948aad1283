// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	stdzlib "compress/zlib"
	"fmt"
	"sync"
	"sync/atomic"

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
// more time than the font file itself.
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
func (pool *xmempool) compressSparse(data []byte) *membuffer {
	return pool.compressWith(sparseWriters, data)
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
