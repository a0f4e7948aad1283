package extract

import (
	"fmt"
	"slices"
	"strings"

	"fengong/templates"
)

// MessagesFile holds the wording of extraction warnings.
const MessagesFile = "warnings.yaml"

// kept decoded (templates.Decoded)
var _ = templates.Decoded(MessagesFile, (*Messages)(nil))

// warningCodes are the codes Parse emits; an override must word them all.
var warningCodes = []string{"number-jump", "number-backwards", "item-mid-sentence", "clause-without-text", "truncated",
	"item-without-dept", "text-without-dept", "row-without-dept", "unknown-dept", "list-size",
	"glued-items", "glued-heading", "displaced-number", "placeholder", "lost-number", "split-clause",
	"split-label", "wrapped-lines", "cut-clause"}

// Messages maps a warning code to its wording, with {name} marks.
type Messages map[string]string

// LoadMessages reads warnings.yaml from the templates set (nil: defaults).
func LoadMessages(ts *templates.Set) (Messages, error) {
	if ts == nil {
		ts = templates.Default()
	}
	var m Messages
	if err := ts.Decode(MessagesFile, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// Validate checks that every warning code has wording and that there is
// no other key (a misspelt code).
func (m Messages) Validate() error {
	for _, c := range warningCodes {
		if strings.TrimSpace(m[c]) == "" {
			return &templates.KeyError{Key: c, Detail: "no wording for this warning"}
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(warningCodes, k) {
			return &templates.KeyError{Key: k, Known: warningCodes}
		}
	}
	return nil
}

// defaultMessages is the embedded wording, read when no directory
// brought its own. The embedded file is checked by the tests.
func defaultMessages() Messages {
	m, err := LoadMessages(nil)
	if err != nil {
		return Messages{}
	}
	return m
}

// messages is the directory's wording, or the embedded default.
func (d *Directory) messages() Messages {
	if d == nil || d.msgs == nil {
		return defaultMessages()
	}
	return d.msgs
}

// format fills a code's wording with kv pairs: "item", 35, ….
func (m Messages) format(code string, kv ...any) string {
	s, ok := m[code]
	if !ok {
		s = code
		for i := 0; i+1 < len(kv); i += 2 {
			s += fmt.Sprintf(" %v=%v", kv[i], kv[i+1])
		}
		return s
	}
	pairs := make([]string, len(kv))
	for i, v := range kv {
		pairs[i] = fmt.Sprint(v)
	}
	return templates.Fill(s, pairs...)
}

// vocabulary is the directory's vocabulary, or the embedded default.
func (d *Directory) vocabulary() *Vocabulary {
	if d == nil || d.vocab == nil {
		return defaultVocabulary()
	}
	return d.vocab
}

// bodies is the grammar of body names, from the directory's templates set,
// or the embedded default.
func (d *Directory) bodies() *bodyGrammar {
	if d == nil || d.grammar == nil {
		return defaultBodyGrammar()
	}
	return d.grammar
}
