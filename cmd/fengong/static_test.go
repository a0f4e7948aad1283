package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNoNet: the command links no package that would make a default
// (cgo-enabled) `go build` a dynamically linked binary. Only net uses cgo
// among the packages the command could reach, through net/http (excelize,
// which third_party/ holds patched not to: FORK.md there; google/uuid,
// under modernc.org/sqlite, did too until the ledger changed driver). A
// dynamic binary starts 4–5 ms slower: the dynamic loader, the C library's
// start-up and its threads.
func TestNoNet(t *testing.T) {
	// the go command that runs the tests, else the toolchain's own
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out, err := exec.Command(goTool, "list", "-deps", "-f", "{{.ImportPath}} {{len .CgoFiles}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	n := 0
	for line := range strings.Lines(string(out)) {
		path, cgo, _ := strings.Cut(strings.TrimSpace(line), " ")
		n++
		if path == "net" || path == "runtime/cgo" || cgo != "0" {
			t.Errorf("the command links %s (%s files using cgo)", path, cgo)
		}
	}
	if n < 100 {
		t.Fatalf("go list named %d packages, want the command's 150 or so:\n%s", n, out)
	}
}
