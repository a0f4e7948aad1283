package extract

import (
	"os"
	"path/filepath"
)

// Parse builds the Document from normalised text. dir may be nil (no
// directory: every dept is unknown). (stub: being written)
func Parse(t *Text, dir *Directory) (*Document, error) {
	return nil, &Error{File: t.Name, Err: ErrNoItems}
}

// ParseFile reads, decodes and parses the file at path.
func ParseFile(path string, dir *Directory) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t, err := Read(filepath.Base(path), data)
	if err != nil {
		return nil, err
	}
	return Parse(t, dir)
}
