//go:build unix

package batch

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// lock keeps two runs from writing the same DIR. It is a file beside DIR
// held with flock, so the kernel releases it when a run dies; the pid in
// it tells a second run who holds it, and tells a later run that the
// previous holder died without cleaning up.
type lock struct{ f *os.File }

func lockPath(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".fengong.lock")
}

func acquireLock(out string, log *slog.Logger) (*lock, error) {
	p := lockPath(out)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	prev, _ := os.ReadFile(p)
	holder := strings.TrimSpace(string(prev))
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s, held by pid %s)", ErrLocked, p, holder)
		}
		return nil, fmt.Errorf("lock %s: %w", p, err)
	}
	if pid, err := strconv.Atoi(holder); err == nil && pid != os.Getpid() {
		log.Warn("stale lock: the run that held it is gone", "lock", p, "pid", pid, "alive", alive(pid))
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &lock{f: f}, nil
}

func alive(pid int) bool {
	return pid > 0 && syscall.Kill(pid, 0) == nil
}

// release empties the lock file and lets go of it. The file stays, so no
// two runs can ever hold locks on two different files of the same name.
func (l *lock) release() {
	l.f.Truncate(0)
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
