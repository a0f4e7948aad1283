// Command fengong turns a 分工意见 into per-dept workbooks, PDF briefs and
// an offline dashboard. See README.md.
package main

import (
	// for its initialisation, which marks the heap for huge pages (it
	// imports little, so Go initialises it before the heavy packages)
	_ "fengong/cmd/fengong/internal/hugeheap"

	"os"
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
