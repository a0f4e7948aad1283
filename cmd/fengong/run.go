package main

import (
	"fmt"
	"io"
)

func cmdRun(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fmt.Fprintln(stderr, "fengong: run: not yet wired")
	return exitFailed
}
