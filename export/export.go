// Package export holds what every exporter shares: the options they are
// given and the safe file names of depts. Exporters (export/xlsx,
// export/pdf, charts) read an *extract.Document and return bytes; they
// never parse text, read the clock, choose output directories or write
// files. The batch run (export/batch) decides every path and is the one
// place that writes.
package export

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
}

// TemplateSet returns o.Templates, or the embedded defaults.
func (o Options) TemplateSet() *templates.Set {
	if o.Templates == nil {
		return templates.Default()
	}
	return o.Templates
}

// DateText formats the generation date the way 公文 write it: 2022年3月1日.
func (o Options) DateText() string {
	d := o.Date
	return strconv.Itoa(d.Year()) + "年" + strconv.Itoa(int(d.Month())) + "月" + strconv.Itoa(d.Day()) + "日"
}

// MaxStemBytes caps a file stem so that stem + extension stays well under
// the 255-byte limit of common file systems (a CJK rune is 3 bytes).
const MaxStemBytes = 120

// SafeStem turns a dept name into a file stem that cannot become a path:
// no separators, no "..", no control or reserved characters, no leading or
// trailing dots or spaces, no Windows device names, at most MaxStemBytes.
// It never returns "".
func SafeStem(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		case strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", "_")
	}
	s = strings.Trim(s, ". ")
	if len(s) > MaxStemBytes {
		cut := MaxStemBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = strings.Trim(s[:cut], ". ")
	}
	if s == "" {
		s = "_"
	}
	if isDeviceName(s) {
		s = "_" + s
	}
	return s
}

func isDeviceName(s string) bool {
	base := strings.ToUpper(s)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9' {
		return true
	}
	return false
}

// Stems gives every name a unique safe stem, in the order given. Two names
// whose stems collide (also case-insensitively, for Windows and macOS
// file systems) are told apart by a suffix "-2", "-3", … given in order, so
// the result is deterministic for a deterministic input order.
func Stems(names []string) map[string]string {
	out := make(map[string]string, len(names))
	used := make(map[string]bool, len(names))
	for _, n := range names {
		if _, done := out[n]; done {
			continue
		}
		base := SafeStem(n)
		stem := base
		for i := 2; used[strings.ToLower(stem)]; i++ {
			stem = base + "-" + strconv.Itoa(i)
		}
		used[strings.ToLower(stem)] = true
		out[n] = stem
	}
	return out
}
