package extract

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"fengong/extract/orgname"
	"fengong/templates"
)

// DirectoryFile is the name of an office's own dept directory inside a
// templates set; DirectoriesDir holds the installed directories that a
// document chooses from.
const (
	DirectoryFile  = "depts.yaml"
	DirectoriesDir = "depts"
)

// kept decoded (templates.Decoded): each embedded directory
var _ = templates.Decoded(DirectoriesDir+"/", (*Directory)(nil))

// Directory is a list of canonical dept names, their kinds and aliases, in
// the official order (排序) that dept lists follow. A directory is
// optional: names are read by the built-in grammar of body names, and a
// directory adds what only an office knows (its own canonical spellings,
// merges such as a typo, its kinds and its order).
//
// LoadDirectory gives either one directory (an office's own depts.yaml) or
// the installed ones (templates/depts/*.yaml, such as hunan.yaml), of which
// Parse takes the one that fits the document: whose match words name the
// issuer, else the one that knows most of the document's names (at least
// ten), else none.
type Directory struct {
	// Name says what the directory lists (湖南省省直单位名录).
	Name string `yaml:"name"`
	// Match are words of the issuers it is for (湖南): a document whose
	// issuer holds one of them takes this directory.
	Match   []string   `yaml:"match"`
	Kinds   []string   `yaml:"kinds"`
	Entries []DirEntry `yaml:"depts"`
	index   map[string]int
	origin  string       // where it was read from
	choices []*Directory // installed directories to choose from; nil for one directory
	msgs    Messages     // warning wording, from the same templates set
	vocab   *Vocabulary  // the extractor's vocabulary, from the same set
	grammar *bodyGrammar // the grammar of body names, from the same set
}

// DirEntry is one dept of the directory.
type DirEntry struct {
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"`
	Aliases []string `yaml:"aliases"`
}

// LoadDirectory reads the dept directories of the templates set (nil: the
// embedded defaults), with the set's warning wording, vocabulary and
// grammar of body names.
func LoadDirectory(ts *templates.Set) (*Directory, error) {
	if ts == nil {
		ts = templates.Default()
	}
	d := &Directory{}
	if ts.Has(DirectoryFile) {
		if err := ts.Decode(DirectoryFile, d); err != nil {
			return nil, err
		}
		if err := d.build(); err != nil {
			return nil, fmt.Errorf("%s: %w", ts.Origin(DirectoryFile), err)
		}
		d.origin = DirectoryFile
	} else {
		for _, name := range ts.List(DirectoriesDir) {
			if path.Ext(name) != ".yaml" {
				continue
			}
			c := &Directory{}
			if err := ts.Decode(name, c); err != nil {
				return nil, err
			}
			if err := c.build(); err != nil {
				return nil, fmt.Errorf("%s: %w", ts.Origin(name), err)
			}
			c.origin = path.Base(name)
			d.choices = append(d.choices, c)
		}
		if d.choices == nil {
			d.choices = []*Directory{} // installed directories, none of them fits
		}
	}
	if err := d.useTemplates(ts); err != nil {
		return nil, err
	}
	return d, nil
}

// useTemplates gives d the set's warning wording, vocabulary and grammar of
// body names.
func (d *Directory) useTemplates(ts *templates.Set) error {
	msgs, err := LoadMessages(ts)
	if err != nil {
		return err
	}
	vocab, err := LoadVocabulary(ts)
	if err != nil {
		return err
	}
	// the default grammar of body names is built once per process
	// (defaultBodyGrammar): 0.4 ms, and the parser builds it anyway
	grammar := defaultBodyGrammar()
	if !ts.Embedded(orgname.File) {
		g, err := orgname.Load(ts)
		if err != nil {
			return err
		}
		grammar = &bodyGrammar{g: g}
	}
	d.share(msgs, vocab, grammar)
	return nil
}

func (d *Directory) share(msgs Messages, vocab *Vocabulary, g *bodyGrammar) {
	d.msgs, d.vocab, d.grammar = msgs, vocab, g
	for _, c := range d.choices {
		c.msgs, c.vocab, c.grammar = msgs, vocab, g
	}
}

// ParseDirectory reads a dept directory in the depts.yaml format, with the
// embedded wording and vocabulary; origin names it in errors. Unknown keys
// are an error naming the line.
func ParseDirectory(data []byte, origin string) (*Directory, error) {
	return ParseDirectoryWith(nil, data, origin)
}

