package charts

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// go-echarts writes a chart's option JSON into a <script> element without
// HTML escaping, and turns any string wrapped in __f__ markers into code.
// So no string from the document (or from a wording override) may reach it
// as is: a dept named </script><script>… or __f__function(){…}__f__ would
// run as script. jsText neutralises a string for that path; everything put
// into HTML directly goes through html/template instead.

// jsUnsafe maps the characters that could end the <script> element, open an
// HTML comment, start an entity, or form the __f__ marker to their
// full-width forms, which read the same to a Chinese reader.
var jsUnsafe = strings.NewReplacer(
	"<", "＜",
	">", "＞",
	"&", "＆",
	"_", "＿",
)

// jsText makes s safe to hand to go-echarts: no <, >, & or _ remain (so
// neither </script>, <!-- nor __f__ can form), line breaks and other
// control characters become spaces, and format characters and invalid
// UTF-8 are dropped.
func jsText(s string) string {
	if !needsCleaning(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == utf8.RuneError, unicode.Is(unicode.Cf, r):
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return jsUnsafe.Replace(b.String())
}

func needsCleaning(s string) bool {
	for _, r := range s {
		switch {
		case r == '<', r == '>', r == '&', r == '_', r == utf8.RuneError,
			r == '\u2028', r == '\u2029', unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return true
		}
	}
	return false
}

// jsFormat is jsText for an ECharts tooltip template from the wording: the
// one tag it keeps is the line break <br/>.
func jsFormat(s string) string {
	return strings.ReplaceAll(jsText(s), "＜br/＞", "<br/>")
}

// uniqueLabels cleans names with jsText and tells apart those that become
// equal (ECharts graph nodes need unique names) by a suffix （2）, （3）, …
// in the order given.
func uniqueLabels(names []string) []string {
	out := make([]string, len(names))
	used := make(map[string]bool, len(names))
	for i, n := range names {
		base := jsText(n)
		l := base
		for k := 2; used[l]; k++ {
			l = base + "（" + strconv.Itoa(k) + "）"
		}
		used[l] = true
		out[i] = l
	}
	return out
}
