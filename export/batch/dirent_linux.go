//go:build linux

package batch

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"syscall"
)

// listFolder lists the folder at path as os.ReadDir does (no . or ..),
// with each entry's inode number from the kernel's listing (getdents64),
// and the folder's device: what the publisher needs to tell that a spare's
// file is already the previous pack's file without a stat of its own
// (keep). An entry whose type the file system does not give is stat'ed.
func listFolder(path string) ([]folderEntry, uint64, error) {
	// raw calls: an *os.File of a folder costs fcntl and epoll calls to
	// set up and take down, four a folder
	var fd int
	var err error
	for { // EINTR retried, as os.Open does
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, 0, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	err = syscall.Fstat(fd, &st)
	for err == syscall.EINTR {
		err = syscall.Fstat(fd, &st)
	}
	if err != nil {
		return nil, 0, &os.PathError{Op: "fstat", Path: path, Err: err}
	}
	dev := uint64(st.Dev)
	var out []folderEntry
	buf := make([]byte, 16<<10)
	for {
		n, err := syscall.ReadDirent(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, 0, &os.PathError{Op: "readdirent", Path: path, Err: err}
		}
		if n <= 0 {
			break
		}
		for b := buf[:n]; len(b) >= 19; {
			reclen := int(binary.NativeEndian.Uint16(b[16:18]))
			if reclen < 19 || reclen > len(b) {
				break
			}
			ino, typ := binary.NativeEndian.Uint64(b[0:8]), b[18]
			name := b[19:reclen]
			for i, c := range name {
				if c == 0 {
					name = name[:i]
					break
				}
			}
			b = b[reclen:]
			if s := string(name); s != "." && s != ".." {
				e := folderEntry{name: s, ino: ino}
				switch typ {
				case syscall.DT_DIR:
					e.kind = entryDir
				case syscall.DT_REG:
					e.kind = entryFile
				case syscall.DT_UNKNOWN:
					e.kind, e.ino = statKind(filepath.Join(path, s))
				}
				out = append(out, e)
			}
		}
	}
	return out, dev, nil
}

// statKind is the kind and inode of the entry at path, by lstat.
func statKind(path string) (entryKind, uint64) {
	fi, err := os.Lstat(path)
	if err != nil {
		return entryOther, 0
	}
	_, ino, _ := fileID(fi)
	switch {
	case fi.IsDir():
		return entryDir, ino
	case fi.Mode().IsRegular():
		return entryFile, ino
	}
	return entryOther, ino
}
