package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The corpus (testdata/corpus, a copy of shared/corpus) holds real 分工
// documents of other governments with hand annotations. TestCorpus scores
// the extractor on them exactly as testdata/corpus/README.md says, prints
// the table, and fails below the floors.

// Floors of the corpus score. The bar is 0.95 mean, 0.9 per full
// document, 0.95 target recall and precision.
const (
	floorMeanF1    = 0.95
	floorDocF1     = 0.90
	floorTargetRec = 0.95
	floorTargetPre = 0.95
)

type goldDoc struct {
	Doc           string       `json:"doc"`
	Items         []goldItem   `json:"items"`
	Targets       []goldTarget `json:"targets"`
	Negatives     []string     `json:"negatives"`
	Dropped       []goldItem   `json:"dropped_items"`
	Borderline    []goldBorder `json:"borderline"`
	Supplementary bool         `json:"supplementary"`
}

type goldItem struct {
	Number  int        `json:"number"`
	Section string     `json:"section"`
	Tasks   []goldTask `json:"tasks"`
}

type goldTask struct {
	TextStart  string   `json:"text_start"`
	Lead       []string `json:"lead"`
	Co         []string `json:"co"`
	Respective []string `json:"respective"`
	Groups     []string `json:"groups"`
	All        bool     `json:"all"`
	Deadline   string   `json:"deadline"`
}

