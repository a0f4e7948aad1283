package ledger

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tempPrefix begins the name of a copy being written.
const tempPrefix = ".tmp-"

// archive writes data to dir/<sha>.xlsx: a temporary file, synced, then
// renamed, and the folder synced. A copy already there holds the same
// bytes (its name is their sha256) and is kept. synced, when not nil, is
// called between the sync and the rename.
func archive(dir, sha string, data []byte, synced func()) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	dst := filepath.Join(dir, sha+".xlsx")
	if st, err := os.Stat(dst); err == nil && st.Mode().IsRegular() && st.Size() == int64(len(data)) {
		return nil
	}
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && synced != nil {
		synced()
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("archive: %w", err)
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return nil
}

// removeTemps removes from dir the copies a collect killed while writing
// them left under their temporary names. Only a collect holding the
// ledger's lock writes there, so none is being written.
func removeTemps(dir string) error {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	for _, e := range ents {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), tempPrefix) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("archive: %w", err)
			}
		}
	}
	return nil
}
