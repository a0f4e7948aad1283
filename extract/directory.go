package extract

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"fengong/extract/orgname"
	"fengong/templates"
)

// DirectoryFile is the name of the dept directory inside a templates set.
const DirectoryFile = "depts.yaml"

// Directory is the list of canonical dept names, their kinds and aliases,
// in the official order (排序) that dept lists follow. The default ships
// embedded as templates/depts.yaml; users override it with their own.
type Directory struct {
	Kinds   []string   `yaml:"kinds"`
	Entries []DirEntry `yaml:"depts"`
	index   map[string]int
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

// LoadDirectory reads depts.yaml from the templates set (nil: defaults).
func LoadDirectory(ts *templates.Set) (*Directory, error) {
	if ts == nil {
		ts = templates.Default()
	}
	var d Directory
	if err := ts.Decode(DirectoryFile, &d); err != nil {
		return nil, err
	}
	if err := d.build(); err != nil {
		return nil, fmt.Errorf("%s: %w", ts.Origin(DirectoryFile), err)
	}
	msgs, err := LoadMessages(ts)
	if err != nil {
		return nil, err
	}
	d.msgs = msgs
	if d.vocab, err = LoadVocabulary(ts); err != nil {
		return nil, err
	}
	g, err := orgname.Load(ts)
	if err != nil {
		return nil, err
	}
	d.grammar = &bodyGrammar{g: g}
	return &d, nil
}

// ParseDirectory reads a dept directory in the depts.yaml format; origin
// names it in errors. Unknown keys are an error.
func ParseDirectory(data []byte, origin string) (*Directory, error) {
	var d Directory
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	if err := d.build(); err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	d.msgs = defaultMessages()
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
