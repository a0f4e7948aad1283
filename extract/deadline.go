package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Stage 8 (enrich) reads each task's time limit into a date: Task.Due and
// Task.Ongoing, from Task.Deadline as written, else from the task's text.
//
// A limit is read in the document's year (Document.Year); a limit that
// writes its own year (2023年6月底, 2021.12) keeps it, and 次年/明年 move the
// year on by one. Without a year, only limits that write their own year get
// a date. The readings, for a document of 2022:
//
//	6月底前, 6月底, 6月末, 6月份, 6月, 六月底     2022-06-30
//	11月前                                   2022-10-31 (before November begins)
//	10月中旬, 10月上旬, 10月初                    2022-10-20, 2022-10-10, 2022-10-10
//	10月1日前, 2022年12月31日                      the day written
//	三季度末, 第三季度, 3季度                      2022-09-30 (三季度前: 2022-06-30)
//	上半年 / 下半年, 年底前, 年内, 年末, 全年       2022-06-30 / 2022-12-31
//	2023年6月, 2023年底, 2023年, 2021.12          2023-06-30, 2023-12-31, 2023-12-31, 2021-12-31
//	次年6月底, 明年年底                           2023-06-30, 2023-12-31
//	持续推进, 长期坚持, “十四五”期间, 年内持续推进  ongoing, no date
//
// A limit naming several points (6月底前出台政策，年底前完成) is due at the
// latest. In a task's text only a point that closes with a text mark of
// grammar.yaml (…前, 年内) is a limit, and ongoing words are not read there:
// 持续推进 in a sentence is a verb, not a limit. The words are grammar.yaml's
// due section.

// dueWords are grammar.yaml's due section.
type dueWords struct {
	Ongoing   []string       `yaml:"ongoing"`
	Months    map[string]int `yaml:"months"`
	NextYear  []string       `yaml:"next_year"`
	TextMarks []string       `yaml:"text_marks"`

	words []string // Months' keys, longest first, then in byte order
	res   []*regexp.Regexp
}

const monthNum = `(\d{1,2}|十[一二]|[一二三四五六七八九十])`

// prepare builds the patterns of the points a limit can name, in the order
// they are tried: a span taken by one is not read again by the next.
func (d *dueWords) prepare() {
	d.words = d.words[:0]
	for w := range d.Months {
		d.words = append(d.words, w)
	}
	sort.Slice(d.words, func(i, j int) bool {
		if len(d.words[i]) != len(d.words[j]) {
			return len(d.words[i]) > len(d.words[j])
		}
		return d.words[i] < d.words[j]
	})
	next := quoteAll(d.NextYear)
	if next == "" {
		next = `\x{10FFFF}` // no word: a group that never matches
	}
	year := `(?:(\d{4})\s*年\s*|(` + next + `)\s*)?`
	words := quoteAll(d.words)
	if words == "" {
		words = `\x{10FFFF}`
	}
	d.res = []*regexp.Regexp{
		// 2022年12月31日, 10月1日前
		regexp.MustCompile(year + monthNum + `\s*月\s*(\d{1,2})\s*[日号]()(前)?`),
		// 2021.12, 2021-12-31
		regexp.MustCompile(`(\d{4})[.\-/]()(\d{1,2})(?:[.\-/](\d{1,2}))?()()`),
		// 三季度末, 第三季度, 2022年3季度
		regexp.MustCompile(year + `第?([一二三四1-4])\s*季度()(末|底)?(前)?`),
		// 6月底前, 2023年6月, 10月份, 10月中旬
		regexp.MustCompile(year + monthNum + `\s*月()(份|底|末|中旬|上旬|下旬|初)?(前)?`),
		// 年底前, 上半年, 2023年底, 次年年底
		regexp.MustCompile(`(?:(\d{4})\s*年?\s*|(` + next + `)\s*)?(` + words + `)()()(前)?`),
		// 2023年, 2025年前, 次年
		regexp.MustCompile(`(?:(\d{4})\s*年|(` + next + `))()()()(前)?`),
	}
}

func quoteAll(words []string) string {
	q := make([]string, 0, len(words))
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			q = append(q, regexp.QuoteMeta(w))
		}
	}
	return strings.Join(q, "|")
}

func (d *dueWords) check() error {
	for w, m := range d.Months {
		if m < 1 || m > 12 {
			return fmt.Errorf("due.months: %s: month %d is not 1 to 12", w, m)
		}
	}
	return nil
}

var cnMonth = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}

func monthOf(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return cnMonth[s]
}

// ReadDue reads a time limit as written into a date (YYYY-MM-DD) of the
// given year, or reports it ongoing. due is "" when the limit names no
// point that can be dated (year 0 and no year written, or no limit).
func (v *Vocabulary) ReadDue(limit string, year int) (due string, ongoing bool) {
	limit = strings.TrimSpace(limit)
	if limit == "" {
		return "", false
	}
	for _, w := range v.Due.Ongoing {
		if w != "" && strings.Contains(limit, w) {
			return "", true
		}
	}
	return v.latest(limit, year, false), false
}

// readDueText reads the limit a task's text states (6月底前完成…): only
// points closing with a text mark count.
func (v *Vocabulary) readDueText(text string, year int) string {
	return v.latest(text, year, true)
}

