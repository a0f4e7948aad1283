//go:build unix

package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptible: the first SIGTERM cancels the command's context and
// the process goes on to stop cleanly; a second one ends it at once, as
// when a step does not stop (a child process of this test, which signals
// itself twice).
func TestInterruptible(t *testing.T) {
	if os.Getenv("FENGONG_SIGNAL_CHILD") == "1" {
		ctx, stop := interruptible()
		defer stop()
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		select {
		case <-ctx.Done():
			os.Stdout.WriteString("cancelled\n")
		case <-time.After(10 * time.Second):
			os.Stdout.WriteString("not cancelled\n")
			os.Exit(0)
		}
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		time.Sleep(10 * time.Second)
		os.Stdout.WriteString("survived the second signal\n")
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptible$")
	cmd.Env = append(os.Environ(), "FENGONG_SIGNAL_CHILD=1")
	out, err := cmd.Output()
	if !strings.Contains(string(out), "cancelled\n") || strings.Contains(string(out), "not cancelled") {
		t.Fatalf("the first SIGTERM did not cancel the context: %q", out)
	}
	if strings.Contains(string(out), "survived") {
		t.Fatalf("the second SIGTERM did not end the process: %q", out)
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("child: %v, want killed by SIGTERM", err)
	}
	if st, ok := exit.Sys().(syscall.WaitStatus); !ok || !st.Signaled() || st.Signal() != syscall.SIGTERM {
		t.Fatalf("child ended with %v, want killed by SIGTERM", exit)
	}
}

// TestInterruptibleSoon: the context waited for is the command's, live
// until stop cancels it; wait and stop may come in either order.
func TestInterruptibleSoon(t *testing.T) {
	wait, stop := interruptibleSoon()
	ctx := wait()
	if ctx.Err() != nil || wait() != ctx {
		t.Fatalf("wait gave %v (err %v), then another", ctx, ctx.Err())
	}
	stop()
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Fatalf("after stop: %v, want cancelled", ctx.Err())
	}
	_, stop = interruptibleSoon()
	stop() // before any wait: no leak, no block
}
