package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"fengong/extract"
	"fengong/templates"
)

const version = "0.1.0"

func cmdExtract(args []string, stdout, stderr io.Writer) error {
	fs := quietFlagSet("extract", stderr)
	format := fs.String("format", "json", "output format: json or text")
	tmpl := fs.String("templates", "", "templates directory overriding the embedded defaults (depts.yaml, …)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: extract takes exactly one FILE", errUsage)
	}
	if !oneOf(*format, "json", "text") {
		return fmt.Errorf("%w: --format must be json or text, not %q", errUsage, *format)
	}
	ts, err := templates.New(*tmpl)
	if err != nil {
		return err
	}
	dir, err := extract.LoadDirectory(ts)
	if err != nil {
		return err
	}
	doc, err := extract.ParseFile(pos[0], dir)
	if err != nil {
		return err
	}
	if strings.EqualFold(*format, "text") {
		return writeSummary(stdout, doc)
	}
	return writeJSON(stdout, doc)
}

// writeJSON writes the model as the documented JSON contract.
func writeJSON(w io.Writer, doc *extract.Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// writeSummary is the short human summary: counts, targets, warnings.
func writeSummary(w io.Writer, doc *extract.Document) error {
	fmt.Fprintf(w, "%s\n", doc.Title)
	fmt.Fprintf(w, "source: %s (%s, %s, %d lines)\n", doc.Source.Name, doc.Source.Format, doc.Source.Encoding, doc.Source.Lines)
	fmt.Fprintf(w, "items %d, tasks %d, sections %d, depts %d, groups %d, targets %d, lists %d, warnings %d\n\n",
		len(doc.Items), doc.TaskCount(), len(doc.Sections), len(doc.Depts), len(doc.Groups), len(doc.Targets), len(doc.Lists), len(doc.Warnings))
	if len(doc.Targets) > 0 {
		fmt.Fprintln(w, "targets:")
		rows := [][]string{{"item", "indicator", "op", "value", "unit", "text"}}
		for _, t := range doc.Targets {
			rows = append(rows, []string{strconv.Itoa(t.Item), t.Indicator, t.Op, strconv.FormatFloat(t.Value, 'g', -1, 64), t.Unit, t.Text})
		}
		writeTable(w, rows)
		fmt.Fprintln(w)
	}
	for _, l := range doc.Lists {
		fmt.Fprintf(w, "list %s (item %d): declared %d, named %d\n", l.Name, l.Item, l.Declared, len(l.Members))
	}
	if len(doc.Warnings) > 0 {
		fmt.Fprintln(w, "\nwarnings:")
		for _, wn := range doc.Warnings {
			fmt.Fprintf(w, "  %s:%d: %s\n", doc.Source.Name, wn.Line, wn.Message)
		}
	}
	return nil
}

// writeTable aligns columns by display width: a Chinese character takes
// two terminal cells, which text/tabwriter does not know.
func writeTable(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
