package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seedPath = "../seeds/hunan-2022.txt"

func seedBytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseSeedAs(t testing.TB, name string, data []byte) *Document {
	t.Helper()
	txt, err := Read(name, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	d, err := Parse(txt, installedDirs(t))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return d
}

// installedDirs is what a run loads: the installed directories, of which
// each document takes the one that fits it, or none.
func installedDirs(t testing.TB) *Directory {
	t.Helper()
	d, err := LoadDirectory(nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func marshalDoc(t testing.TB, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./extract -update and review the diff", p)
	}
}

func TestSeedGolden(t *testing.T) {
	d := parseSeedAs(t, "hunan-2022.txt", seedBytes(t))
	golden(t, "hunan-2022.json", marshalDoc(t, d))
}

// The acceptance: 82 items, every clause, the 17 targets and no others.
func TestSeedAcceptance(t *testing.T) {
	d := parseSeedAs(t, "hunan-2022.txt", seedBytes(t))
	if len(d.Items) != 82 {
		t.Fatalf("got %d items, want 82", len(d.Items))
	}
	for i, it := range d.Items {
		if it.Number != i+1 {
			t.Errorf("item %d is numbered %d", i+1, it.Number)
		}
		wantSection := ""
		for _, s := range d.Sections {
			if s.FirstItem > 0 && it.Number >= s.FirstItem {
				wantSection = s.Number
			}
		}
		if it.Section != wantSection {
			t.Errorf("item %d: section %q, want %q", it.Number, it.Section, wantSection)
		}
		if inferred := it.Number >= 35; it.NumberInferred != inferred {
			t.Errorf("item %d: number_inferred %v", it.Number, it.NumberInferred)
		}
	}
	wantSections := []string{"六:43", "七:52", "八:58", "九:61", "十:69", "十一:76"}
	var gotSections []string
	for _, s := range d.Sections {
		gotSections = append(gotSections, fmt.Sprintf("%s:%d", s.Number, s.FirstItem))
	}
	if !reflect.DeepEqual(gotSections, wantSections) {
		t.Errorf("sections: got %v, want %v", gotSections, wantSections)
	}

	// every responsibility clause in the source closes exactly one task
	clauses := 0
	for _, l := range strings.Split(string(seedBytes(t)), "\n") {
		clauses += strings.Count(l, "负责)") + strings.Count(l, "牵头)")
	}
	if got := d.TaskCount(); got != clauses {
		t.Errorf("got %d tasks, the source has %d clauses", got, clauses)
	}
	for _, it := range d.Items {
		for _, tk := range it.Tasks {
			if len(tk.Lead)+len(tk.Co)+len(tk.Respective)+len(tk.Groups) == 0 && !tk.All {
				t.Errorf("task %s names nobody: %q", tk.ID, tk.Clause)
			}
			if strings.ContainsAny(tk.Text, "()（）") && strings.Contains(tk.Text, "负责") {
				t.Errorf("task %s keeps a clause in its text: %q", tk.ID, tk.Text)
			}
		}
	}

	want := []string{
		"2 地区生产总值 增长 >= 6.5 %", "2 规模工业增加值 增长 = 7.2 %", "2 固定资产投资 提高 = 7.5 %",
		"2 地方一般公共预算收入 增长 = 6 %", "2 居民消费价格 涨幅 ~ 3 %", "2 城镇新增就业  = 70 万人",
		"2 城镇调查失业率 控制在 <= 5.5 %", "2 粮食产量  >= 600 亿斤", "14 优势产业链 培优育强 = 22 个",
		"15 规模工业公司 净增 >= 1000 家", "15 高新技术企业 净增 >= 1000 家", "21 数字化的经济 增长 >= 15 %",
		"22 5G基站 新建 = 2.5 万个", "23 千亿园区 达到 >= 16 家", "23 技工贸总收入 突破 > 6.5 万亿元",
		"36 粮食播种面积 稳定在 ~ 7100 万亩", "36 产量  >= 600 亿斤",
	}
	var got []string
	for _, tg := range d.Targets {
		got = append(got, fmt.Sprintf("%d %s %s %s %g %s", tg.Item, tg.Indicator, tg.Verb, tg.Op, tg.Value, tg.Unit))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("targets:\n got %q\nwant %q", got, want)
	}

	lists := map[string]int{}
	for _, l := range d.Lists {
		lists[l.Name] = len(l.Members)
		if l.Declared != len(l.Members) {
			t.Errorf("list %s: declared %d, %d members", l.Name, l.Declared, len(l.Members))
		}
	}
	for _, name := range []string{"十大基础设施项目", "十大产业项目", "十大技术攻关项目", "十大民生实事"} {
		if lists[name] != 10 {
			t.Errorf("list %s: got %d members, want 10", name, lists[name])
		}
	}
	// all five of its named lists: 三大经济带 names its members first
	if len(d.Lists) != 5 || lists["三大经济带"] != 3 {
		t.Errorf("got %d lists %v, want the five of the seed", len(d.Lists), lists)
	}

	fin := d.Dept("省地方金融监督管理局")
	if fin == nil || !reflect.DeepEqual(fin.Aliases, []string{"省地方金融监管局"}) {
		t.Errorf("省地方金融监督管理局: got %+v, want the alias 省地方金融监管局 merged in", fin)
	}
	if d.Dept("省地方金融监管局") != nil || d.Dept("省退伍军人厅") != nil {
		t.Errorf("an alias is listed as a dept of its own")
	}
	for _, name := range []string{"长沙市人民政府", "株洲市人民政府", "湘潭市人民政府", "郴州市人民政府", "岳阳市人民政府", "湘西自治州人民政府"} {
		if d.Dept(name) == nil {
			t.Errorf("%s: missing; shared suffixes must be expanded", name)
		}
	}
	noWarning(t, d, "seed dept unknown to the default directory", "unknown-dept")
}

// GB18030, UTF-16, .docx and .html copies of the seed, made here, give the
// same items and targets as the UTF-8 text.
func TestSeedCopiesAgree(t *testing.T) {
	seed := seedBytes(t)
	want := parseSeedAs(t, "hunan-2022.txt", seed)
	lines := strings.Split(string(seed), "\n")
	copies := []struct {
		name string
		data []byte
	}{
		{"hunan-2022-gb18030.txt", toGB18030(string(seed))},
		{"hunan-2022-utf16.txt", toUTF16(string(seed), unicode.LittleEndian)},
		{"hunan-2022-crlf-bom.txt", append([]byte("\xef\xbb\xbf"), []byte(strings.ReplaceAll(string(seed), "\n", "\r\n"))...)},
		{"hunan-2022-fullwidth.txt", []byte(strings.NewReplacer("(", "（", ")", "）", ",", "，").Replace(string(seed)))},
		{"hunan-2022.docx", toDocx(lines)},
		{"hunan-2022.html", toHTML(lines)},
	}
	for _, c := range copies {
		t.Run(c.name, func(t *testing.T) {
			got := parseSeedAs(t, c.name, c.data)
			if !reflect.DeepEqual(itemsWithoutLines(got), itemsWithoutLines(want)) {
				t.Errorf("items differ from the UTF-8 seed")
			}
			if !reflect.DeepEqual(targetsWithoutLines(got), targetsWithoutLines(want)) {
				t.Errorf("targets differ: got %d, want %d", len(got.Targets), len(want.Targets))
			}
			if !reflect.DeepEqual(got.Depts, want.Depts) {
				t.Errorf("depts differ")
			}
		})
	}
}

// Line numbers of .docx and .html are paragraph numbers, so they are left
// out of the comparison.
func itemsWithoutLines(d *Document) []Item {
	out := make([]Item, len(d.Items))
	for i, it := range d.Items {
		it.Line = 0
		tasks := make([]Task, len(it.Tasks))
		for j, tk := range it.Tasks {
			tk.Line = 0
			tasks[j] = tk
		}
		it.Tasks = tasks
		out[i] = it
	}
	return out
}

func targetsWithoutLines(d *Document) []Target {
	out := append([]Target(nil), d.Targets...)
	for i := range out {
		out[i].Line = 0
	}
	return out
}

func FuzzParse(f *testing.F) {
	// short slices of the seed and the layouts, not whole lines: the fuzzer
	// mutates inputs of a few hundred bytes quickly and stalls on bigger ones
	for _, i := range []int{4, 6, 38, 39, 45, 72} {
		r := []rune(strings.Split(string(seedBytes(f)), "\n")[i])
		f.Add(string(r[:min(len(r), 90)]) + "\n" + string(r[max(0, len(r)-60):]))
	}
	for _, s := range []string{
		"1.推进工作。（省财政厅牵头）",
		"，推动建立“田长制”。（省自然资源厅、省农业农村厅分别负责）36\n（省农业农村厅牵头）坚决遏制。（",
		"（一）稳定增长。（牵头单位：省发展改革委；责任单位：省财政厅）\n牵头单位：\n责任单位：、、",
		"1.十大项目，即、、。①②③（各部门单位分别负责）六、标题",
		"1.增长6.5%—%以上。（（（（（）",
		"（一)000\n0%00000000位000000",
		"序号 | 工作任务 | 牵头单位 | 完成时限 |\n1.甲项目 | 新建5所 | 县教体局 | 12月 |\n2021.8 | 城投集团 | ||",
		"序号\n\n重点工作\n\n责任单位\n\n1\n\n新建2座天桥。\n\n县住建局\n\n9月底前",
		"县分解表 序号 工作任务 牵头单位\n1 增长7%. 发改局",
		"一、目標\n1.增長7%。【責任單位：市發改委、財政局】",
		"一、稳增长 1.甲。（县经信局牵头）2.乙。（县商务局牵头）",
		"二、卢山副省长牵头重点工作\n（一）甲。由市财政局、农业局负责落实。\n（二）乙。（分管副市长负责，市发改委牵头。列第一位的为牵头单位，下同）",
		// this stop's forms: sub-headings' clauses over items numbered
		// through, numeral section rows, two tables, bracketed headings,
		// bullets and dashes before labels, side-by-side clauses, leaders
		"（一）甲。牵头单位：区发改局\n1.乙6%。\n（二）丙\n牵头单位：区商务局\n2.丁。",
		"序号\t任务\t牵头单位\n一\t经济\t\n1\t增长6%\t市发改委\n附件2\n序号\t工作任务\t配合单位\n1\t甲\t市财政局",
		"序号\n任务\n牵头单位\n一\n经济发展\n1\n增长6%\n市发改委",
		"【稳增长】\n1.甲。（市发改委牵头）\n【返回顶部】",
		"1.甲。★牵头单位：市委改革办　●责任单位：市直各部门\n2.乙。\n——责任单位：市营商办\n[责任单位]县财政局",
		"1.甲。（牵头单位：市发改委）（责任单位：市财政局）\n责任领导：常务副市长 张三\n2.乙。主要负责单位：市农业农村局；协同单位：市水利局",
		"序号 主要指标 单位 2023年目标 责任单位\n1 地区生产总值增长 % 6左右 市发改委\n2 粮食产量 万吨 150以上 市农业农村局",
		"序号\t指标名称\t计量单位\t2023年目标\t责任单位\n1\t增长\t%\t6左右\t市发改委",
	} {
		f.Add(s)
	}
	dir := testDir(f)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(&Text{Name: "fuzz.txt", Lines: strings.Split(s, "\n")}, dir)
		s = strings.ToValidUTF8(s, "\uFFFD") // as Parse reads it
		if err != nil {
			return
		}
		ids := map[string]bool{}
		taskText := map[string]string{}
		for _, it := range d.Items {
			for _, tk := range it.Tasks {
				if ids[tk.ID] {
					t.Fatalf("duplicate task ID %q", tk.ID)
				}
				ids[tk.ID] = true
				taskText[tk.ID] = tk.Text
			}
		}
		for _, tg := range d.Targets {
			if !ids[tg.Task] {
				t.Fatalf("target in unknown task %q", tg.Task)
			}
			// a target may run across a line break inside its item (地区生产总值增长
			// / 6.5%以上, as text copied from a PDF wraps), never across anything else
			verbatim := false
			for _, sep := range []string{"", " "} { // " ": the boundary kept between two numbers
				var lines []string
				for _, l := range strings.Split(s, "\n") {
					// a paren left open at a line's end is dropped when lines
					// join; a blank line between an item's lines is not kept
					if l = strings.TrimRight(strings.TrimSpace(l), "(（ "); l != "" {
						lines = append(lines, l)
					}
				}
				joined := strings.Join(lines, sep)
				// as the join writes it: a space only where a number or a
				// Latin word would run on (joinsWord: 0 / 0, 0 / %, A / 1)
				var digits strings.Builder
				for i, l := range lines {
					if i > 0 && sep == " " && joinsWord(lines[i-1], l) {
						digits.WriteByte(' ')
					}
					digits.WriteString(l)
				}
				verbatim = verbatim || strings.Contains(joined, tg.Text) || strings.Contains(dropGlosses(joined), tg.Text) ||
					strings.Contains(strings.Join(strings.Split(s, "\n"), sep), tg.Text) || strings.Contains(digits.String(), tg.Text)
			}
			if !verbatim && inputPieces(taskText[tg.Task], s) > 1 && inputPieces(tg.Text, s) <= 4 {
				// a table's row is read as a clerk reads it, its cells
				// joined (its task is no one piece of the input either): an
				// indicator, its value, its unit and a bound (地区生产总值增长 |
				// % | 6左右 → 地区生产总值增长6%左右), each a piece of the input
				verbatim = true
			}
			if !verbatim {
				t.Fatalf("target text %q is not verbatim", tg.Text)
			}
			if strings.Contains(tg.Text, "\n") {
				t.Fatalf("target %q runs across lines", tg.Text)
			}
		}
		if _, err := json.Marshal(d); err != nil {
			t.Fatal(err)
		}
	})
}

