package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"fengong/templates"
)

// GrammarFile holds the extractor's vocabulary inside a templates set.
const GrammarFile = "grammar.yaml"

// kept decoded (templates.Decoded)
var _ = templates.Decoded(GrammarFile, (*Vocabulary)(nil))

// Vocabulary is the extractor's vocabulary, read from
// templates/grammar.yaml: labels, role words, leader titles, group words,
// web-page noise, table column headers and stated conventions.
type Vocabulary struct {
	Labels        []vocabWord `yaml:"labels"`
	Roles         []vocabWord `yaml:"roles"`
	LeaderTitles  []string    `yaml:"leader_titles"`
	GroupWords    []string    `yaml:"group_words"`
	NoisePrefixes []string    `yaml:"noise_prefixes"`
	NoiseWords    []string    `yaml:"noise_words"`
	Columns       struct {
		Number   []string `yaml:"number"`
		Task     []string `yaml:"task"`
		Name     []string `yaml:"name"`
		Lead     []string `yaml:"lead"`
		Co       []string `yaml:"co"`
		Units    []string `yaml:"units"`
		Leader   []string `yaml:"leader"`
		Deadline []string `yaml:"deadline"`
		Place    []string `yaml:"place"`
		Progress []string `yaml:"progress"`
		// Measure are the headers of a column of measurement units,
		// matched whole.
		Measure []string `yaml:"measure"`
		// Other are the words of a column that is none of the above even
		// when it holds a word of one (任务来源, 目标类型).
		Other []string `yaml:"other"`
	} `yaml:"columns"`
	FirstIsLead []string `yaml:"first_is_lead"`
	// FirstWords followed closely by 为牵头 state the same convention.
	FirstWords []string `yaml:"first_words"`
	// OfMany in the sentence that states it limit it to tasks naming two
	// units or more (责任单位两个以上的，列第一者为牵头单位); without them the
	// first unit leads, alone too.
	OfMany []string `yaml:"first_of_many"`
	// StatedLeads are labels of units a notice may say lead
	// (各主要责任单位要充分发挥牵头抓总作用): then they do, in that document.
	StatedLeads []string         `yaml:"stated_leads"`
	statedLead  []*regexp.Regexp // each word of StatedLeads closely followed by 牵头 or 抓总
	// Same are the words that stand for the task before's units (同上).
	Same []string `yaml:"same"`
	// Requirements are the words of a heading over the notice's
	// requirements (工作要求), not tasks.
	Requirements []string `yaml:"requirements"`
	// Above are the words a clause governing the tasks before it opens
	// with (以上工作由…牵头).
	Above []string `yaml:"above"`
	// This are the words a clause about its own task may open with, before
	// a short subject and 由 (此项工作由…牵头).
	This []string `yaml:"this"`
	// Manner are the words between names and their role word that say
	// how, not who (市财政局按职责分别负责): dropped from the names; one of
	// Respective among them makes a co role respective.
	Manner struct {
		Words      []string `yaml:"words"`
		Respective []string `yaml:"respective"`
	} `yaml:"manner"`
	Targets struct {
		Openers []string `yaml:"openers"`
		Tails   []string `yaml:"tails"`
		Verbs   []string `yaml:"verbs"`
		// Actions open a phrase that names what the next phrase counts
		// (推进高标准农田建设，新建5万亩): dropped from the indicator.
		Actions []string `yaml:"actions"`
	} `yaml:"targets"`
	// Derived reads the labels Labels does not list by their parts
	// (总牵头单位, 配合落实单位): see derivedLabel.
	Derived struct {
		Ends []string `yaml:"ends"`
		Lead []string `yaml:"lead"`
		Co   []string `yaml:"co"`
	} `yaml:"derived_labels"`
	// DerivedRoles reads the role words Roles does not list by their
	// head (X牵头制定, Y配合开展): see roleSuffix.
	DerivedRoles struct {
		Lead []string `yaml:"lead"`
		Co   []string `yaml:"co"`
	} `yaml:"derived_roles"`
	// Deadlines are the words a time limit opens with besides dates
	// (年内, 上半年, 持续推进).
	Deadlines []string `yaml:"deadlines"`
	deadline  *regexp.Regexp
	unitsOnly map[string]bool // the role words marked units_only
	// Due holds the words a time limit is read into a date by
	// (deadline.go).
	Due dueWords `yaml:"due"`
}

