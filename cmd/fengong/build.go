package main

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"os"
)

// buildID is this binary's Go build ID, which any change of its code or
// toolchain changes: `fengong run --incremental` trusts a previous pack
// to be what it would make only when the same build made it. "" when it
// cannot be read (a binary that is not ELF, or stripped of the note).
func buildID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	note, err := s.Data()
	if err != nil {
		return ""
	}
	return goBuildID(note, f.ByteOrder)
}

// goBuildID reads the build ID out of the Go note: name size, desc size,
// type 4, the name "Go\0\0", then the ID.
func goBuildID(note []byte, order binary.ByteOrder) string {
	if len(note) < 16 {
		return ""
	}
	nameSize, descSize, typ := order.Uint32(note), order.Uint32(note[4:]), order.Uint32(note[8:])
	if nameSize != 4 || typ != 4 || !bytes.Equal(note[12:16], []byte("Go\x00\x00")) || uint64(descSize) > uint64(len(note)-16) {
		return ""
	}
	return string(note[16 : 16+descSize])
}
