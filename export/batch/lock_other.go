//go:build !unix

package batch

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"fengong/templates"
)

// openNonblock has no equivalent here.
const openNonblock = 0

// openNofollow has no equivalent here.
const openNofollow = 0

// fileID is a file's device and inode: unknown here.
func fileID(os.FileInfo) (dev, ino uint64, ok bool) { return 0, 0, false }

// links is how many names a file has: unknown here, so a spare's file is
// never written over.
func links(os.FileInfo) uint64 { return 0 }

// lock keeps two runs from writing the same DIR with an exclusive create.
type lock struct{ path string }

func acquireLock(out string, log *slog.Logger) (*lock, error) {
	p := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".fengong.lock")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, templates.Fail("output.locked", fmt.Errorf("%w (%s; remove it if no run is going)", ErrLocked, p), "path", p)
	}
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	fmt.Fprintln(f, os.Getpid())
	f.Close()
	return &lock{path: p}, nil
}

func (l *lock) release() { os.Remove(l.path) }