type vocabWord struct {
	Word string `yaml:"word"`
	Role string `yaml:"role"`
	// UnitsOnly: a role word this common in prose (落实) closes a part
	// only after names of units or groups
	UnitsOnly bool `yaml:"units_only"`
}

// The label roles beyond the dept roles.
const (
	roleLeader   Role = "leader"
	roleDeadline Role = "deadline"
	roleClause   Role = "clause" // a label whose value is a clause
	// a label whose value names no unit responsible for the task:
	// 督办单位：市政府督查室 names the office that follows the task up
	roleNone Role = "none"
)

// LoadVocabulary reads grammar.yaml from the templates set (nil: the
// embedded default).
func LoadVocabulary(ts *templates.Set) (*Vocabulary, error) {
	if ts == nil {
		ts = templates.Default()
	}
	var v Vocabulary
	if err := ts.Decode(GrammarFile, &v); err != nil {
		return nil, err
	}
	if err := v.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", ts.Origin(GrammarFile), err)
	}
	v.prepare()
	return &v, nil
}

func (v *Vocabulary) check() error {
	for _, list := range [][]vocabWord{v.Labels, v.Roles} {
		for _, w := range list {
			switch Role(w.Role) {
			case RoleLead, RoleCo, RoleRespective, roleLeader, roleDeadline, roleClause, roleNone:
			default:
				return fmt.Errorf("%s: unknown role %q", w.Word, w.Role)
			}
			if strings.TrimSpace(w.Word) == "" {
				return fmt.Errorf("a word with role %q is empty", w.Role)
			}
		}
	}
	if len(v.Labels) == 0 || len(v.Roles) == 0 || len(v.Targets.Verbs) == 0 {
		return fmt.Errorf("labels, roles and target verbs must not be empty")
	}
	return v.Due.check()
}

// prepare sorts the word lists longest first, so the longest match wins,
// and builds the deadline pattern from the deadline words.
func (v *Vocabulary) prepare() {
	words := make([]string, len(v.Deadlines))
	for i, w := range v.Deadlines {
		words[i] = regexp.QuoteMeta(w)
	}
	alt := ""
	if len(words) > 0 {
		alt = "|" + strings.Join(words, "|")
	}
	v.Due.prepare()
	v.deadline = regexp.MustCompile(`^(?:\d{4}年)?(?:\d{1,2}月(?:底|中旬|上旬|下旬|末)?|(?:第)?[一二三四]季度|\d{4}年(?:底|末)?` + alt + `)`)
	for _, list := range [][]vocabWord{v.Labels, v.Roles} {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].Word) > len(list[j].Word) })
	}
	v.statedLead = make([]*regexp.Regexp, len(v.StatedLeads))
	for i, w := range v.StatedLeads {
		v.statedLead[i] = regexp.MustCompile(regexp.QuoteMeta(w) + `[^。；;，,]{0,12}(?:牵头|抓总)`)
	}
	v.unitsOnly = map[string]bool{}
	for _, w := range v.Roles {
		if w.UnitsOnly {
			v.unitsOnly[w.Word] = true
		}
	}
	for _, list := range []*[]string{&v.Columns.Number, &v.Columns.Task, &v.Columns.Name, &v.Columns.Lead, &v.Columns.Co, &v.Columns.Units, &v.Columns.Leader, &v.Columns.Deadline, &v.Columns.Place, &v.Columns.Progress} {
		sort.SliceStable(*list, func(i, j int) bool { return len((*list)[i]) > len((*list)[j]) })
	}
}

