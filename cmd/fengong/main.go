// Command fengong turns a 分工意见 into per-dept workbooks, PDF briefs and
// an offline dashboard. See README.md.
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
