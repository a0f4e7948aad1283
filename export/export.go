// Package export holds what every exporter shares: the options they are
// given and the safe file names of depts. Exporters (export/xlsx,
// export/pdf, charts) read an *extract.Document and return bytes; they
// never parse text, read the clock, choose output directories or write
// files. The batch run (export/batch) decides every path and is the one
// place that writes.
package export

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fengong/extract"
	"fengong/progress"
	"fengong/templates"
)

// Options are given to every exporter.
type Options struct {
	// Date is the generation date printed on every artifact. It is
	// injected (from --date, SOURCE_DATE_EPOCH or the config); exporters
	// never read the clock.
	Date time.Time
	// Title overrides the document's title when non-empty.
	Title string
	// Templates holds the wording and the dept directory; nil means the
	// embedded defaults.
	Templates *templates.Set
	// TempDir is the folder an exporter may spill temporary files to
	// (excelize does, for a large sheet); "" means the system's. The batch
	// run gives a folder of its own beside DIR, which the next run removes
	// if this one is killed.
	TempDir string
	// Progress is the 督办 snapshot of the period being published, from
	// the ledger (--ledger); nil when the run has no ledger.
	Progress *progress.Snapshot
	// Index is the document's extract.Index, made once by a caller that
	// hands one document to several exporters; nil: each exporter makes
	// its own. It must be the index of the document the exporter is
	// given (IndexOf checks).
	Index *extract.Index
}

// IndexOf returns o.Index when it is doc's, else doc.Index().
func (o Options) IndexOf(doc *extract.Document) *extract.Index {
	if o.Index != nil && o.Index.Document() == doc {
		return o.Index
	}
	return doc.Index()
}

// TemplateSet returns o.Templates, or the embedded defaults.
func (o Options) TemplateSet() *templates.Set {
	if o.Templates == nil {
		return templates.Default()
	}
	return o.Templates
}

// DateText is the generation date as 公文 write it (templates.Date):
// 2022年3月1日.
func (o Options) DateText() string { return templates.Date(o.Date) }

// TitleOr is the title every output of a run shows: the configured title,
// else the document's own (docTitle). It is the one such rule; a PDF with
// neither then falls back to pdf.yaml's default_title.
func (o Options) TitleOr(docTitle string) string {
	if o.Title != "" {
		return o.Title
	}
	return docTitle
}

// Responsibility writes a task's responsibility the way the pages and the
// change report show it, in the words of messages.yaml's summary keys:
// 省财政厅、省商务厅牵头，省统计局按职责分工负责.
func Responsibility(t *extract.Task, m templates.Messages) string {
	names := func(list []string) string { return strings.Join(list, m.Text("summary.names")) }
	var parts []string
	if len(t.Lead) > 0 {
		parts = append(parts, m.Text("summary.lead", "depts", names(t.Lead)))
	}
	if co := append(append([]string(nil), t.Co...), t.Groups...); len(co) > 0 {
		parts = append(parts, m.Text("summary.co", "depts", names(co)))
	}
	if len(t.Respective) > 0 {
		parts = append(parts, m.Text("summary.respective", "depts", names(t.Respective)))
	}
	if t.All {
		parts = append(parts, m.Text("summary.all"))
	}
	return strings.Join(parts, m.Text("summary.parts"))
}

// The dept-name safety policy. A dept name is data: it is printed in the
// files as written, and only its file stem is made safe. This is the one
// place that says how; batch and charts take their stems from DeptStems.
//
//   - Path separators and the characters Windows reserves (/ \ : * ? " < > |)
//     and control characters become "_"; format characters (zero-width
//     spaces, direction marks) and invalid UTF-8 are dropped; any other
//     space becomes " ".
//   - ".." becomes "_"; leading and trailing dots and spaces are trimmed; a
//     Windows device name (CON, PRN, AUX, NUL, COM1…, LPT1…) gets a leading
//     "_"; an empty stem is "_".
//   - One length rule: a stem is at most MaxStemBytes bytes of UTF-8. A
//     longer one is cut at a rune boundary and ends in "-" and 8 hex digits
//     of the name's SHA-256, so names that differ past the cut stay apart.
//   - Two names whose stems would be equal, also when compared without
//     case (Windows and macOS file systems), get the same hash suffix; a
//     name that needed no change keeps its stem as it is.
//   - The result depends on the set of names only, not their order.
//
// Every stem that differs from its name is reported as a Rewrite, for the
// manifest's warnings and the log.

// MaxStemBytes caps a file stem so that stem + extension stays well under
// the 255-byte limit of common file systems, and a path
// 单位/<stem>/<stem>.xlsx under Windows' 260 characters (a CJK rune is 3
// bytes, so 40 characters).
const MaxStemBytes = 120

// hashLen is the length of the hash suffix, "-" and 8 hex digits.
const hashLen = 9