// defaultVocabulary is the embedded vocabulary, read once per process.
var defaultVocabulary = sync.OnceValue(func() *Vocabulary {
	v, err := LoadVocabulary(nil)
	if err != nil {
		panic("extract: embedded grammar.yaml: " + err.Error()) // a build defect, caught by the tests
	}
	return v
})

// labelAt matches a label at the start of s, followed by ：or : (or, for a
// unit or leader label, by 为: 牵头单位为市发改委). It returns the label's
// role and the byte length of label and colon.
func (v *Vocabulary) labelAt(s string) (Role, int) {
	if r, n := v.bracketLabel(s); r != "" {
		return r, n
	}
	// any short label ending in 领导 (牵头市领导：, 主要领导：) or in a
	// leader's title (县长：, 分管副县长：), looked for within its reach
	// only, not to the end of a long line
	if n := v.leaderLabel(s); n > 0 {
		return roleLeader, n
	}
	for _, l := range v.Labels {
		if strings.HasPrefix(s, l.Word) {
			rest := strings.TrimLeft(s[len(l.Word):], " \t")
			if len(rest) < len(s)-len(l.Word) && utf8.RuneCountInString(l.Word) >= 4 && Role(l.Role) != roleClause {
				// 牵头单位 市发改委: a table's label and value flattened
				// to one line, a space for the colon
				if r, _ := utf8.DecodeRuneInString(rest); unicode.Is(unicode.Han, r) {
					return Role(l.Role), len(s) - len(rest)
				}
			}
			if strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "为") && utf8.RuneCountInString(l.Word) >= 3 && Role(l.Role) != roleDeadline && Role(l.Role) != roleClause {
				_, size := firstRune(rest)
				return Role(l.Role), len(s) - len(rest) + size
			}
			if r, n := v.qualifiedLabel(Role(l.Role), rest); r != "" {
				return r, len(s) - len(rest) + n
			}
			if n := personsAfter(Role(l.Role), rest); n > 0 {
				return Role(l.Role), len(s) - len(rest) + n
			}
		}
	}
	// a label the list does not hold, read by its parts: 总牵头单位：
	if i := indexColon(s[:min(len(s), 3*maxDerivedLabel+1)]); i > 0 {
		if r := v.derivedLabel(s[:i]); r != "" {
			_, size := firstRune(s[i:])
			return r, i + size
		}
	}
	return "", 0
}

// leaderLabel returns the byte length of a label of leaders at the start
// of s and its colon, or 0: two to maxDerivedLabel Han characters closed
// by 领导 after a word of its own (牵头市领导) or by a leader's title
// (县长, 分管副县长, 常务副市长).
func (v *Vocabulary) leaderLabel(s string) int {
	i := indexColon(s[:min(len(s), 3*maxDerivedLabel+1)])
	if i <= 0 {
		return 0
	}
	head := s[:i]
	if !allHan(head) || utf8.RuneCountInString(head) < 2 {
		return 0
	}
	if !strings.HasSuffix(head, "领导") && !strings.HasSuffix(head, "责任人") && !strings.HasSuffix(head, "负责人") && !v.isLeader(head) || head == "领导" {
		return 0
	}
	_, size := firstRune(s[i:])
	return i + size
}

// taskLabel returns the byte length of a label of the task's own text at
// the start of s, with its colon (工作任务：, 主要目标：: a task column's
// header of four or more characters, as a record of label lines writes
// it), or 0.
func (v *Vocabulary) taskLabel(s string) int {
	for _, w := range v.Columns.Task {
		if utf8.RuneCountInString(w) >= 4 && strings.HasPrefix(s, w) {
			if r, size := utf8.DecodeRuneInString(s[len(w):]); r == '：' || r == ':' {
				return len(w) + size
			}
		}
	}
	return 0
}

// maxDerivedLabel is the longest label, in runes, read by its parts.
const maxDerivedLabel = 8

