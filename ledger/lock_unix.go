//go:build unix

package ledger

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"fengong/templates"
)

// ErrLocked: another collect holds the ledger.
var ErrLocked = errors.New("ledger is locked by another collect")

// lockLedger holds <ledger>.lock with flock for the whole collect, so two
// collects never interleave; the kernel releases it when a process dies.
// The file stays; only the lock on it matters.
func lockLedger(path string) (func(), error) {
	p := path + ".lock"
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", p, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, templates.Fail("collect.locked", fmt.Errorf("%w (%s)", ErrLocked, p), "path", p)
		}
		return nil, fmt.Errorf("lock %s: %w", p, err)
	}
	return func() { f.Close() }, nil
}
