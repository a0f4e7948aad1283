package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"fengong/extract"
	"fengong/seeds"
	"fengong/templates"
)

const version = "0.1.0"

// cmdExtract prints the model of one file. It returns the wording its
// error is to be reported in: the templates directory's, once read.
func cmdExtract(args []string, stdout, stderr io.Writer) (templates.Messages, error) {
	msgs := clerkWording("")
	fs := quietFlagSet("extract", stderr)
	format := fs.String("format", "json", "output format: json or text")
	tmpl := fs.String("templates", "", "templates directory overriding the embedded defaults (depts.yaml, …)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return msgs, err
	}
	if len(pos) != 1 {
		return msgs, usageError("usage.extract_args", "extract takes exactly one FILE")
	}
	if !oneOf(*format, "json", "text") {
		return msgs, usageError("usage.format", fmt.Sprintf("--format must be json or text, not %q", *format), "value", *format)
	}
	doc, _, msgs, err := readDocument(*tmpl, pos[0])
	if err != nil {
		return msgs, err
	}
	if strings.EqualFold(*format, "text") {
		return msgs, writeSummary(stdout, doc, msgs)
	}
	return msgs, writeJSON(stdout, doc)
}

// readDocument opens the templates directory tmplDir (its wording and
// dept directory) and parses the document at path, or the bundled seed
// when path is "". msgs is the wording an error is to be reported in.
func readDocument(tmplDir, path string) (*extract.Document, *templates.Set, templates.Messages, error) {
	msgs := clerkWording("")
	ts, err := templates.New(tmplDir)
	if err != nil {
		return nil, nil, msgs, err
	}
	if msgs, err = templates.LoadMessages(ts); err != nil {
		return nil, nil, clerkWording(""), err
	}
	dir, err := extract.LoadDirectory(ts)
	if err != nil {
		return nil, nil, msgs, err
	}
	var doc *extract.Document
	if path == "" {
		t, err := extract.Read(seeds.Hunan2022Name, seeds.Hunan2022)
		if err != nil {
			return nil, nil, msgs, err
		}
		doc, err = extract.Parse(t, dir)
		return doc, ts, msgs, err
	}
	if doc, err = extract.ParseFile(path, dir); err != nil {
		if errors.Is(err, iofs.ErrNotExist) {
			return nil, nil, msgs, templates.Fail("input.not_found", err, "path", path)
		}
		return nil, nil, msgs, err
	}
	return doc, ts, msgs, nil
}

// writeJSON writes the model as the documented JSON contract.
func writeJSON(w io.Writer, doc *extract.Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// writeSummary is the short summary for the clerk, in the words of
// messages.yaml: counts, targets, lists, warnings.
func writeSummary(w io.Writer, doc *extract.Document, m templates.Messages) error {
	n := strconv.Itoa
	fmt.Fprintf(w, "%s\n", doc.Title)
	fmt.Fprintln(w, m.Text("summary.source", "name", doc.Source.Name, "format", doc.Source.Format, "encoding", doc.Source.Encoding, "lines", n(doc.Source.Lines)))
	fmt.Fprintln(w, m.Text("summary.counts", "items", n(len(doc.Items)), "tasks", n(doc.TaskCount()), "sections", n(len(doc.Sections)),
		"depts", n(len(doc.Depts)), "groups", n(len(doc.Groups)), "targets", n(len(doc.Targets)), "lists", n(len(doc.Lists)), "warnings", n(len(doc.Warnings))))
	fmt.Fprintln(w)
	if len(doc.Targets) > 0 {
		fmt.Fprintln(w, m.Text("summary.targets"))
		head := strings.Fields(m.Text("summary.columns"))
		rows := [][]string{append(head, make([]string, max(0, 6-len(head)))...)[:6]}
		for _, t := range doc.Targets {
			op := t.Op
			if s, ok := m["summary.op."+t.Op]; ok {
				op = s
			}
			rows = append(rows, []string{n(t.Item), t.Indicator, op, strconv.FormatFloat(t.Value, 'g', -1, 64), t.Unit, t.Text})
		}
		writeTable(w, rows)
		fmt.Fprintln(w)
	}
	for _, l := range doc.Lists {
		fmt.Fprintln(w, m.Text("summary.list", "name", l.Name, "item", n(l.Item), "declared", n(l.Declared), "named", n(len(l.Members))))
	}
	if len(doc.Warnings) > 0 {
		fmt.Fprintln(w, "\n"+m.Text("summary.warnings"))
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