// derivedLabel reads a label that Labels does not list by its parts: a
// head of three to maxDerivedLabel Han characters that opens with a role
// word and ends in a kind of body (单位, 部门) is a lead label when it
// holds a lead word
// (总牵头单位, 主管部门), else a co label when it holds a co word
// (配合落实单位, 执行单位); else it is no label of a unit ("").
// derivedEnd reports whether s ends as a label read by its parts may
// (单位, 部门…): a label may end there, inside a line too.
func (v *Vocabulary) derivedEnd(s string) bool {
	return slices.ContainsFunc(v.Derived.Ends, func(e string) bool { return strings.HasSuffix(s, e) })
}

func (v *Vocabulary) derivedLabel(head string) Role {
	n := utf8.RuneCountInString(head)
	if n < 3 || n > maxDerivedLabel || !allHan(head) {
		return ""
	}
	if !v.derivedEnd(head) {
		return ""
	}
	// it opens with a role word (总 or 主要 aside), so that text glued to
	// a listed label (以上责任单位：) is not read as a label of its own
	open := strings.TrimPrefix(strings.TrimPrefix(head, "总"), "主要")
	opens := func(w string) bool { return strings.HasPrefix(open, w) }
	if !slices.ContainsFunc(v.Derived.Lead, opens) && !slices.ContainsFunc(v.Derived.Co, opens) {
		return ""
	}
	for _, list := range []struct {
		words []string
		role  Role
	}{{v.Derived.Lead, RoleLead}, {v.Derived.Co, RoleCo}} {
		if slices.ContainsFunc(list.words, func(w string) bool { return strings.Contains(head, w) }) {
			return list.role
		}
	}
	return ""
}

// personWords name the people a label may join to its units:
// 责任单位及责任人：市发改委 张三.
var personWords = []string{"责任人", "负责人", "责任领导", "联系人", "分管领导", "牵头领导"}

// personsAfter is the length of 及责任人： after a units label (a joiner, a
// person word, a colon) at the start of rest, or 0.
func personsAfter(role Role, rest string) int {
	if role != RoleLead && role != RoleCo && role != RoleRespective {
		return 0
	}
	r, size := utf8.DecodeRuneInString(rest)
	if !strings.ContainsRune("及和与/／、", r) {
		return 0
	}
	for _, w := range personWords {
		if after := rest[size:]; strings.HasPrefix(after, w) {
			if colon := after[len(w):]; strings.HasPrefix(colon, "：") || strings.HasPrefix(colon, ":") {
				_, c := firstRune(colon)
				return size + len(w) + c
			}
		}
	}
	return 0
}

// labelPersons reports whether s opens with a units label joined to people
// (责任单位及责任人：): its value names units and people both.
func (v *Vocabulary) labelPersons(s string) bool {
	for _, l := range v.Labels {
		if strings.HasPrefix(s, l.Word) && personsAfter(Role(l.Role), s[len(l.Word):]) > 0 {
			return true
		}
	}
	return false
}

// qualifiedLabel reads the parenthesis between a label and its colon,
// 责任单位（牵头）： or 牵头单位（责任人）：, at the start of rest, and returns
// the label's role and the length up to the colon's end. A role word in
// the parenthesis (牵头, 配合) is the role; anything else (责任人, 盖章)
// leaves the label's own.
func (v *Vocabulary) qualifiedLabel(role Role, rest string) (Role, int) {
	if !strings.HasPrefix(rest, "（") || role == roleClause {
		return "", 0
	}
	end := strings.Index(rest[:min(len(rest), len("（")+3*8+len("）"))], "）")
	if end < 0 {
		return "", 0
	}
	n := end + len("）")
	if !strings.HasPrefix(rest[n:], "：") && !strings.HasPrefix(rest[n:], ":") {
		return "", 0
	}
	_, size := firstRune(rest[n:])
	if role == RoleLead || role == RoleCo {
		for _, r := range v.Roles {
			if r.Word == rest[len("（"):end] && (Role(r.Role) == RoleLead || Role(r.Role) == RoleCo) {
				role = Role(r.Role)
				break
			}
		}
	}
	return role, n + size
}

