// Command fengong turns a 分工意见 into per-dept workbooks, PDF briefs and
// an offline dashboard. See README.md.
package main

import (
	// first, so that the heap it marks for huge pages is mapped before
	// the other packages' initialisation allocates
	_ "fengong/cmd/fengong/internal/hugeheap"

	"os"
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