// Rewrite reports a dept whose file stem is not its name as written.
type Rewrite struct {
	Name string // as written, and as printed inside the files
	Stem string // the stem of its file names
	Why  string
}

func (w Rewrite) String() string {
	return fmt.Sprintf("dept %q: its files are named %q (%s)", w.Name, w.Stem, w.Why)
}

// SafeStem turns one dept name into a file stem that cannot become a path
// (see the policy above). DeptStems also tells apart names whose stems
// collide.
func SafeStem(name string) string {
	s, _ := cleanStem(name)
	if len(s) > MaxStemBytes {
		return hashedStem(s, name, "")
	}
	return s
}

// cleanStem applies the character rules and says which it applied.
func cleanStem(name string) (string, []string) {
	var b strings.Builder
	var why []string
	note := func(w string) {
		for _, x := range why {
			if x == w {
				return
			}
		}
		why = append(why, w)
	}
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			note("invalid UTF-8")
		case unicode.Is(unicode.Cf, r):
			note("format characters dropped")
		case unicode.IsControl(r):
			b.WriteRune('_')
			note("control characters")
		case r == '/' || r == '\\':
			b.WriteRune('_')
			note("a path separator")
		case strings.ContainsRune(`:*?"<>|`, r):
			b.WriteRune('_')
			note("characters a file name cannot hold")
		case unicode.IsSpace(r) && r != ' ':
			b.WriteRune(' ')
			note("spaces")
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	if strings.Contains(s, "..") {
		for strings.Contains(s, "..") {
			s = strings.ReplaceAll(s, "..", "_")
		}
		note(`".."`)
	}
	if t := strings.Trim(s, ". "); t != s {
		s = t
		note("leading or trailing dots or spaces")
	}
	if s == "" {
		s = "_"
		note("nothing left of the name")
	}
	if isDeviceName(s) {
		s = "_" + s
		note("a reserved device name")
	}
	if len(s) > MaxStemBytes {
		note(fmt.Sprintf("longer than %d bytes", MaxStemBytes))
	}
	return s, why
}

// hashedStem is s cut to leave room for a suffix of the hash of name (and
// salt), at a rune boundary.
func hashedStem(s, name, salt string) string {
	cut := min(len(s), MaxStemBytes-hashLen)
	for cut > 0 && cut < len(s) && !utf8.RuneStart(s[cut]) {
		cut--
	}
	sum := sha256.Sum256([]byte(name + salt))
	return strings.TrimRight(s[:cut], ". ") + "-" + hex.EncodeToString(sum[:4])
}

func isDeviceName(s string) bool {
	base := strings.ToUpper(s)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	base = strings.TrimRight(base, " ")
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9' {
		return true
	}
	return false
}

// DeptStems gives every name a unique safe stem under the policy above,
// and a Rewrite, in the order given, for each name whose stem is not the
// name as written. The stems do not depend on the order of names.
func DeptStems(names []string) (map[string]string, []Rewrite) {
	type entry struct {
		name, clean, stem string
		why               []string
	}
	var list []*entry
	byName := make(map[string]*entry, len(names))
	for _, n := range names {
		if _, dup := byName[n]; dup {
			continue
		}
		c, why := cleanStem(n)
		e := &entry{name: n, clean: c, stem: c, why: why}
		if len(c) > MaxStemBytes {
			e.stem = hashedStem(c, n, "")
		}
		byName[n] = e
		list = append(list, e)
	}
	// names whose stems collide: each gets its hash suffix, except one
	// name that needed no change
	groups := make(map[string][]*entry, len(list))
	for _, e := range list {
		k := strings.ToLower(e.stem)
		groups[k] = append(groups[k], e)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		keep := 0
		for _, e := range g {
			if e.stem == e.name {
				keep++
			}
		}
		for _, e := range g {
			if keep == 1 && e.stem == e.name {
				continue
			}
			e.stem = hashedStem(e.clean, e.name, "")
			e.why = append(e.why, "another dept's file name is the same")
		}
	}
	// a hash suffix that still meets another stem: salt it, in name order
	sorted := append([]*entry(nil), list...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	used := make(map[string]bool, len(list))
	for _, e := range sorted {
		for k := 2; used[strings.ToLower(e.stem)]; k++ {
			e.stem = hashedStem(e.clean, e.name, "#"+strconv.Itoa(k))
		}
		used[strings.ToLower(e.stem)] = true
	}
	stems := make(map[string]string, len(list))
	var rewrites []Rewrite
	for _, e := range list {
		stems[e.name] = e.stem
		if e.stem != e.name {
			why := e.why
			if len(why) == 0 {
				why = []string{"another dept's file name is the same"}
			}
			rewrites = append(rewrites, Rewrite{Name: e.name, Stem: e.stem, Why: strings.Join(why, ", ")})
		}
	}
	return stems, rewrites
}

// Stems is DeptStems without the report.
func Stems(names []string) map[string]string {
	s, _ := DeptStems(names)
	return s
}