// inputPieces is how many pieces of in, each the longest that fits, the
// text is made of; len(text)+1 when a rune of it is nowhere in in.
func inputPieces(text, in string) int {
	n := 0
	for text != "" {
		end := len(text)
		for end > 0 && !strings.Contains(in, text[:end]) {
			_, size := utf8.DecodeLastRuneInString(text[:end])
			end -= size
		}
		if end == 0 {
			return len(text) + 1
		}
		text, n = text[end:], n+1
	}
	return n
}

func BenchmarkExtractSeed(b *testing.B) {
	seed := seedBytes(b)
	dir := installedDirs(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(seed)))
	for b.Loop() {
		txt, err := Read("hunan-2022.txt", seed)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Parse(txt, dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseScaled shows that parsing grows linearly: n copies of the
// seed's items, renumbered.
func BenchmarkParseScaled(b *testing.B) {
	seedTxt, err := Read("hunan-2022.txt", seedBytes(b))
	if err != nil {
		b.Fatal(err)
	}
	dir := testDir(b)
	for _, n := range []int{1, 10, 100, 1000} {
		var lines []string
		for k := 0; k < n; k++ {
			for i, l := range seedTxt.Lines {
				if k > 0 && i < 4 {
					continue
				}
				lines = append(lines, l)
			}
		}
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(&Text{Name: "x", Lines: lines}, dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParse parses the seed (with the installed directories, as a run
// does), every corpus document, and hostile lines: a run of unmatched （,
// runs of numbers, of labels inside an open parenthesis and of colons, and
// a line of many clauses; each hostile case at two sizes, 4× apart, whose
// times must be about 4× apart.
func BenchmarkParse(b *testing.B) {
	dir := installedDirs(b)
	seed, err := Read("hunan-2022.txt", seedBytes(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("seed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse(seed, dir); err != nil {
				b.Fatal(err)
			}
		}
	})
	paths, _ := loadCorpus(b)
	var corpus []*Text
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		txt, err := Read(filepath.Base(p), data)
		if err != nil {
			b.Fatal(err)
		}
		corpus = append(corpus, txt)
	}
	b.Run("corpus", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, txt := range corpus {
				if _, err := Parse(txt, nil); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	for _, n := range []int{12_000, 48_000} {
		line := "1.甲" + strings.Repeat("（", n) + "。（省财政厅牵头）"
		b.Run(fmt.Sprintf("brackets-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Parse(&Text{Name: "x", Lines: []string{line}}, dir)
			}
		})
	}
	// lines that were quadratic: numbers with no mark between them (the
	// targets' phrase bounds; with notes closed between them, the search
	// for each note's opening), labels inside an open parenthesis (the
	// depth before each), colons with no label (the search for the next)
	for _, hostile := range []struct{ name, unit string }{{"percents", "6.5%"}, {"noted-percents", "甲）6.5%"}, {"open-labels", "（，牵头单位："}, {"colons", "："}} {
		for _, n := range []int{8_000, 32_000} {
			line := "1.甲" + strings.Repeat(hostile.unit, n)
			b.Run(fmt.Sprintf("%s-%d", hostile.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					Parse(&Text{Name: "x", Lines: []string{line}}, dir)
				}
			})
		}
	}
	// runs that were joined at the square of their length: label lines
	// merged into one clause, time-limit lines, deadlines beside a clause;
	// and labels whose values stand on the next line
	for _, hostile := range []struct{ name, head, line string }{
		{"label-lines", "1.甲。", "牵头单位：市发改委"},
		{"deadline-lines", "1.甲。\n牵头单位：市发改委", "完成时限：6月底"},
		{"label-values", "1.甲。", "牵头单位：\n市发改委"},
	} {
		for _, n := range []int{5_000, 20_000} {
			lines := strings.Split(hostile.head, "\n")
			for range n {
				lines = append(lines, strings.Split(hostile.line, "\n")...)
			}
			b.Run(fmt.Sprintf("%s-%d", hostile.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					Parse(&Text{Name: "x", Lines: lines}, dir)
				}
			})
		}
	}
	// names apart by 和 in one clause, and 和 inside names (splitNames)
	for _, n := range []int{8_000, 32_000} {
		line := "1.甲。（" + strings.Repeat("市甲局和乙和", n) + "负责）"
		b.Run(fmt.Sprintf("and-names-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Parse(&Text{Name: "x", Lines: []string{line}}, dir)
			}
		})
	}
	for _, n := range []int{8_000, 32_000} {
		line := "1.甲。（省财政厅牵头）" + strings.Repeat("（年内）", n)
		b.Run(fmt.Sprintf("deadlines-beside-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Parse(&Text{Name: "x", Lines: []string{line}}, dir)
			}
		})
	}
	// a wrapped document (unwrap): lines of one width that run on, joined
	// into paragraphs of at most wrapMaxJoin bytes
	for _, n := range []int{5_000, 20_000} {
		lines := make([]string, 0, n+1)
		lines = append(lines, "1.甲。（省财政厅牵头）")
		for range n {
			lines = append(lines, strings.Repeat("推进重大项目建设", 5))
		}
		b.Run(fmt.Sprintf("wrapped-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(&Text{Name: "x", Lines: lines}, dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// items with no unit, then one clause over them all (以上工作由…): the
	// warnings it voids are dropped once, not one by one
	for _, n := range []int{2_000, 8_000} {
		lines := make([]string, 0, n+1)
		for i := 1; i <= n; i++ {
			lines = append(lines, fmt.Sprintf("%d.推进第%d项工作。", i, i))
		}
		lines = append(lines, "以上工作由省财政厅牵头。")
		b.Run(fmt.Sprintf("above-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(&Text{Name: "x", Lines: lines}, dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, n := range []int{1_000, 4_000} {
		line := "1.甲" + strings.Repeat("推进。（省财政厅牵头，省商务厅配合）", n)
		b.Run(fmt.Sprintf("clauses-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(&Text{Name: "x", Lines: []string{line}}, dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Documents in other governments' formats: the State Council's (（一）
// sub-headings, deadlines inside clauses) and a city's (牵头单位：/责任单位：
// lines). Each is golden-tested as JSON; add a .txt to extend the set.
func TestOtherFormatsGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "formats", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no format samples: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := parseSeedAs(t, filepath.Base(f), b)
			for _, it := range d.Items {
				for _, tk := range it.Tasks {
					if len(tk.Lead)+len(tk.Co)+len(tk.Respective)+len(tk.Groups) == 0 && !tk.All {
						t.Errorf("task %s names nobody", tk.ID)
					}
				}
			}
			golden(t, filepath.Join("formats", strings.TrimSuffix(filepath.Base(f), ".txt")+".json"), marshalDoc(t, d))
		})
	}
}

// BenchmarkExtractSizes reads and parses the seed made 600 KB and 6 MB
// long, as text and as an HTML page: the time must grow with the size,
// no faster (issue: a clerk's paste of a big broken page).
func BenchmarkExtractSizes(b *testing.B) {
	seed := string(seedBytes(b))
	dir := installedDirs(b)
	for _, size := range []int{600 << 10, 6 << 20} {
		var sb strings.Builder
		for sb.Len() < size {
			sb.WriteString(seed)
		}
		text := sb.String()
		html := "<html><body><p>" + strings.ReplaceAll(text, "\n", "</p>\n<p>") + "</p></body></html>"
		for _, in := range []struct{ name, data string }{{"a.txt", text}, {"a.html", html}} {
			b.Run(fmt.Sprintf("%s-%dKB", in.name, size>>10), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(in.data)))
				for b.Loop() {
					txt, err := Read(in.name, []byte(in.data))
					if err != nil {
						b.Fatal(err)
					}
					if _, err := Parse(txt, dir); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
