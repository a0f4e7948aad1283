package templates

import (
	"errors"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"
)

// MessagesFile holds what the clerk reads on the terminal: the errors and
// refusals of the commands, and the text summary of `fengong extract`.
const MessagesFile = "messages.yaml"

// kept decoded (Decoded)
var _ = Decoded(MessagesFile, (*Messages)(nil))

// Messages is the wording of messages.yaml: a key, such as "input.empty",
// to its text with {name} placeholders.
type Messages map[string]string

// LoadMessages reads messages.yaml from the set (nil: the embedded default).
func LoadMessages(ts *Set) (Messages, error) {
	if ts.Embedded(MessagesFile) {
		m, err := defaultMessages()
		return maps.Clone(m), err
	}
	var m Messages
	if err := ts.Decode(MessagesFile, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// defaultMessages is the embedded messages.yaml, decoded once: a run
// reads the wording in four places.
var defaultMessages = sync.OnceValues(func() (Messages, error) {
	var m Messages
	err := Default().Decode(MessagesFile, &m)
	return m, err
})

// Validate refuses a key the embedded default does not have (a misspelt
// key in an override) and an empty text.
func (m Messages) Validate() error {
	var def map[string]string
	if b, err := defaults.ReadFile(MessagesFile); err == nil {
		if err := yaml.Unmarshal(b, &def); err != nil {
			return err
		}
	}
	known := make([]string, 0, len(def))
	for k := range def {
		known = append(known, k)
	}
	slices.Sort(known)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if _, ok := def[k]; !ok {
			return &KeyError{Key: k, Known: known}
		}
		if strings.TrimSpace(m[k]) == "" {
			return &KeyError{Key: k, Detail: "is empty"}
		}
	}
	return nil
}

// Text is the wording of key with its placeholders filled; pairs are
// name, value, …. A key the file lacks gives the key itself and the pairs,
// so that nothing is lost.
func (m Messages) Text(key string, pairs ...string) string {
	s, ok := m[key]
	if !ok {
		s = key
		for i := 0; i+1 < len(pairs); i += 2 {
			s += " " + pairs[i] + "=" + pairs[i+1]
		}
		return s
	}
	return Fill(s, pairs...)
}

// Fill replaces each {name} in s by its value; pairs are name, value, ….
// Values are not scanned again, so a value holding "{dept}" stays as it
// is; a {name} with no value stays too.
func Fill(s string, pairs ...string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexByte(s, '}')
		matched := false
		if j > 0 {
			name := s[1:j]
			for k := 0; k+1 < len(pairs); k += 2 {
				if pairs[k] == name {
					b.WriteString(pairs[k+1])
					s = s[j+1:]
					matched = true
					break
				}
			}
		}
		if !matched {
			b.WriteByte('{')
			s = s[1:]
		}
	}
}

// BookTitles writes nested book-title marks as GB/T 15834 wants them: a
// title inside 《…》 takes 〈…〉, one inside that 《…》 again, so a filled
// 《{document}》 of 落实《政府工作报告》重点工作分工的意见 reads
// 《落实〈政府工作报告〉重点工作分工的意见》. Marks at the outer level are
// left as written, and a closing mark without its opening one too. It is
// the one rule for nested titles: apply it to text filled with a title.
func BookTitles(s string) string {
	if !strings.ContainsAny(s, "《〈") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var open []rune // the closing mark each open title takes
	for _, r := range s {
		switch r {
		case '《', '〈':
			if n := len(open); n > 0 {
				r = '《'
				if open[n-1] == '》' {
					r = '〈'
				}
			}
			closing := '》'
			if r == '〈' {
				closing = '〉'
			}
			open = append(open, closing)
		case '》', '〉':
			if n := len(open); n > 0 {
				r, open = open[n-1], open[:n-1]
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Date writes a date as 公文 do, with no leading zeros: 2022年3月1日.
// It is the one date formatter of the outputs.
func Date(t time.Time) string {
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

// Messager is an error that the clerk reads in the words of messages.yaml:
// Message gives its key and the values of its placeholders.
type Messager interface {
	error
	Message() (key string, pairs []string)
}

// Failure is an error worded by a key of messages.yaml. It wraps the Go
// error that code matches with errors.Is and errors.As, and its Error is
// that error's, so a library user and the logs see the same text as before.
type Failure struct {
	Key   string
	Pairs []string // name, value, …
	Err   error
}

// Fail wraps err as a Failure worded by key.
func Fail(key string, err error, pairs ...string) error {
	return &Failure{Key: key, Pairs: pairs, Err: err}
}

func (f *Failure) Error() string               { return f.Err.Error() }
func (f *Failure) Unwrap() error               { return f.Err }
func (f *Failure) Message() (string, []string) { return f.Key, f.Pairs }

// Message words a YAML error: "yaml.unknown_key" and so on, with {file},
// {line}, {key}, {suggest} and {detail}.
func (e *Error) Message() (string, []string) {
	key := "yaml.bad_value"
	switch e.Err {
	case ErrUnknownKey:
		key = "yaml.unknown_key"
		if e.Suggest != "" {
			key = "yaml.unknown_key_suggest"
		}
	case ErrSyntax:
		key = "yaml.syntax"
	case ErrInvalid:
		key = "yaml.invalid"
	}
	where := e.File
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	return key, []string{"where", where, "file", e.File, "line", strconv.Itoa(e.Line), "key", e.Key, "suggest", e.Suggest, "detail", e.Detail}
}

// Error words err for the clerk: the outermost Messager in its chain, else
// a missing or forbidden file by its path, else "failed" with the error's
// own (English) text.
func (m Messages) Error(err error) string {
	var msg Messager
	if errors.As(err, &msg) {
		key, pairs := msg.Message()
		return m.Text(key, pairs...)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return m.Text("file.not_found", "path", pe.Path)
		case errors.Is(err, fs.ErrPermission):
			return m.Text("file.permission", "path", pe.Path)
		}
		return m.Text("file.io", "path", pe.Path, "detail", pe.Err.Error())
	}
	return m.Text("failed", "detail", err.Error())
}
