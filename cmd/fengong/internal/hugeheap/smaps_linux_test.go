//go:build linux

package hugeheap

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// mappingFields reads, from the text of /proc/self/smaps, the fields of
// the mapping that holds addr, each trimmed ("Rss" → "4 kB", "VmFlags" →
// "rd wr mr mw me ac hg").
func mappingFields(smaps []byte, addr uintptr) (map[string]string, error) {
	var fields map[string]string // nil until the mapping's first line
	s := bufio.NewScanner(bytes.NewReader(smaps))
	for s.Scan() {
		line := s.Text()
		if lo, hi, ok := span(line); ok {
			if fields != nil {
				break // the next mapping
			}
			if lo <= addr && addr < hi {
				fields = map[string]string{}
			}
			continue
		}
		if k, v, ok := strings.Cut(line, ":"); ok && fields != nil {
			fields[k] = strings.TrimSpace(v)
		}
	}
	if fields == nil {
		return nil, fmt.Errorf("no mapping holds %#x in /proc/self/smaps", addr)
	}
	return fields, nil
}

// span reads the address range of a mapping's first line in smaps
// ("7f12a000-7f12b000 rw-p ..."); other lines ("Rss: 4 kB") are not one.
func span(line string) (lo, hi uintptr, ok bool) {
	r, _, _ := strings.Cut(line, " ")
	a, b, found := strings.Cut(r, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	return uintptr(x), uintptr(y), err1 == nil && err2 == nil
}

// kB reads a size field of smaps ("2048 kB") as bytes.
func kB(v string) uintptr {
	n, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(v, "kB")), 10, 64)
	return uintptr(n) << 10
}
