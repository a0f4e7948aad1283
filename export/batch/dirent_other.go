//go:build !linux

package batch

import "os"

// listFolder lists the folder at path, as os.ReadDir does; no inode or
// device here, so keep stats the spare's files.
func listFolder(path string) ([]folderEntry, uint64, error) {
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, 0, err
	}
	out := make([]folderEntry, 0, len(entries))
	for _, e := range entries {
		k := entryOther
		switch {
		case e.Type().IsDir():
			k = entryDir
		case e.Type().IsRegular():
			k = entryFile
		}
		out = append(out, folderEntry{name: e.Name(), kind: k})
	}
	return out, 0, nil
}