// bracketLabel reads a label written in brackets at the start of s,
// （牵头单位）市发改委 (from 【牵头单位】), and returns its role and length. The
// label must be followed by a name: 市发改委（牵头）、 marks a name instead.
func (v *Vocabulary) bracketLabel(s string) (Role, int) {
	open, close := "（", "）"
	if strings.HasPrefix(s, "(") { // [责任单位], folded
		open, close = "(", ")"
	} else if !strings.HasPrefix(s, open) {
		return "", 0
	}
	// a label word is at most 8 characters: look no further for its
	// close, or a line of unclosed （ is searched to its end from each
	end := strings.Index(s[:min(len(s), len(open)+3*8+len(close))], close)
	if end < 0 || end > len(open)+3*8 {
		return "", 0
	}
	word := s[len(open):end]
	n := end + len(close)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if next == utf8.RuneError || strings.ContainsRune("、，,；;。 ）)（(：:", next) {
		return "", 0
	}
	for _, l := range v.Labels {
		if l.Word == word && Role(l.Role) != roleClause {
			return Role(l.Role), n
		}
	}
	if r := v.derivedLabel(word); r != "" {
		return r, n
	}
	if strings.HasSuffix(word, "领导") && utf8.RuneCountInString(word) <= 6 {
		return roleLeader, n
	}
	return "", 0
}

// roleSuffix finds the role word that closes part: 省财政厅牵头.
func (v *Vocabulary) roleSuffix(part string) (Role, string) {
	for _, r := range v.Roles {
		if strings.HasSuffix(part, r.Word) {
			return Role(r.Role), r.Word
		}
	}
	// a role word the list does not hold, read by its head: 牵头制定,
	// 配合开展 (a head word, then one to four Han characters)
	for _, list := range []struct {
		words []string
		role  Role
	}{{v.DerivedRoles.Lead, RoleLead}, {v.DerivedRoles.Co, RoleCo}} {
		for _, w := range list.words {
			i := strings.LastIndex(part, w)
			if i <= 0 {
				continue
			}
			tail := part[i+len(w):]
			if n := utf8.RuneCountInString(tail); n >= 1 && n <= 4 && allHan(tail) {
				return list.role, part[i:]
			}
		}
	}
	return "", ""
}

// allHan reports whether every character of s is a Han character.
func allHan(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return !unicode.Is(unicode.Han, r) })
}

// cutManner drops the manner words that end names (按职责, 分别, in any
// order) and reports whether one of them makes the role respective.
func (v *Vocabulary) cutManner(names string) (string, bool) {
	respective := false
	for cut := true; cut; {
		cut = false
		for _, w := range v.Manner.Words {
			if strings.HasSuffix(names, w) && len(names) > len(w) {
				names = strings.TrimSuffix(names, w)
				respective = respective || slices.Contains(v.Manner.Respective, w)
				cut = true
			}
		}
	}
	return names, respective
}

// listedRole reports whether word is one of Roles, not read by its head.
func (v *Vocabulary) listedRole(word string) bool {
	return slices.ContainsFunc(v.Roles, func(r vocabWord) bool { return r.Word == word })
}

func (v *Vocabulary) isLeader(name string) bool {
	for _, w := range v.LeaderTitles {
		if strings.HasSuffix(name, w) {
			return true
		}
		if i := strings.Index(name, w); i >= 0 && strings.Contains(w, "助理") {
			// 省长助理李四: the title, then the person's name
			if n := utf8.RuneCountInString(name[i+len(w):]); n >= 2 && n <= 3 && allHan(name[i+len(w):]) {
				return true
			}
		}
	}
	return false
}

