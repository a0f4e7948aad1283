// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"fmt"
	"github.com/klauspost/compress/zlib"
	"sync"
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
// standard library's BestSpeed, which stock fpdf uses, and smaller (no
// brief of the seed is larger; level 1 makes half of them a little larger)
var zlibWriters = sync.Pool{New: func() any {
	zw, err := zlib.NewWriterLevel(nil, 3)
	if err != nil {
		panic(fmt.Errorf("could not create zlib writer: %w", err))
	}
	return zw
}}

// fengong patch: a CIDToGIDMap (mostly zeros) is deflated at level 1,
// which makes it smaller than level 3 does and in half the time; it took
// more time than the font file itself.
var sparseWriters = sync.Pool{New: func() any {
	zw, err := zlib.NewWriterLevel(nil, 1)
	if err != nil {
		panic(fmt.Errorf("could not create zlib writer: %w", err))
	}
	return zw
}}

func (pool *xmempool) compress(data []byte) *membuffer {
	return pool.compressWith(&zlibWriters, data)
}

// compressSparse deflates data that is mostly zeros.
func (pool *xmempool) compressSparse(data []byte) *membuffer {
	return pool.compressWith(&sparseWriters, data)
}

func (pool *xmempool) compressWith(writers *sync.Pool, data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	buf.Grow(len(data))

	// fengong patch: zlib writers are reused (a new one allocates and
	// clears about 1 MB); Reset gives the same bytes as a new writer
	zw := writers.Get().(*zlib.Writer)
	defer writers.Put(zw)
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
