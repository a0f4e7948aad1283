package extract

import (
	"strings"
	"unicode/utf8"
)

// Stage 1b, label values: a label whose value was put on the next line
// (牵头单位： / 市发改委, as a two-column table of labels and values
// flattened one cell per line writes it) gets its value back on its own
// line, raw and fold alike, and the value's line is left blank, so
// warnings still name real lines.

// joinValues joins the value lines to their labels and returns how many it
// joined.
func joinValues(raw, fold []string, v *Vocabulary, nr *nameReader) int {
	joined := 0
	for i := 0; i < len(fold); i++ {
		t := strings.TrimSpace(fold[i])
		role, end := v.labelAt(t)
		if role == "" || role == roleClause || end < len(t) {
			continue // no label, or one with its value beside it
		}
		j := i + 1
		for j < len(fold) && j <= i+2 && strings.TrimSpace(fold[j]) == "" {
			j++ // a blank line between the cells
		}
		if j >= len(fold) {
			break
		}
		next := strings.TrimSpace(fold[j])
		if r, _ := v.labelAt(next); r != "" || numberOf(next).form != fNone || tableLine(next) || !labelValue(role, next, v, nr) {
			continue // a number, a label or a row opens a line of its own
		}
		// the same bytes are cut from both spellings: they are aligned
		end, start := len(strings.TrimRight(raw[i], " \t\u3000")), len(raw[j])-len(strings.TrimLeft(raw[j], " \t\u3000"))
		stop := len(strings.TrimRight(raw[j], " \t\u3000"))
		raw[i] = raw[i][:end] + raw[j][start:stop]
		fold[i] = fold[i][:end] + fold[j][start:stop]
		raw[j], fold[j] = "", ""
		joined++
		i = j
	}
	return joined
}

// labelValue reports whether s reads as the value of a label of role: a
// short time limit, a leader's name, or names of units and groups only.
func labelValue(role Role, s string, v *Vocabulary, nr *nameReader) bool {
	n := utf8.RuneCountInString(s)
	switch role {
	case roleDeadline:
		return n <= 30 && (deadlineCell(s) || v.isDeadline(s))
	case roleLeader:
		return n <= 20 && !strings.ContainsAny(s, "。；：:")
	case roleNone:
		return n <= 60 && !strings.ContainsAny(s, "。；：:")
	}
	if n > 200 || strings.ContainsAny(s, "。；：:") {
		return false
	}
	names := listNames(s)
	if len(names) == 0 {
		return false
	}
	for _, name := range names {
		name, _ = cutLeadMark(name)
		if v.isLeader(name) || !unitLike(name, nr) && !v.isGroupWord(name) && !bodyGroup(name, v) {
			return false
		}
	}
	return true
}