type goldTarget struct {
	Indicator string  `json:"indicator"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Op        string  `json:"op"`
}

type goldBorder struct {
	String string `json:"string"`
}

// corpusScore is one document's score.
type corpusScore struct {
	doc                    string
	supplementary          bool
	pairsGold, pairsOut    int
	pairsHit               int
	groupsGold, groupsHit  int
	targetsGold, targetOut int
	targetsHit, targetFP   int
	misses, extras         []string
}

func (s corpusScore) f1() float64 {
	if s.pairsGold == 0 && s.pairsOut == 0 {
		return 1
	}
	if s.pairsHit == 0 {
		return 0
	}
	p := float64(s.pairsHit) / float64(s.pairsOut)
	r := float64(s.pairsHit) / float64(s.pairsGold)
	return 2 * p * r / (p + r)
}

// foldKey folds the spellings a scorer must not tell apart: full- and
// half-width forms and spaces.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		if r == ' ' || r == '\u3000' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

type rolePair struct{ unit, role string }

// scoreCorpusDoc scores d against g, as the corpus README says.
func scoreCorpusDoc(g *goldDoc, d *Document) corpusScore {
	s := corpusScore{doc: g.Doc, supplementary: g.Supplementary}
	items := scoredItems(g, d)

	// dept-role pairs
	var gold []rolePair
	goldGroups := []string{}
	for _, it := range g.Items {
		for _, t := range it.Tasks {
			for _, x := range []struct {
				names []string
				role  string
			}{{t.Lead, "lead"}, {t.Co, "co"}, {t.Respective, "respective"}} {
				for _, n := range x.names {
					gold = append(gold, rolePair{foldKey(n), x.role})
				}
			}
			if t.All {
				gold = append(gold, rolePair{"*ALL*", "all"})
			}
			for _, n := range t.Groups {
				goldGroups = append(goldGroups, foldKey(n))
			}
		}
	}
	aliases := map[string][]string{}
	for _, dp := range d.Depts {
		aliases[dp.Name] = append([]string{foldKey(dp.Name)}, mapFold(dp.Aliases)...)
	}
	type outPair struct {
		accept []string
		role   string
		name   string
		used   bool
	}
	var out []*outPair
	var outGroups []string
	for _, it := range items {
		for _, t := range it.Tasks {
			for _, x := range []struct {
				names []string
				role  string
			}{{t.Lead, "lead"}, {t.Co, "co"}, {t.Respective, "respective"}} {
				for _, n := range x.names {
					acc := aliases[n]
					if acc == nil {
						acc = []string{foldKey(n)}
					}
					out = append(out, &outPair{accept: acc, role: x.role, name: n})
				}
			}
			if t.All {
				out = append(out, &outPair{accept: []string{"*ALL*"}, role: "all", name: "*ALL*"})
			}
			outGroups = append(outGroups, mapFold(t.Groups)...)
		}
	}
	s.pairsGold, s.pairsOut = len(gold), len(out)
	for _, gp := range gold {
		hit := false
		for _, op := range out {
			if !op.used && op.role == gp.role && contains(op.accept, gp.unit) {
				op.used, hit = true, true
				break
			}
		}
		if hit {
			s.pairsHit++
		} else {
			s.misses = append(s.misses, gp.role+":"+gp.unit)
		}
	}
	for _, op := range out {
		if !op.used {
			s.extras = append(s.extras, op.role+":"+op.name)
		}
	}
	// groups: recall only, as a bag
	s.groupsGold = len(goldGroups)
	left := append([]string(nil), outGroups...)
	for _, gg := range goldGroups {
		for i, og := range left {
			if og == gg {
				s.groupsHit++
				left = append(left[:i], left[i+1:]...)
				break
			}
		}
	}

	// targets
	var outT []Target
	keep := map[string]bool{}
	for _, it := range items {
		keep[it.Key] = true
	}
	for _, t := range d.Targets {
		if keep[t.ItemKey] {
			outT = append(outT, t)
		}
	}
	used := make([]bool, len(outT))
	s.targetsGold = len(g.Targets)
	for _, gt := range g.Targets {
		hit := false
		for i, ot := range outT {
			if !used[i] && targetMatches(gt, ot) {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			s.targetsHit++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("target:%s %s%v%s", gt.Indicator, gt.Op, gt.Value, gt.Unit))
		}
	}
	for i, ot := range outT {
		if used[i] || borderline(g, ot) {
			continue
		}
		s.targetOut++
		s.targetFP++
		s.extras = append(s.extras, fmt.Sprintf("target:%s", ot.Text))
	}
	s.targetOut += s.targetsHit
	return s
}

func mapFold(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = foldKey(s)
	}
	return out
}

// scoredItems drops the output items that stand for the gold's dropped
// items: everything after the item that holds the last complete gold
// task, when the gold drops items at the end of the text.
func scoredItems(g *goldDoc, d *Document) []Item {
	if len(g.Dropped) == 0 || len(g.Items) == 0 {
		return d.Items
	}
	lastItem := g.Items[len(g.Items)-1]
	start := foldKey(lastItem.Tasks[len(lastItem.Tasks)-1].TextStart)
	last := -1
	for i, it := range d.Items {
		for _, t := range it.Tasks {
			if strings.HasPrefix(foldKey(t.Text), start) || strings.HasPrefix(foldKey(it.Text), start) {
				last = i
			}
		}
	}
	if last < 0 {
		return d.Items
	}
	return d.Items[:last+1]
}

func targetMatches(g goldTarget, o Target) bool {
	if g.Value != o.Value || foldKey(g.Unit) != foldKey(o.Unit) {
		return false
	}
	switch {
	case g.Op == o.Op:
	case g.Op == OpAtLeast && o.Op == OpAbove:
	case g.Op == OpEqual && o.Op == "":
	default:
		return false
	}
	return shareBigram(g.Indicator, o.Indicator)
}

func shareBigram(a, b string) bool {
	ra := []rune(foldKey(a))
	fb := foldKey(b)
	for i := 0; i+1 < len(ra); i++ {
		if strings.Contains(fb, string(ra[i:i+2])) {
			return true
		}
	}
	return false
}

// borderline reports whether an output target is one of the numbers the
// gold neither credits nor penalises.
func borderline(g *goldDoc, t Target) bool {
	num := strconv.FormatFloat(t.Value, 'f', -1, 64)
	for _, b := range g.Borderline {
		if strings.Contains(foldKey(b.String), num+foldKey(t.Unit)) {
			return true
		}
	}
	return false
}

func loadCorpus(t testing.TB) (names []string, golds []*goldDoc) {
	t.Helper()
	files, err := filepath.Glob("testdata/corpus/gold/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus gold files: %v", err)
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldDoc
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		golds = append(golds, &g)
		names = append(names, filepath.Join("testdata/corpus/docs", g.Doc))
	}
	return names, golds
}

func TestCorpus(t *testing.T) {
	paths, golds := loadCorpus(t)
	var (
		sum               float64
		tGold, tHit, tOut int
		gGold, gHit       int
		table             strings.Builder
		failures          []string
	)
	fmt.Fprintf(&table, "%-48s %6s %5s %5s %5s %7s %7s\n", "document", "F1", "gold", "out", "hit", "targets", "groups")
	for i, p := range paths {
		g := golds[i]
		d, err := ParseFile(p, nil)
		var s corpusScore
		if err != nil {
			t.Errorf("%s: %v", p, err)
			s = corpusScore{doc: g.Doc, supplementary: g.Supplementary, pairsGold: 1, targetsGold: len(g.Targets)}
		} else {
			s = scoreCorpusDoc(g, d)
			checkCorpusDepts(t, g.Doc, d)
		}
		f1 := s.f1()
		sum += f1
		tGold += s.targetsGold
		tHit += s.targetsHit
		tOut += s.targetOut
		gGold += s.groupsGold
		gHit += s.groupsHit
		name := g.Doc
		if utf8.RuneCountInString(name) > 46 {
			name = string([]rune(name)[:46])
		}
		fmt.Fprintf(&table, "%-48s %6.3f %5d %5d %5d %3d/%-3d %3d/%-3d\n", name, f1, s.pairsGold, s.pairsOut, s.pairsHit, s.targetsHit, s.targetsGold, s.groupsHit, s.groupsGold)
		if testing.Verbose() {
			if len(s.misses) > 0 {
				fmt.Fprintf(&table, "    missed: %s\n", strings.Join(s.misses, " "))
			}
			if len(s.extras) > 0 {
				fmt.Fprintf(&table, "    extra:  %s\n", strings.Join(s.extras, " "))
			}
		}
		if !g.Supplementary && f1 < floorDocF1 {
			failures = append(failures, fmt.Sprintf("%s: F1 %.3f below %.2f", g.Doc, f1, floorDocF1))
		}
	}
	mean := sum / float64(len(paths))
	rec, pre := ratio(tHit, tGold), ratio(tHit, tOut)
	fmt.Fprintf(&table, "mean dept-role F1 %.3f; targets recall %.3f (%d/%d), precision %.3f (%d/%d); groups recall %.3f\n",
		mean, rec, tHit, tGold, pre, tHit, tOut, ratio(gHit, gGold))
	t.Log("\n" + table.String())
	if mean < floorMeanF1 {
		failures = append(failures, fmt.Sprintf("mean F1 %.3f below %.2f", mean, floorMeanF1))
	}
	if rec < floorTargetRec {
		failures = append(failures, fmt.Sprintf("target recall %.3f below %.2f", rec, floorTargetRec))
	}
	if pre < floorTargetPre {
		failures = append(failures, fmt.Sprintf("target precision %.3f below %.2f", pre, floorTargetPre))
	}
	for _, f := range failures {
		t.Error(f)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// checkCorpusDepts holds the dept rules on a corpus document: every dept
// the grammar reads carries no warning (an unknown dept is one it cannot
// read: here only the 区 of an item cut inside its unit), and no body is
// listed twice under two spellings.
func checkCorpusDepts(t *testing.T, doc string, d *Document) {
	g := defaultBodyGrammar()
	for _, dp := range d.Depts {
		if _, ok := g.g.Parse(dp.Name); ok == (dp.Kind == "其他") {
			t.Errorf("%s: %s parses %v but has kind %q", doc, dp.Name, ok, dp.Kind)
		}
	}
	for i, a := range d.Depts {
		for _, b := range d.Depts[i+1:] {
			if g.g.Same(a.Name, b.Name) {
				t.Errorf("%s: %s and %s are one body listed twice", doc, a.Name, b.Name)
			}
		}
	}
}
