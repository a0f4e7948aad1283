//go:build unix

package batch

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"fengong/templates"
)

// openNonblock keeps an open of a FIFO planted in the previous pack from
// hanging the run.
const openNonblock = syscall.O_NONBLOCK

// openNofollow refuses to open a symbolic link at the last element.
const openNofollow = syscall.O_NOFOLLOW

// fileID is a file's device and inode, as the system says them.
func fileID(fi os.FileInfo) (dev, ino uint64, ok bool) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev), uint64(st.Ino), true
	}
	return 0, 0, false
}

// links is how many names a file has; 0 when the system does not say.
func links(fi os.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 0
}

// lock keeps two runs from writing the same DIR. It is a file beside DIR
// held with flock, so the kernel releases it when a run dies; the pid in
// it tells a second run who holds it, and tells a later run that the
// previous holder died without cleaning up. The holder removes the file
// when it is done, while it still holds it; a run that took the lock on a
// file that was removed meanwhile sees that and tries again.
type lock struct {
	f    *os.File
	path string
}

func lockPath(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".fengong.lock")
}

func acquireLock(out string, log *slog.Logger) (*lock, error) {
	p := lockPath(out)
	for try := 0; ; try++ {
		// never follow a link planted at the lock's name: the lock file
		// is truncated and written
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|openNonblock, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", p, err)
		}
		if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
			f.Close()
			return nil, fmt.Errorf("lock %s: not a regular file", p)
		}
		prev, _ := io.ReadAll(io.LimitReader(f, 64))
		holder := strings.TrimSpace(string(prev))
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, templates.Fail("output.locked", fmt.Errorf("%w (%s, held by pid %s)", ErrLocked, p, holder), "path", p, "pid", holder)
			}
			return nil, fmt.Errorf("lock %s: %w", p, err)
		}
		// the holder before us may have removed the file between our
		// open and our flock: then we hold a lock nobody else sees
		held, err1 := f.Stat()
		now, err2 := os.Lstat(p)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			f.Close()
			if try < 10 {
				continue
			}
			return nil, fmt.Errorf("lock %s: the file keeps changing", p)
		}
		if pid, err := strconv.Atoi(holder); err == nil && pid != os.Getpid() {
			log.Warn("stale lock: the run that held it is gone", "lock", p, "pid", pid, "alive", alive(pid))
		}
		if err := f.Truncate(0); err == nil {
			f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		}
		return &lock{f: f, path: p}, nil
	}
}

func alive(pid int) bool {
	return pid > 0 && syscall.Kill(pid, 0) == nil
}

// release removes the lock file while it still holds it, then lets go.
func (l *lock) release() {
	os.Remove(l.path)
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
