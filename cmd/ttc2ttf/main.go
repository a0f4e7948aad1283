// Command ttc2ttf copies one face of a TrueType collection (.ttc) into a
// standalone TrueType file (.ttf), which the PDF library can embed. It
// made export/pdf/font/wqy-microhei.ttf:
//
//	go run ./cmd/ttc2ttf -index 0 -o export/pdf/font/wqy-microhei.ttf /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"fengong/export/pdf/font"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "ttc2ttf:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("ttc2ttf", flag.ContinueOnError)
	fs.SetOutput(stderr)
	index := fs.Int("index", 0, "face `number` in the collection, from 0")
	out := fs.String("o", "", "output .ttf `file` (required)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ttc2ttf [-index n] -o out.ttf in.ttc")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *out == "" {
		fs.Usage()
		return errors.New("need one input file and -o")
	}
	ttc, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	ttf, err := font.FromCollection(ttc, *index)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	if _, err := font.Parse(ttf); err != nil {
		return fmt.Errorf("face %d: %w", *index, err)
	}
	return os.WriteFile(*out, ttf, 0o644)
}