// ParseDirectoryWith is ParseDirectory with the warning wording,
// vocabulary and grammar of the templates set ts (nil: the embedded
// defaults), as LoadDirectory has them: --depts-file with --templates.
func ParseDirectoryWith(ts *templates.Set, data []byte, origin string) (*Directory, error) {
	var d Directory
	if err := templates.DecodeFile(origin, data, &d); err != nil {
		return nil, err
	}
	if err := d.build(); err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	d.origin = path.Base(origin)
	if ts == nil {
		d.msgs = defaultMessages()
		return &d, nil
	}
	if err := d.useTemplates(ts); err != nil {
		return nil, err
	}
	return &d, nil
}

func (d *Directory) build() error {
	d.index = make(map[string]int, 2*len(d.Entries))
	for i, e := range d.Entries {
		if strings.TrimSpace(e.Name) == "" {
			return fmt.Errorf("dept %d has no name", i+1)
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if j, dup := d.index[n]; dup && j != i {
				return fmt.Errorf("%q is listed twice (as %q and %q)", n, d.Entries[j].Name, e.Name)
			}
			d.index[n] = i
		}
	}
	return nil
}

// Lookup returns the directory entry for a name or alias.
func (d *Directory) Lookup(name string) (DirEntry, int, bool) {
	if d == nil || d.index == nil {
		return DirEntry{}, 0, false
	}
	i, ok := d.index[name]
	if !ok {
		return DirEntry{}, 0, false
	}
	return d.Entries[i], i, true
}

// known reports whether the directory lists name, as a name or an alias.
func (d *Directory) known(name string) bool {
	_, _, ok := d.Lookup(name)
	return ok
}

// Origin is the file the directory was read from ("" for none).
func (d *Directory) Origin() string {
	if d == nil {
		return ""
	}
	return d.origin
}

// minCoverage is how many of a directory's names a document must use for
// the directory to be taken when no match word names the issuer.
const minCoverage = 10

// choose returns the directory for a document: d itself when it is one
// directory, else the installed one that fits (see Directory), else a
// directory with no entries.
func (d *Directory) choose(issuer string, lines []string) *Directory {
	if d == nil || d.choices == nil {
		return d
	}
	for _, c := range d.choices {
		for _, m := range c.Match {
			if m != "" && strings.Contains(issuer, m) {
				return c
			}
		}
	}
	var best *Directory
	bestN := 0
	text := strings.Join(lines, "\n")
	named := d.provincesNamed(lines)
	for _, c := range d.choices {
		if len(named) > 0 && !slices.ContainsFunc(c.Match, func(m string) bool { return slices.Contains(named, m) }) {
			continue // 安徽省人民政府…: not the Hunan directory, however many 省财政厅 it shares
		}
		limit := 2 * minCoverage
		if len(d.choices) == 1 {
			limit = minCoverage // one choice: enough is enough
		}
		if n := c.coverage(text, limit); n >= minCoverage && n > bestN {
			best, bestN = c, n
		}
	}
	if best != nil {
		return best
	}
	return &Directory{msgs: d.msgs, vocab: d.vocab, grammar: d.grammar}
}

// headLines are the lines read for the provinces a document names: its
// title and notice.
const headLines = 12

// provincesNamed lists the provinces the document's head names as such
// (安徽省, 内蒙古自治区, 重庆市; 湖南 alone too).
func (d *Directory) provincesNamed(lines []string) []string {
	g := d.grammar
	if g == nil {
		g = defaultBodyGrammar()
	}
	head := strings.Join(lines[:min(len(lines), headLines)], "\n")
	var out []string
	for _, p := range g.g.Provinces() {
		if strings.Contains(head, p) {
			out = append(out, p)
		}
	}
	return out
}

// coverage counts the entries the text names, up to limit.
func (d *Directory) coverage(text string, limit int) int {
	n := 0
	for _, e := range d.Entries {
		found := strings.Contains(text, e.Name)
		for _, a := range e.Aliases {
			if found {
				break
			}
			found = strings.Contains(text, a)
		}
		if found {
			if n++; n >= limit {
				break
			}
		}
	}
	return n
}

// TemplateFiles lists the files of a templates set that extraction reads:
// its vocabulary, the grammar of body names, the warning wording and the
// dept directories. A run hashes them to know when reuse is safe.
func TemplateFiles(ts *templates.Set) []string {
	if ts == nil {
		ts = templates.Default()
	}
	out := []string{GrammarFile, orgname.File, MessagesFile}
	if ts.Has(DirectoryFile) {
		return append(out, DirectoryFile)
	}
	for _, name := range ts.List(DirectoriesDir) {
		if path.Ext(name) == ".yaml" {
			out = append(out, name)
		}
	}
	return out
}
