package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// FuzzRead checks that Read never panics and that what it returns is what
// Parse expects: valid UTF-8 lines with no line breaks, already normalised.
func FuzzRead(f *testing.F) {
	// the first lines of the seed: the fuzzer minimises every new input,
	// which takes minutes for the whole 44 KB seed and stalls fuzzing
	lines := strings.Split(string(readTestSeed(f)), "\n")[:10]
	head := strings.Join(lines, "\n")
	f.Add("hunan-2022.txt", []byte(head))
	f.Add("a.txt", toGB18030(head))
	f.Add("a.txt", toUTF16("1.正文（省财政厅牵头）\r\n", unicode.LittleEndian))
	f.Add("a.docx", toDocx(lines[:6]))
	f.Add("a.docx", toDocxNumbered(lines[4:8]))
	f.Add("a.html", toHTML(lines[:6]))
	f.Add("a.htm", toGB18030(htmlPage(lines[4:6], `<meta charset="gb2312">`)))
	f.Add("a.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	f.Add("a.txt", []byte("\xEF\xBB\xBF\u3000\u00a0(１,０００)\u200b\r"))
	f.Add("a.docx", []byte("PK\x03\x04junk"))
	f.Add("a.txt", []byte("<html><p>a<script>b</p>"))
	f.Add("t.html", []byte(sampleHTML))
	f.Add("t.csv", []byte(csvTable))
	f.Add("t.docx", sampleDocx(f))
	f.Add("t.xlsx", xlsxTable(f))
	f.Add("t.xls", []byte(magicOLE+"xls"))
	f.Add("box.txt", []byte(boxTable))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		got, err := Read(name, data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("got error %T %v, want *Error", err, err)
			}
			return
		}
		switch got.Format {
		case FormatText, FormatDocx, FormatHTML, FormatXLSX, FormatCSV:
		default:
			t.Fatalf("got format %q", got.Format)
		}
		if len(got.Lines) == 0 {
			t.Fatal("no lines and no error")
		}
		if got.Cells != nil && len(got.Cells) != len(got.Lines) {
			t.Fatalf("%d lines but %d cell rows", len(got.Lines), len(got.Cells))
		}
		for i, l := range got.Lines {
			if !utf8.ValidString(l) || strings.ContainsAny(l, "\r\n\x1e\x1f") {
				t.Fatalf("line %d: %q", i+1, l)
			}
			if got.Cells != nil && got.Cells[i] != nil && rowLine(got.Cells[i]) != l {
				t.Fatalf("line %d: %q is not its cells %q", i+1, l, got.Cells[i])
			}
			if got.Cells != nil && got.Cells[i] != nil {
				for _, c := range got.Cells[i] {
					if normalizeLine(c) != c {
						t.Fatalf("line %d: cell %q not normalised", i+1, c)
					}
				}
				continue
			}
			if n := normalizeLine(l); n != l {
				t.Fatalf("line %d not normalised: %q, normalised %q", i+1, l, n)
			}
		}
	})
}

// FuzzNormalizeLine checks that normalising is idempotent and that the
// full-width spelling of a line normalises as the line does.
func FuzzNormalizeLine(f *testing.F) {
	for _, s := range []string{"", "(省财政厅牵头)", "１．增长６．５％,1,000", "负责))", "a\u3000 b\t", "\xff(\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.NewReplacer("\r", "", "\n", "", "\u2028", "", "\u2029", "").Replace(s)
		got := normalizeLine(s)
		if !utf8.ValidString(got) {
			t.Fatalf("normalizeLine(%q) = %q: invalid UTF-8", s, got)
		}
		if again := normalizeLine(got); again != got {
			t.Fatalf("normalizeLine(%q) = %q, then %q", s, got, again)
		}
		if full := normalizeLine(fullWidthASCII(s)); full != got {
			t.Fatalf("normalizeLine(%q) = %q, full-width %q", s, got, full)
		}
	})
}