// latest is the latest date the points of s name, as YYYY-MM-DD.
func (v *Vocabulary) latest(s string, year int, marked bool) string {
	// a marked point holds a text mark: a text with none has no point to
	// read, and the patterns (which cannot skip ahead to a literal) are
	// not run over it
	if marked && !slices.ContainsFunc(v.Due.TextMarks, func(w string) bool { return w != "" && strings.Contains(s, w) }) {
		return ""
	}
	var best time.Time
	taken := make([]bool, len(s))
	for k, re := range v.Due.res {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if m[1] == m[0] || anyTaken(taken, m[0], m[1]) {
				continue
			}
			for i := m[0]; i < m[1]; i++ {
				taken[i] = true
			}
			if marked && !v.marked(s[m[0]:m[1]]) {
				continue
			}
			if t, ok := v.point(k, s, m, year); ok && t.After(best) {
				best = t
			}
		}
	}
	if best.IsZero() {
		return ""
	}
	return best.Format("2006-01-02")
}

func anyTaken(taken []bool, from, to int) bool {
	for i := from; i < to; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

// marked reports whether a point found in a task's text is a limit: it
// closes with a text mark or is one.
func (v *Vocabulary) marked(point string) bool {
	for _, w := range v.Due.TextMarks {
		if w != "" && (strings.HasSuffix(point, w) || strings.Contains(point, w) && len([]rune(w)) > 1) {
			return true
		}
	}
	return false
}

// point is the date one match of pattern k names. The groups of every
// pattern are: year, next-year word, the point (month, quarter, word or
// nothing), day, its qualifier (底, 中旬, 末…), 前.
func (v *Vocabulary) point(k int, s string, m []int, year int) (time.Time, bool) {
	g := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	y := year
	if w := g(1); w != "" {
		y, _ = strconv.Atoi(w)
	} else if g(2) != "" && year != 0 {
		y = year + 1
	}
	if y == 0 {
		return time.Time{}, false
	}
	before := g(6) != ""
	end := func(y, month int) time.Time { return time.Date(y, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC) }
	switch k {
	case 0: // a day
		month, day := monthOf(g(3)), atoi(g(4))
		if month < 1 || month > 12 || day < 1 || day > end(y, month).Day() {
			return time.Time{}, false
		}
		return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC), true
	case 1: // 2021.12, 2021-12-31
		month, day := atoi(g(3)), atoi(g(4))
		if month < 1 || month > 12 {
			return time.Time{}, false
		}
		if day >= 1 && day <= end(y, month).Day() {
			return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC), true
		}
		return end(y, month), true
	case 2: // a quarter
		q := strings.Index("一二三四", g(3))/len("一") + 1
		if n := atoi(g(3)); n > 0 {
			q = n
		}
		if before && g(5) == "" { // 三季度前: before the quarter begins
			return end(y, 3*q-3), true
		}
		return end(y, 3*q), true
	case 3: // a month
		month := monthOf(g(3))
		if month < 1 || month > 12 {
			return time.Time{}, false
		}
		switch g(5) {
		case "上旬", "初":
			return time.Date(y, time.Month(month), 10, 0, 0, 0, 0, time.UTC), true
		case "中旬":
			return time.Date(y, time.Month(month), 20, 0, 0, 0, 0, time.UTC), true
		case "":
			if before { // 11月前: before November begins (1月前: the year before's end)
				return end(y, month-1), true
			}
		}
		return end(y, month), true
	case 4: // a word of the year
		return end(y, v.Due.Months[g(3)]), true
	case 5: // a year alone
		return end(y, 12), true
	}
	return time.Time{}, false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// reYear finds the document's year in its title or opening: a year in the
// title (2022年政府工作报告), a date line (2022年2月10日), a sentence that
// opens with the year (2022年是…).
var (
	reYearIn   = lazyRE(`((?:19|20)\d{2})\s*年`)
	reDateLine = lazyRE(`^\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$`)
	reYearOpen = lazyRE(`^\s*((?:19|20)\d{2})\s*年(?:是|，|,|全[省市县区]|我[省市县区])`)
)

// year is the document's year: the title's, else its date line's, else
// the year a sentence of the opening starts with; 0 when none says.
func (p *parser) year(title string) int {
	if m := reYearIn.FindStringSubmatch(title); m != nil {
		return atoi(m[1])
	}
	for _, re := range []*lazyRegexp{reDateLine, reYearOpen} {
		for _, l := range p.preamble {
			if m := re.FindStringSubmatch(l); m != nil {
				return atoi(m[1])
			}
		}
	}
	return 0
}

// dues sets every task's Due and Ongoing: from its 完成时限 as written, else
// from its text.
func dues(d *Document, v *Vocabulary) {
	for i := range d.Items {
		for j := range d.Items[i].Tasks {
			t := &d.Items[i].Tasks[j]
			if t.Deadline != "" {
				t.Due, t.Ongoing = v.ReadDue(t.Deadline, d.Year)
				if t.Due != "" || t.Ongoing {
					continue
				}
			}
			t.Due = v.readDueText(t.Text, d.Year)
		}
	}
}
