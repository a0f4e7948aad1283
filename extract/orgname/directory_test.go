package orgname

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"gopkg.in/yaml.v3"
)

// hunanDirectory reads the seed's dept directory, wherever it lives.
func hunanDirectory(t *testing.T) (kinds []string, depts []hunanDept) {
	t.Helper()
	for _, path := range []string{"../../templates/depts.yaml", "../../templates/depts/hunan.yaml"} {
		b, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Kinds []string    `yaml:"kinds"`
			Depts []hunanDept `yaml:"depts"`
		}
		if err := yaml.Unmarshal(b, &d); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return d.Kinds, d.Depts
	}
	t.Skip("no Hunan directory")
	return nil, nil
}

type hunanDept struct {
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"`
	Aliases []string `yaml:"aliases"`
}

// hunanKinds maps the Hunan directory's kinds to the grammar's.
var hunanKinds = map[string]string{
	"省委部门":   "党委部门",
	"省直部门":   "政府部门",
	"中央驻湘单位": "垂直管理单位",
	"群团组织":   "群团组织",
	"事业单位":   "事业单位",
	"企业":     "企业",
	"功能区":    "功能区",
	"市州政府":   "下级政府",
}

// kindExceptions are the directory's kinds the grammar does not give, with
// the reason.
var kindExceptions = map[string]string{
	"省政府征兵办":        "the directory files it under 省委部门; the grammar reads 政府 + 征兵办, a government body",
	"省长株潭一体化发展事务中心": "an unknown stem with 中心: 事业单位 by its suffix; the directory counts it among 省直部门",
	"省农村信用联社":       "a financial enterprise to the grammar; the directory counts it among 省直部门",
}

// aliasExceptions are the directory's aliases that are not spelling
// variants: merges only a directory can know.
var aliasExceptions = map[[2]string]string{
	{"省退役军人厅", "省退伍军人厅"}: "a typo: 退伍 is not 退役",
}

// TestDirectory parses every name of the Hunan directory: each must parse,
// with the directory's kind (mapped), and each alias must be Same as its
// name; distinct directory entries must not be Same.
func TestDirectory(t *testing.T) {
	g := load(t)
	kinds, depts := hunanDirectory(t)
	for _, k := range kinds {
		if _, ok := hunanKinds[k]; !ok {
			t.Errorf("directory kind %q is not mapped", k)
		}
	}
	mismatches := 0
	for _, d := range depts {
		n, ok := g.Parse(d.Name)
		if !ok {
			t.Errorf("Parse(%q): not a name", d.Name)
			continue
		}
		if want := hunanKinds[d.Kind]; n.Kind != want {
			if _, known := kindExceptions[d.Name]; !known {
				t.Errorf("Parse(%q).Kind = %q, directory says %q (%s)", d.Name, n.Kind, d.Kind, want)
			}
			mismatches++
		}
		for _, a := range d.Aliases {
			if _, known := aliasExceptions[[2]string{d.Name, a}]; known {
				if g.Same(d.Name, a) {
					t.Errorf("Same(%q, %q): listed as an exception but the grammar merges them", d.Name, a)
				}
				continue
			}
			if !g.Same(d.Name, a) {
				t.Errorf("Same(%q, %q) = false, the directory's alias", d.Name, a)
			}
		}
	}
	if mismatches != len(kindExceptions) {
		t.Errorf("%d kind mismatches, %d listed", mismatches, len(kindExceptions))
	}
	for i, a := range depts {
		for _, b := range depts[i+1:] {
			if g.Same(a.Name, b.Name) {
				t.Errorf("Same(%q, %q) = true, two entries of the directory", a.Name, b.Name)
			}
		}
	}
	t.Logf("%d directory names, %d kind mismatches listed", len(depts), mismatches)
}

// TestCorpusUnits parses every unit of the corpus gold: each must parse, and
// no two units of one document may be Same.
func TestCorpusUnits(t *testing.T) {
	g := load(t)
	files, err := filepath.Glob("../testdata/corpus/gold/*.json")
	if err != nil || len(files) == 0 {
		t.Skip("no corpus")
	}
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Items []struct {
				Tasks []struct {
					Lead       []string `json:"lead"`
					Co         []string `json:"co"`
					Respective []string `json:"respective"`
					Groups     []string `json:"groups"`
				} `json:"tasks"`
			} `json:"items"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		units := map[string]bool{}
		for _, it := range doc.Items {
			for _, tk := range it.Tasks {
				for _, list := range [][]string{tk.Lead, tk.Co, tk.Respective} {
					for _, u := range list {
						units[u] = true
					}
				}
				for _, grp := range tk.Groups {
					if n, ok := g.Parse(grp); ok {
						t.Errorf("%s: group %q parses as %+v", filepath.Base(f), grp, n)
					}
				}
			}
		}
		names := make([]string, 0, len(units))
		for u := range units {
			names = append(names, u)
		}
		sort.Strings(names)
		for i, u := range names {
			total++
			if _, ok := g.Parse(u); !ok {
				t.Errorf("%s: unit %q does not parse", filepath.Base(f), u)
			}
			for _, v := range names[i+1:] {
				if g.Same(u, v) {
					t.Errorf("%s: units %q and %q are Same", filepath.Base(f), u, v)
				}
			}
		}
	}
	t.Logf("%d corpus units", total)
}