func (v *Vocabulary) isGroupWord(name string) bool {
	for _, w := range v.GroupWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return strings.HasPrefix(name, "各")
}

func (v *Vocabulary) isNoise(l string) bool {
	// in brackets too, as a folded line has them: 【返回顶部】 → （返回顶部）
	inner := strings.TrimPrefix(l, "（")
	for _, p := range v.NoisePrefixes {
		if strings.HasPrefix(l, p) || strings.HasPrefix(inner, p) {
			return true
		}
	}
	for _, w := range v.NoiseWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// ofMany reports whether the first-is-lead convention s states holds only
// for two units or more.
func (v *Vocabulary) ofMany(s string) bool {
	for _, w := range v.OfMany {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (v *Vocabulary) firstIsLead(s string) bool {
	if !strings.Contains(s, "牵头") {
		return false // every stated form names 牵头
	}
	for _, w := range v.FirstIsLead {
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, w := range v.FirstWords {
		for rest := s; ; {
			i := strings.Index(rest, w)
			if i < 0 {
				break
			}
			rest = rest[i+len(w):]
			// 为 (or 的) within eight characters, with no mark before it,
			// then 牵头 within four more (为牵头, 为工作牵头单位; 由排名首位
			// 的部门牵头负责; not a label, 第一牵头单位: neither)
			near := rest[:min(len(rest), 3*8+len("为"))]
			for _, link := range []string{"为", "的"} {
				if j := strings.Index(near, link); j >= 0 && !strings.ContainsAny(near[:j], "，,。；;、：:（）()") {
					after := rest[j+len(link):]
					after = after[:min(len(after), 3*4+len("牵头"))]
					if k := strings.Index(after, "牵头"); k >= 0 && !strings.ContainsAny(after[:k], "，,。；;、：:（）()") {
						return true
					}
				}
			}
		}
	}
	return false
}

// aboveSubject is the length of the subject that opens a clause governing
// the tasks before it, 以上工作由 in 以上工作由市发改委牵头, or 0. The subject
// is short and unpunctuated, and closed by 由.
func (v *Vocabulary) aboveSubject(s string) int {
	return subjectLen(s, v.Above)
}

// subject is the length of the subject that opens a clause, 以上工作由 or
// 此项工作由, or 0.
func (v *Vocabulary) subject(s string) int {
	return max(subjectLen(s, v.Above), subjectLen(s, v.This))
}

// subjectLen is the length of one of words, a short unpunctuated subject
// and 由 at the start of s, or 0.
func subjectLen(s string, words []string) int {
	for _, w := range words {
		if !strings.HasPrefix(s, w) {
			continue
		}
		rest := s[len(w):]
		i := strings.Index(rest[:min(len(rest), 3*8+len("由"))], "由")
		if i < 0 || strings.ContainsAny(rest[:i], "，,、；;。：:（）() ") {
			return 0
		}
		return len(w) + i + len("由")
	}
	return 0
}

// isSame reports whether a name stands for the units of the task before:
// 同上.
func (v *Vocabulary) isSame(name string) bool {
	return slices.Contains(v.Same, name)
}

// isRequirements reports whether a heading's title names the notice's
// requirements: 工作要求, 有关要求.
func (v *Vocabulary) isRequirements(title string) bool {
	for _, w := range v.Requirements {
		if strings.Contains(title, w) && utf8.RuneCountInString(title) <= 2*utf8.RuneCountInString(w)+4 {
			return true
		}
	}
	return false
}

// leadLabel and coLabel are a label of the lead and of the co role as a
// label line writes it (牵头单位：, 配合单位：), to read a cell whose column
// gives its role.
func (v *Vocabulary) leadLabel() string { return v.labelOf(RoleLead) }
func (v *Vocabulary) coLabel() string   { return v.labelOf(RoleCo) }

func (v *Vocabulary) labelOf(role Role) string {
	for _, l := range v.Labels {
		if Role(l.Role) == role {
			return l.Word + "："
		}
	}
	return ""
}
