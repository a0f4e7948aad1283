package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	reNumber = lazyRE(`\d+(?:\.\d+)?`)
	// a measurement unit right after a number (unitWords), with its 万 or
	// 亿 before it
	reUnit = lazyRE(`^(?:%|％|‰|个百分点|[万亿千百]{0,3}(?:` + alternatives(unitWords) + `)(?:/(?:` + alternatives(perWords) + `))?|[万亿]{1,2})`)
	// a second number closing a range: 7.5%—8%
	reRangeEnd = lazyRE(`^ ?(?:—|－|-|～|~|至|到) ?(\d+(?:\.\d+)?)`)
)

// unitWords are the units a target's value is counted in. Years, months,
// days, hours and minutes (年 月 天 日 小时 分钟), editions (届), ranks (强)
// and the G of 5G are deliberately absent: a number before them is a
// date, a deadline or a name (30日前, 24小时内办结, 15分钟生活圈, 第十届,
// 5G基站), not a target. 次 counts after a number only: 第1次 is an
// ordinal (numberStandsAlone).
var unitWords = []string{
	"个工作日", "工作日", "个月", "人次", "人", "美元", "元", "公斤", "斤",
	"吨", "吨公里", "吨标准煤", "亩", "个", "家", "户", "户次", "套", "所", "座",
	"项", "条", "公里", "千米", "米", "辆", "台", "张", "处", "名", "千瓦时",
	"千瓦", "兆瓦", "立方米", "平方米", "平方公里", "公顷", "千公顷", "标箱",
	"件", "册", "部", "场", "场次", "份", "头", "床", "艘", "架", "架次", "列",
	"批", "间", "栋", "只", "株", "棵", "支", "穴", "微克/立方米", "微克每立方米",
	"例", "次", "岁", "笔", "篇", "期", "宗", "班次", "批次", "延长米", "位",
	"吨/日", "立方米/日", "层",
}

// perWords are what a rate counts per, after a slash: 4批次/千人,
// 30张/万人, 300元/人, 50元/亩 (吨/日 and 立方米/日 are unitWords of their
// own).
var perWords = []string{"千人", "万人", "十万人", "百万人", "平方公里", "百平方公里", "公顷", "千户", "百户", "万户",
	"人", "户", "人·月", "人·年", "人月", "人年", "月", "年", "亩", "吨", "床", "天"}

// alternatives is a regexp alternation of words, longest first, so that
// 场次 is read whole rather than as 场 (Go's alternation takes the first
// that matches, not the longest).
func alternatives(words []string) string {
	ws := slices.Clone(words)
	slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(ws, "|")
}

// The words of targets (openers such as 力争, the words between an
// indicator and its verb such as 全年, and the verbs) are in
// templates/grammar.yaml, under targets.

// findTargets finds the quantitative targets in every task's text, and
// in the headings over them: a heading that states its section's goals
// (一、…新建改造公路285公里，新建农村招呼站500个；…) gives them to the
// first task under it, where a clerk reads them with the section.
func findTargets(items []Item, sections []Section, v *Vocabulary) []Target {
	var out []Target
	first := map[string]*Item{} // by section: the first item under it
	for i := range items {
		if it := &items[i]; it.Section != "" && first[it.Section] == nil {
			first[it.Section] = it
		}
	}
	heads := map[*Item][]Section{} // the headings with a number over each first item
	for _, s := range sections {
		if it := first[s.Number]; it != nil && len(it.Tasks) > 0 && it.Line != s.Line && strings.ContainsFunc(s.Title, unicode.IsDigit) {
			heads[it] = append(heads[it], s)
		}
	}
	for i := range items {
		for _, s := range heads[&items[i]] {
			out = appendTargets(out, s.Title, foldLines([]string{s.Title})[0], &items[i], items[i].Tasks[0].ID, s.Line, v)
		}
		for j := range items[i].Tasks {
			t := &items[i].Tasks[j]
			out = appendTargets(out, t.Text, t.fold, &items[i], t.ID, t.Line, v)
		}
	}
	return out
}

// appendTargets appends the targets of text, written as raw (fold is
// raw folded when that differs, else ""), of the task id of item it.
func appendTargets(out []Target, raw, fold string, it *Item, id string, line int, v *Vocabulary) []Target {
	text := raw
	if fold != "" && fold != raw && len(fold) == len(raw) {
		text = fold
	} else {
		fold = ""
	}
	for _, tg := range targetsWith(text, v) {
		tg.Item, tg.ItemKey, tg.Task, tg.Line = it.Number, it.Key, id, line
		if fold != "" {
			// as written: the spans of the text the fold was made from
			span := tg.Text
			if i := strings.Index(span, tg.Verb); tg.Verb != "" && i >= 0 {
				tg.Verb = twin(text, raw, span[i:i+len(tg.Verb)])
			} else {
				tg.Verb = twin(text, raw, tg.Verb) // the verb of the value before (分別增長8%和9%)
			}
			tg.Text, tg.Indicator = twin(text, raw, span), twin(text, raw, tg.Indicator)
			tg.Unit = twin(text, raw, tg.Unit) // 億元 as written, not 亿元
		}
		out = append(out, tg)
	}
	return out
}

// targetsIn finds the targets in one text, in order.
func targetsIn(s string) []Target { return targetsWith(s, defaultVocabulary()) }

// targetsWith finds the targets in one text with the vocabulary's words.
func targetsWith(s string, v *Vocabulary) []Target {
	var out []Target
	prevVerb, prevEnd, prevPos := "", -1, -1
	prevIndicator, prevSentence := "", -1
	// the values just before, each joined to the next (分别增长8%和9%以上),
	// whose op is their verb's: a bound after the last is every one's
	var verbOps []int
	locs := reNumber.FindAllStringIndex(s, -1)
	// for quoted and basisNote (a byte search each: ContainsAny decodes
	// every rune when its set is not ASCII)
	quotes := strings.Contains(s, "“") || strings.Contains(s, "《")
	parens := strings.Contains(s, "（") || strings.IndexByte(s, '(') >= 0
	bd := bounds{s: s, sentence: -1, chunk: -1}
	for k := 0; k < len(locs); k++ {
		a, b := locs[k][0], locs[k][1]
		figure := s[a:b]
		if k+1 < len(locs) && locs[k+1][0] == b+len(". ") && strings.HasPrefix(s[b:], ". ") && !strings.Contains(figure, ".") &&
			(strings.HasPrefix(s[locs[k+1][1]:], "%") || strings.HasPrefix(s[locs[k+1][1]:], "个百分点")) {
			// 3. 3%: a rate a page's conversion split with a space (not
			// 1. 20个乡镇, a point's number before a count)
			k++
			figure += "." + s[locs[k][0]:locs[k][1]]
			b = locs[k][1]
		}
		if !numberStandsAlone(s, a, b) {
			continue
		}
		pos := b
		op := symbolOp(s[:a]) // ≥79.2岁: the op written as a sign before the value
		if strings.HasPrefix(s[pos:], "多") || strings.HasPrefix(s[pos:], "余") {
			op = OpAbove
			pos += len("多")
		}
		unit := reUnit.FindString(s[pos:])
		if m := reRangeEnd.FindStringSubmatchIndex(s[pos:]); unit == "" && m != nil && op == "" {
			// 增长6-7%, 6～7%: a range whose unit closes it, kept by its
			// lower bound as an at-least target
			if u := reUnit.FindString(s[pos+m[1]:]); u != "" {
				unit, op = u, OpAtLeast
				pos += m[1]
				k = numberBefore(locs, k, pos)
			}
		}
		if unit == "" && len(figure) <= 2 && durationValue(s[:a], s[pos:]) {
			unit = "年" // 平均受教育年限达到15年: a length of years, not a date
		}
		if unit == "" && daysValue(s[:a], s[pos:]) {
			unit = "天" // 空气质量优良天数达到300天, 不少于202天: a count of days, not a time limit
		}
		if unit == "" && !indexValue(s[:a]) {
			continue
		}
		pos += len(unit)
		if strings.Trim(unit, "万亿") == "" && op == "" {
			// 1亿多元, 1万余人: more than the magnitude, of the unit after
			for _, more := range []string{"多", "余"} {
				if rest, ok := strings.CutPrefix(s[pos:], more); ok {
					if u := reUnit.FindString(rest); u != "" && strings.Trim(u, "万亿千百") != "" {
						unit, op = unit+u, OpAbove
						pos += len(more) + len(u)
					} else {
						// 275万多城乡低保对象: more than 275万 of them
						op = OpAbove
						pos += len(more)
					}
					break
				}
			}
		}
		if m := reRangeEnd.FindStringSubmatchIndex(s[pos:]); m != nil {
			// a range: keep the lower bound, as an at-least target
			pos += m[1]
			pos += len(reUnit.FindString(s[pos:]))
			op = OpAtLeast
			k = numberBefore(locs, k, pos)
		}
		if prev, _ := utf8.DecodeLastRuneInString(s[:a]); unit == "位" && (prev == '前' || prev == '后') {
			continue // 居全省前3位: a rank, not a count
		}
		if unit == "岁" && pos < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[pos:]); unicode.Is(unicode.Han, r) && r != '以' {
				continue // 0-3岁婴幼儿, 不满18岁的家庭: whom it is about, not a target
			}
		}
		if strings.HasPrefix(s[pos:], "级") || quotes && quoted(s, a) {
			continue // 20亿级项目, “1个政策”, 《10条措施》: part of a name
		}
		if parens && basisNote(s, a) || strings.HasPrefix(strings.TrimPrefix(s[pos:], "的"), "平均水平") {
			continue // （依据上年实际…）, 高于省、市7.5%平均水平: a reference, not a target
		}
		bound := false   // 以上 or 以下 after the value
		boundOp := false // a bound word after the value set op
		for _, m := range []struct{ word, op string }{{"以上", OpAtLeast}, {"以内", OpAtMost}, {"以下", OpAtMost}, {"左右", OpAbout}, {"上下", OpAbout}} {
			if strings.HasPrefix(s[pos:], m.word) {
				op, boundOp = m.op, true
				pos += len(m.word)
				bound = m.word == "以上" || m.word == "以下"
				break
			}
		}
		bd.upTo(a)
		start, end := phraseFrom(s, bd.chunkStart(), a), bd.chunkEnd(pos)
		end = modifiersEnd(s, pos, end)
		start = noteStart(s, start, a)
		if strings.TrimSpace(s[start:a]) != "" {
			if ls := listStart(s, start); plausibleIndicator(s[ls:a]) {
				start = ls
			}
		}
		// 分别增长6%和7%: a second value joined to the one before it by 和,
		// 及 or 与, of the same verb and indicator (as after 、)
		joined := prevPos >= 0 && a > prevPos && slices.Contains([]string{"和", "及", "与"}, s[prevPos:a])
		thingJoined := false
		if joined {
			start = a
		} else if prevPos > start && a > prevPos && countedJoin(s[prevPos:a]) {
			// 完成34个国家级生态镇、54个省级生态镇和517个…: the counted
			// thing of the value before and a 和: this value's phrase
			// starts after them, with the verb before
			start, joined = a, true
		} else if prevPos > start && a > prevPos {
			if w := joinedThing(s[prevPos:a]); w > 0 {
				// 新建学校5所和幼儿园8所: a 和 after the value before, then
				// this value's thing; the verb before is its verb
				start, thingJoined = prevPos+w, true
			}
		}
		if m := rePointNumber.FindStringIndex(s[start:a]); m != nil {
			start += m[1] // 1.抓好600个…: a point's number, glued after a heading
		}
		before := s[start:a]
		if op != "" {
			before = strings.TrimRight(trimSign(before), " ")
		}
		opening := start // before the openers trimmed off: where the phrase begins
		// leading words that are not part of the indicator
		for trimmed := true; trimmed; {
			trimmed = false
			for _, w := range v.Targets.Openers {
				if strings.HasPrefix(before, w) && len(before) > len(w) {
					before = before[len(w):]
					start += len(w)
					trimmed = true
				}
			}
		}
		if rest, ok := strings.CutPrefix(before, "共"); ok && slices.ContainsFunc(v.Targets.Verbs, func(w string) bool { return strings.HasPrefix(rest, w) }) {
			before, start = rest, start+len("共") // 共新建学校5所 (not 共享单车)
		}
		opened := slices.Contains(v.Targets.Openers, before) // ，力争7%: an opener alone
		if opened {
			before, start = "", start+len(before)
		}
		if strings.HasPrefix(before, "约") {
			before, start = before[len("约"):], start+len("约")
			if op == "" {
				op = OpAbout
			}
		}
		for _, w := range []string{"至少", "最少"} {
			// 至少新建学校5所: a floor, as 不少于 is
			if rest, ok := strings.CutPrefix(before, w); ok && rest != "" {
				before, start = rest, start+len(w)
				if op == "" {
					op = OpAtLeast
				}
			}
		}
		if m := reLeadingYear.FindString(before); m != "" && len(m) < len(before) && !strings.ContainsAny(before[len(m):], "0123456789") {
			if r, _ := firstRune(before[len(m):]); !strings.ContainsRune("底末前内上下", r) {
				before, start = before[len(m):], start+len(m) // 2016年安排资金500亿元: the year, no part of what
			}
		}
		if strings.HasSuffix(before, "约") { // 减税退税约2.5万亿元
			before = strings.TrimSuffix(before, "约")
			if op == "" {
				op = OpAbout
			}
		}
		// a preposition or an 等 before the number: the indicator follows it
		// (对人民中路等3条城区道路, 在50所学校食堂)
		etc := strings.HasSuffix(before, "等")
		for _, w := range []string{"在", "对", "为", "向", "从", "把"} {
			if strings.HasPrefix(before, w) {
				before, start = before[len(w):], start+len(w)
				break
			}
		}
		if countsAbove(before, unit) {
			continue // 以上8项目标: the items above, counted
		}
		if countBefore(before) {
			continue // 完成1个100亿元以上招商引资任务: the size of the things counted
		}
		if strings.Contains(s[opening:a], "一批") && strings.HasPrefix(s[pos:], "的") {
			continue // 培育一批超100亿元的产业集群: a batch of things of that size, not a target
		}
		if countsWork(unit, s[pos:]) || lastYear(before) {
			continue // 等3项指标, 办好11项为民办实事项目; 去年新开工200个项目
		}
		if packageCount(unit, before, s[pos:]) {
			continue // 落实好提振市场信心90条措施: the measures of a package in force, counted
		}
		if entitlement(before) || strings.HasPrefix(s[pos:], "的标准") || strings.HasPrefix(s[pos:], "的补助标准") {
			continue // 最高不超过15万元, 按6个月的…, 每院5万元的标准: a rule of a policy, not a target
		}
		clause := s[pos:phraseTo(s, pos)] // what follows the value, a phrase's length at most
		if projectCapacity(unit, clause) {
			continue // 抓好80万吨乙烯改扩建项目: the size of a project named, not a target
		}
		if changeFrom(before, s[pos:]) {
			continue // 由2010年的15元提高到25元: where the change starts, not its target
		}
		if classThreshold(before, s[pos:]) {
			continue // 户均面积不足16平方米低保家庭: who is meant, not a target
		}
		if reported(s[reportFrom(s, bd.sentence+1, a):a]) || onBasis(clause) {
			continue // 截至5月底，…; 目前已有10家; 在…安排1亿多元…的基础上: done already
		}
		verb, indicator := splitVerb(before, v.Targets.Verbs)
		verb, indicator = listedVerbs(verb, indicator, v.Targets.Verbs)
		if thingJoined && verb == "" {
			verb = prevVerb
		}
		if strings.ContainsAny(before, "（()）") {
			// 新建（改建）10家标准化老年食堂: a verb and its note (without
			// a note, splitVerb trims as dropNotes does: nothing to redo)
			if plain := dropNotes(before); plain != before {
				if pv, pi := splitVerb(plain, v.Targets.Verbs); pv != "" && pi == "" {
					verb, indicator = pv, ""
				}
			}
		}
		indicator = trimComparison(indicator)
		if isBase(indicator) || slices.Contains(verbModifiers, indicator) {
			indicator = "" // 完成全年目标的51.7%: a share of the goal, of the indicator before; 新解决: how, not what
		}
		if etc {
			indicator = ""
		}
		total := false // 6号线、15号线共62公里线路: a total, of the thing named after it
		if t, ok := strings.CutSuffix(indicator, "共"); ok && verb == "" {
			indicator, total = t, true
		}
		for trimmed := true; trimmed; {
			trimmed = false
			for _, w := range v.Targets.Tails {
				if strings.HasSuffix(indicator, w) && len(indicator) > len(w) {
					indicator, trimmed = strings.TrimSuffix(indicator, w), true
				}
			}
		}
		spanEnd := pos
		if verb == "" {
			// 工业投资实现15%以上增长, 实现10%左右的增长: the verb after
			// the value, what grows before 实现
			rest := strings.TrimPrefix(s[pos:], "的")
			if strings.HasPrefix(rest, "增长") {
				verb, bound = "增长", false
				pos = len(s) - len(rest) + len("增长")
				spanEnd = pos
				for _, w := range []string{"实现", "均", "都", "要"} {
					indicator = strings.TrimSuffix(indicator, w)
				}
				if end < pos {
					end = pos
				}
			}
		}
		after := strings.TrimSpace(s[pos:end])
		if total && after != "" && plausibleIndicator(after) {
			indicator, start = "", a // the total's thing follows it
		}
		share := false // 完成主城区80%的化工企业搬迁: a share of what follows
		if rest, ok := strings.CutPrefix(after, "的"); ok && (verb != "" && indicator == "" || unit == "%" && indicator != "" && plausibleIndicator(rest)) {
			after, share = rest, indicator != "" // 保持98%以上的高中阶段入学率
		}
		if m := reNumber.FindStringIndex(after); m != nil && slices.Contains([]string{"、", "和", "及", "与"}, strings.TrimSpace(after[:m[0]])) {
			after = "" // 6%、7%和8%: the next value, not what this one counts
		}
		sentence := bd.sentence
		// a value listed right after the one before, with nothing of its
		// own before it: 分别增长7.5%、8%, 6%和7%
		continued := before == "" && prevEnd >= 0 && start > 0 && (joined || strings.HasPrefix(s[start-len("、"):], "、") && start-len("、") == prevEnd)
		if verb == "" && continued {
			verb = prevVerb // 净增1000家以上规模工业公司、1000家以上高新技术企业; 分别增长7.5%、8%
		}
		counted := countedThing(after) // what a count before after counts, if anything
		if strings.Trim(unit, "万亿") == "" && after != "" && plausibleIndicator(after) && !share {
			// 启动54万农村贫困户危房改造, 改善12.7万贫困人口的…: a number of
			// the thing named right after it
			if counted != "" {
				after = counted
			}
			if indicator != "" {
				start = a // the words before were another thing's
			}
			indicator, spanEnd = after, spanOver(s, pos, end, after)
		}
		if endsWithJoin(indicator) && after != "" && plausibleIndicator(after) && !share {
			// 严格保护永久基本农田和810万亩粮食生产功能区: the thing before
			// the 和 is another; this value's follows it
			indicator, start, spanEnd = after, a, end
		}
		switch {
		case share && !reRateIn.MatchString(after):
			// 完成主城区80%的化工企业搬迁: where, and the thing a share of
			// which is meant
			indicator += after
			spanEnd = end
		case after != "" && reRateIn.MatchString(after):
			// 4个结构性指标均实现10%以上增长: a phrase after the value that
			// states a rate of its own names no counted thing of this one
			if indicator == "" {
				continue
			}
		case indicator == "" && after != "":
			indicator = after
			spanEnd = end
			if isClassifier(unit) && counted != "" && counted != after {
				indicator, spanEnd = counted, spanOver(s, pos, end, counted) // 54个省级生态镇和517个…: up to the next count
			}
		case opened && indicator == "" && after == "" && sentence == prevSentence && prevIndicator != "":
			// 地区生产总值增长6.5%左右，力争7%: the same indicator and verb,
			// a further value
			indicator, verb = prevIndicator, prevVerb
		case indicator == "" && verb != "" && sentence == prevSentence && prevIndicator != "":
			// 全市生产总值达到3260亿元，增长12%: the indicator stated before
			indicator = prevIndicator
		case strings.HasSuffix(unit, "元") && funds(counted):
			// 中央财政安排1000亿元专项奖补资金: the funds named after the sum
			indicator = counted
			spanEnd = spanOver(s, pos, end, indicator)
		case verb != "" && isClassifier(unit) && counted != "":
			// 城区再新建1个农贸市场: the counted thing follows the count;
			// what stands between the verb and the count is where
			// (完成升钟库区7所小学改扩建工程)
			indicator = counted
			spanEnd = spanOver(s, pos, end, indicator)
		case isClassifier(unit) && plausibleIndicator(after) && strings.Contains(indicator, "、"):
			// 实施保黎路下穿立交、太平桥、观庄下穿4座泵站改造: the places
			// listed before the count are where; the counted thing follows
			indicator = after
			spanEnd = end
		case verb == "" && isClassifier(unit) && plausibleIndicator(after) && !strings.HasSuffix(indicator, after) && plausibleIndicator(indicator+after):
			// 潞讯精密电子30条生产线: whose, and the counted thing
			indicator += after
			spanEnd = end
		case indicator == "" && verb != "" && after == "" && before == verb:
			// 推进高标准农田建设，新建5万亩: the thing counted is the
			// phrase before, in the same sentence, less its action word
			indicator = phraseBefore(s, opening, v) // (全年培训3900人: from before 全年)
		}
		if bound && pos < len(s) && (verb == "" || strings.ContainsAny(s[pos:end], "0123456789")) {
			// (with a verb, when the things so measured are counted after
			// it: 实施投资5000万元以上工业重点项目323个)
			if r, _ := utf8.DecodeRuneInString(s[pos:]); unicode.Is(unicode.Han, r) {
				continue // 100米以上医疗卫生机构: what it measures, not a target
			}
		}
		if indicator == "" || !plausibleIndicator(indicator) {
			continue
		}
		if strings.HasSuffix(unit, "次") && strings.Contains(before, "每") {
			continue // 每季度召开1次联席会议: how often, a routine, not a target
		}
		ownOp := op != ""
		if op == "" {
			op = verbOp(verb)
		}
		value, err := strconv.ParseFloat(figure, 64)
		if err != nil {
			continue
		}
		if !continued {
			verbOps = verbOps[:0]
		}
		if boundOp {
			// 分别增长8%和9%以上, 7.5%、8.5%左右: the bound closes the list
			for _, i := range verbOps {
				out[i].Op = op
			}
			verbOps = verbOps[:0]
		}
		indicator = trimOtherValues(indicator)
		out = append(out, Target{Indicator: indicator, Verb: verb, Value: value, Unit: unit, Op: op, Text: s[start:spanEnd]})
		if !ownOp {
			verbOps = append(verbOps, len(out)-1)
		}
		prevVerb, prevEnd, prevPos = verb, end, pos
		prevIndicator, prevSentence = indicator, sentence
	}
	return out
}

// spanOver is where a target's text ends when its indicator t follows
// the value, in s[pos:end]: right after t.
func spanOver(s string, pos, end int, t string) int {
	if i := strings.Index(s[pos:end], t); i >= 0 {
		return pos + i + len(t)
	}
	return end
}

// quoted reports whether offset a of s is inside a quotation or a title
// (“一个方案、N个措施、1个政策”, 《10条措施》): a name, whose numbers are
// no target's. It looks no further than a phrase's length either way
// (maxPhrase), so that a line of many numbers is read in linear time.
func quoted(s string, a int) bool {
	before, after := s[phraseFrom(s, 0, a):a], s[a:phraseTo(s, a)]
	if strings.Count(before, "《") > strings.Count(before, "》") && strings.Contains(after, "》") {
		return true
	}
	if strings.Count(before, "“") <= strings.Count(before, "”") {
		return false
	}
	open, end := strings.LastIndex(before, "“"), strings.Index(after, "”")
	if end < 0 {
		return false
	}
	// a goal quoted whole (实现“人才资源总量达到2000名左右”的目标) is no name:
	// a name is short and states no value
	q := before[open+len("“"):] + after[:end]
	return utf8.RuneCountInString(q) <= maxQuotedName && !strings.ContainsAny(q, "，；。") && !strings.Contains(q, "达到")
}

// maxQuotedName is the longest quotation read as a name (“一个总体方案、
// N个措施、1个政策”).
const maxQuotedName = 20

// phraseTo is the end of the text a phrase's length (maxPhrase) after
// offset a of s, on a rune's start.
func phraseTo(s string, a int) int {
	end := min(len(s), a+maxPhrase)
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	return end
}

// modifiersEnd extends the phrase after a count, which ends at end, over
// a list of its modifiers run on with 、 up to the thing they qualify:
// 20个具有支撑性、关键性、标志性的重点项目, 8个功能完善、设施齐全的便民服务中心.
// Each modifier is short and holds no figure, and the list closes with
// 的 and the thing before the next mark. It returns end otherwise.
func modifiersEnd(s string, pos, end int) int {
	if end >= len(s) || !strings.HasPrefix(s[end:], "、") || strings.Contains(s[pos:end], "的") {
		return end
	}
	tail := s[end:phraseTo(s, end)] // a phrase's length at most: linear in a line of many values
	if i := strings.IndexAny(tail, "，。；,;：:（("); i >= 0 {
		tail = tail[:i]
	} else if end+len(tail) < len(s) {
		return end // no mark within a phrase's length: no list of modifiers
	}
	i := strings.LastIndex(tail, "的")
	if i < 0 || strings.ContainsAny(tail, "0123456789和及与") || utf8.RuneCountInString(tail[i+len("的"):]) < 2 {
		return end
	}
	for _, m := range strings.Split(strings.TrimPrefix(tail[:i], "、"), "、") {
		if n := utf8.RuneCountInString(m); n == 0 || n > 6 {
			return end
		}
	}
	return end + len(tail)
}

// funds reports whether t, the words after a sum, name funds
// (1000亿元专项奖补资金, 5亿元就业补助资金).
func funds(t string) bool {
	for _, w := range []string{"资金", "经费", "补助", "补贴"} {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	return false
}

// countedJoin reports whether between, the text between two values,
// is the thing the first counts and a 和 (省级生态镇和): no digit, and no
// mark that ends a phrase.
func countedJoin(between string) bool {
	for _, w := range []string{"和", "及", "与"} {
		if head, ok := strings.CutSuffix(between, w); ok {
			return head != "" && !strings.ContainsAny(head, "0123456789，。；、,;") && utf8.RuneCountInString(head) <= 20
		}
	}
	return false
}

// countedThing is what the words after a count name as counted, "" if
// nothing: up to a next value joined by 和 (32所市级优秀中等职业学校和55个
// 市级优质专业: 市级优秀中等职业学校; 新村扶贫90个和扶贫新村连片建设50个:
// nothing).
func countedThing(after string) string {
	if i := strings.IndexAny(after, "0123456789"); i >= 0 {
		after = after[:i]
		cut := -1
		for _, w := range []string{"和", "及", "与", "、"} {
			if j := strings.LastIndex(after, w); j > cut {
				cut = j
			}
		}
		if cut < 0 {
			return ""
		}
		after = after[:cut]
	}
	if !plausibleIndicator(after) {
		return ""
	}
	return after
}

// durationValue reports whether a number followed by 年 is a length of
// years: the words before it name one (年限, 期限, 年数) and a verb joins
// them (受教育年限达到15年, 提高到12年), and no 年 of a date follows (15年底).
// The caller takes figures of two digits at most: 期限至2021年 is a date.
func durationValue(before, after string) bool {
	rest, ok := strings.CutPrefix(after, "年")
	if !ok || strings.HasPrefix(rest, "底") || strings.HasPrefix(rest, "末") || strings.HasPrefix(rest, "内") || strings.HasPrefix(rest, "前") || strings.HasPrefix(rest, "度") {
		return false
	}
	for _, w := range []string{"年限", "期限", "年数", "学制"} {
		if i := strings.LastIndex(before, w); i >= 0 && !strings.ContainsAny(before[i:], "，。；,;") {
			return true
		}
	}
	return false
}

// daysValue reports whether a number followed by 天 counts days: the
// words before it name a count of them (天数) or set a floor (不少于,
// 达到, 不低于, 超过), and no time limit follows (5天以内, 30天内办结).
func daysValue(before, after string) bool {
	rest, ok := strings.CutPrefix(after, "天")
	if !ok {
		return false
	}
	for _, w := range []string{"内", "以内", "之内", "前", "后", "以上"} {
		if strings.HasPrefix(rest, w) && w != "以上" {
			return false
		}
	}
	if i := strings.LastIndex(before, "天数"); i >= 0 && !strings.ContainsAny(before[i:], "，。；,;") {
		return true
	}
	for _, w := range []string{"不少于", "达到", "不低于", "超过"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// indexValue reports whether a number after before is an index's value,
// which has no unit: 居民消费价格指数控制在103左右, 价格指数为103.5.
func indexValue(before string) bool {
	for _, w := range []string{"控制在", "保持在", "稳定在", "为", "在"} {
		if b, ok := strings.CutSuffix(before, w); ok {
			before = b
			break
		}
	}
	return strings.HasSuffix(before, "指数")
}

// workWords are what a count of the document's own items counts: 3项指标,
// 11项为民办实事项目, 50件实事.
var workWords = []string{"指标", "工作", "任务", "目标", "实事", "民生实事", "为民办实事", "重点工作", "事项"}

// countsWork reports whether a value of unit, rest following it, counts
// the document's own items rather than a target.
func countsWork(unit, rest string) bool {
	if unit != "项" && unit != "件" {
		return false
	}
	if i := strings.IndexAny(rest, "，。；,;、（("); i >= 0 {
		rest = rest[:i]
	}
	if strings.HasSuffix(rest, "指标") || strings.Contains(rest, "指标设置") {
		return true // 8项区人代会考核指标: the document's own indicators, named
	}
	for _, w := range workWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// lastYear reports whether the phrase before a value names last year
// (去年新开工200个项目, 加大去年新开工…, 其上年度实际缴纳…的): a figure
// reported, not a target. A comparison with it (比去年增长, 较上年,
// 高于去年, 在去年基础上增长, 与去年相比) is none.
func lastYear(before string) bool {
	for _, w := range []string{"去年", "上年"} {
		for i := strings.Index(before, w); i >= 0; {
			r, _ := utf8.DecodeLastRuneInString(before[:i])
			rest := strings.TrimPrefix(before[i+len(w):], "度")
			if !strings.ContainsRune("比较同于在与", r) && !strings.HasPrefix(strings.TrimPrefix(rest, "的"), "基础上") && !strings.HasPrefix(rest, "同期") {
				return true
			}
			j := strings.Index(before[i+len(w):], w)
			if j < 0 {
				break
			}
			i += len(w) + j
		}
	}
	return false
}

// symbolOp is the op a sign right before a value writes (人均预期寿命
// ≥79.2岁, ≤12.5%), "" for none.
func symbolOp(before string) string {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " "))
	switch r {
	case '≥', '≧':
		return OpAtLeast
	case '≤', '≦':
		return OpAtMost
	case '＞', '>':
		return OpAbove
	}
	return ""
}

// trimSign drops the sign symbolOp read from the end of before.
func trimSign(before string) string {
	return strings.TrimRight(strings.TrimRight(before, " "), "≥≧≤≦＞>")
}

// packageCount reports whether a count of 条 is of the measures of a
// package in force (落实好提振市场信心90条措施, 贯彻10条政策): its name, not
// a target (出台10条措施 makes them, and is read).
func packageCount(unit, before, rest string) bool {
	if unit != "条" || !(strings.HasPrefix(rest, "措施") || strings.HasPrefix(rest, "政策") || strings.HasPrefix(rest, "举措") || strings.HasPrefix(rest, "意见")) {
		return false
	}
	for _, w := range []string{"落实", "贯彻", "执行", "兑现", "用好"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// entitlement reports whether the phrase before a value states a rule of
// a policy (可申请最高不超过15万元, 可按6个月的…, 按每人200元的标准):
// what someone may have, not a target.
func entitlement(before string) bool {
	if before == "按" || strings.HasPrefix(before, "按每") {
		return true // (not 按期完成10个项目: on time)
	}
	for _, w := range []string{"最高不超过", "最高可", "最多可", "可申请", "可享受", "可获得", "可按", "或按"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// classThreshold reports whether a value is the threshold of the class
// of those meant (户均面积不足16平方米低保家庭, 收入低于3000元的家庭):
// 不足, 不满 or 低于 before it, and the class named right after it.
func classThreshold(before, rest string) bool {
	if !strings.HasSuffix(before, "不足") && !strings.HasSuffix(before, "不满") && !strings.HasSuffix(before, "低于") {
		return false
	}
	rest = strings.TrimPrefix(rest, "的")
	for _, w := range []string{"目标", "水平", "控制", "范围", "以内"} {
		if strings.HasPrefix(rest, w) {
			return false // 失业率低于4.5%的控制目标: the goal itself
		}
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.Is(unicode.Han, r)
}

// projectCapacity reports whether a value is the capacity in a project's
// name (抓好80万吨乙烯改扩建项目; 平煤神马25万吨己二酸和20万吨己内酰胺…等
// 项目建设): a unit of output, the product right after it, and 项目 later in
// the clause, rest (the text after the unit).
func projectCapacity(unit, rest string) bool {
	switch strings.TrimLeft(unit, "万亿千百") {
	case "吨", "千瓦", "兆瓦", "千伏安", "千瓦时", "标箱":
	default:
		return false
	}
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.Is(unicode.Han, r) {
		return false
	}
	if i := strings.IndexAny(rest, "，。；,;"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Contains(rest, "项目")
}

// reportFrom is where reported reads the sentence before offset a from:
// its start, at most maxReport bytes back (a longer sentence is read from
// there, on a rune's start, so that a line of many numbers is read in
// linear time; its opening is then too far to govern the value).
func reportFrom(s string, sentence, a int) int {
	from := max(sentence, a-maxReport, 0)
	for from < a && !utf8.RuneStart(s[from]) {
		from++
	}
	return from
}

// maxReport bounds the sentence reported reads: 100 characters.
const maxReport = 300

// reported reports whether the sentence before a value tells what is done
// already (截至5月底，…, the whole sentence; 目前已有10家企业…, the phrase): a
// progress figure, not a target.
func reported(sentence string) bool {
	sentence = strings.TrimLeft(sentence, " ")
	if i := strings.IndexAny(sentence, "：:"); i >= 0 && i <= len("具体情况：") {
		_, size := utf8.DecodeRuneInString(sentence[i:])
		sentence = strings.TrimLeft(sentence[i+size:], " ") // 具体情况：截至5月底
	}
	for _, w := range []string{"截至", "截止"} {
		// 截至5月底, 截至6月30日: a day passed (截至年底 may set a goal)
		if rest, ok := strings.CutPrefix(sentence, w); ok && reReportDay.MatchString(rest) {
			return true
		}
	}
	// 目前已有10家企业…: the phrase of the value itself (全市目前已建成1万个，
	// 今年新建5000个 sets a goal after it)
	phrase := sentence
	if i := strings.LastIndexAny(phrase, "，,；;"); i >= 0 {
		_, size := utf8.DecodeRuneInString(phrase[i:])
		if !strings.HasPrefix(strings.TrimLeft(phrase[i+size:], " "), "其中") {
			phrase = phrase[i:] // (其中4家已在办理: of the figure before)
		}
	}
	for _, w := range []string{"目前已", "现已", "截至目前", "截止目前"} {
		if strings.Contains(phrase, w) {
			return true
		}
	}
	return false
}

// reReportDay opens a day a progress report is written to: 5月底, 6月30日,
// 2017年5月底, 目前.
var reReportDay = lazyRE(`^(?:(?:\d{4}年)?\d{1,2}月|目前|今年\d{1,2}月)`)

// onBasis reports whether the clause after a value is the basis a new
// step builds on (…安排1亿多元向困难群众发放补贴的基础上，再安排…): a
// figure done, not a target.
func onBasis(rest string) bool {
	if i := strings.IndexAny(rest, "，。；,;"); i >= 0 {
		rest = rest[:i]
	}
	return strings.HasSuffix(rest, "的基础上") || strings.HasSuffix(rest, "基础上")
}

// joinedThing is where this value's thing begins in between, the text
// after the value before it, when that text is a 和 (及, 与, 、) and a
// short name with no number and no mark that ends a phrase (学校5所和
// 幼儿园8所: 幼儿园): the length of the conjunction; 0 if it is not.
func joinedThing(between string) int {
	for _, w := range []string{"和", "及", "与", "、"} {
		if rest, ok := strings.CutPrefix(between, w); ok {
			if rest != "" && !strings.ContainsAny(rest, "0123456789，。；、,;（）()") && utf8.RuneCountInString(rest) <= 20 && plausibleIndicator(rest) {
				return len(w)
			}
			return 0
		}
	}
	return 0
}

// endsWithJoin reports whether an indicator ends in a conjunction: the
// phrase before the value names another thing (永久基本农田和).
func endsWithJoin(indicator string) bool {
	for _, w := range []string{"和", "及", "与", "、"} {
		if strings.HasSuffix(indicator, w) && len(indicator) > len(w) {
			return true
		}
	}
	return false
}

// countBefore reports whether before ends in a count of things, whose
// size the value after it then states (1个100亿元以上项目).
func countBefore(before string) bool {
	before = strings.TrimRight(before, " ")
	r, size := utf8.DecodeLastRuneInString(before)
	if !strings.ContainsRune("个家所项座处", r) {
		return false
	}
	d, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before[:len(before)-size], " "))
	return d >= '0' && d <= '9'
}

// basisWords open a note that states what a target is set by: its basis,
// whose numbers are references.
var basisWords = []string{"依据", "根据", "参照", "按照"}

// basisNote reports whether offset a of s is inside a parenthesised note
// that opens with a basis word: 增长8%（依据区人代会目标设置，高于省7.5%）.
func basisNote(s string, a int) bool {
	from := phraseFrom(s, 0, a) // a phrase's length back at most
	open := max(strings.LastIndex(s[from:a], "（"), strings.LastIndex(s[from:a], "("))
	if open < 0 {
		return false
	}
	open += from
	if strings.ContainsAny(s[open:a], "）)") {
		return false
	}
	note := strings.TrimLeft(s[open:a], "(（ ")
	for _, w := range basisWords {
		if strings.HasPrefix(note, w) {
			return true
		}
	}
	return false
}

// countsAbove reports whether a value of unit after before counts the
// items above it (以上8项, 上述3条): a summary, not a target.
func countsAbove(before, unit string) bool {
	if unit != "项" && unit != "条" && unit != "件" {
		return false
	}
	return strings.HasSuffix(before, "以上") || strings.HasSuffix(before, "上述") || strings.HasSuffix(before, "前述")
}

// numberBefore is the index of the last number of locs that starts before
// pos, from k on: a range's upper bound is read with its lower one, never
// as a value of its own.
func numberBefore(locs [][]int, k, pos int) int {
	for k+1 < len(locs) && locs[k+1][0] < pos {
		k++
	}
	return k
}

// reRateIn is a rate stated in a phrase: 10%, 2个百分点.
var reRateIn = lazyRE(`\d\s*(?:%|％|个百分点)`)

// dropNotes drops the parenthesised notes of s: 新建（改建） → 新建,
// 各乡镇（街道）人民政府 → 各乡镇人民政府.
func dropNotes(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '（' || r == '(':
			depth++
		case (r == '）' || r == ')') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// listStart moves a phrase's start back over the names listed before it
// with 、 that have no number of their own: one value for them all
// (引进名师、名长70人; 城镇居民人均可支配收入、农民人均纯收入均增长12%).
func listStart(s string, start int) int {
	for start >= len("、") && s[start-len("、"):start] == "、" {
		prev := s[:start-len("、")]
		k := strings.LastIndexAny(prev, chunkMarks)
		from := 0
		if k >= 0 {
			_, size := utf8.DecodeRuneInString(prev[k:])
			from = k + size
		}
		name := prev[from:]
		if name == "" || utf8.RuneCountInString(name) > 16 || strings.ContainsFunc(name, unicode.IsDigit) {
			break
		}
		start = from
	}
	return start
}

// rePointNumber is a point's number opening a phrase: 1. 1、 （1） ①.
var rePointNumber = lazyRE(`^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[①-⑳])`)

// noteStart moves a phrase's start from inside a parenthesised note the
// phrase closes (村卫生室（社区卫生服务站）10家, 新（改、扩）建中小学校5所)
// to the start of the phrase the note stands in.
func noteStart(s string, start, a int) int {
	// the note's opening mark and the phrase before it are looked for
	// within maxPhrase bytes, like the phrase itself (phraseFrom)
	floor := phraseFrom(s, 0, start)
	depth := 0
	for i, r := range s[start:a] {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
				continue
			}
			// a closing mark with no opening one since start: find it
			// before start
			depth = 1
			for j := start - 1; j >= floor; j-- {
				switch s[j] {
				case '(':
					depth--
				case ')':
					depth++
				}
				if j+len("（") <= len(s) {
					switch s[j : j+len("（")] {
					case "（":
						depth--
					case "）":
						depth++
					}
				}
				if depth == 0 {
					k := strings.LastIndexAny(s[floor:j], chunkMarksNoParens)
					if k < 0 {
						return floor
					}
					k += floor
					_, size := utf8.DecodeRuneInString(s[k:])
					return k + size
				}
			}
			return start + i + len(string(r))
		}
	}
	return start
}

// phraseBefore is the phrase before the one starting at start when a
// comma or a colon parts them in one sentence, less a leading 一是 and the action
// words it opens with (targets.actions in grammar.yaml): 推进高标准农田建设，
// 新建5万亩 → 高标准农田建设. "" when there is none, or it holds a number
// (a target of its own) or is no indicator.
func phraseBefore(s string, start int, v *Vocabulary) string {
	comma, size := utf8.DecodeLastRuneInString(s[:start])
	if comma != '，' && comma != ',' && comma != '：' && comma != ':' {
		return "" // (规模以上工业增加值：增长8%: the name before a colon too)
	}
	end := start - size
	from := phraseFrom(s, 0, end)
	if k := strings.LastIndexAny(s[from:end], chunkMarks); k >= 0 {
		_, n := utf8.DecodeRuneInString(s[from+k:])
		from += k + n
	}
	p := strings.TrimSpace(s[from:end])
	if m := reOrdinalIs.FindStringIndex(p); m != nil {
		p = p[m[1]:]
	}
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range v.Targets.Actions {
			if strings.HasPrefix(p, w) && len(p) > len(w) {
				p, trimmed = p[len(w):], true
			}
		}
	}
	if i := strings.LastIndexFunc(p, unicode.IsDigit); i >= 0 && (comma == '：' || comma == ':') {
		// 8项区人代会考核指标设置情况人均地区生产总值：增长6%: a heading
		// glued before the name, its count and the count's unit left out
		p = p[i+1:]
		p = p[len(reUnit.FindString(p)):]
	}
	if strings.ContainsFunc(p, unicode.IsDigit) || !plausibleIndicator(p) {
		return ""
	}
	return p
}

// reOrdinalIs opens a point of a sentence: 一是, 二是.
var reOrdinalIs = lazyRE(`^[一二三四五六七八九十]{1,3}是`)

// maxPhrase bounds, in bytes, the words before a number that are read
// for its indicator and verb: 200 Han characters, far more than any
// indicator (plausibleIndicator stops at 30 runes) or a verb with its
// note (新建（改建）). Without it a line of numbers with no mark between
// them (a table's row of percentages run together) is read at the square
// of its length: every number re-read the whole line before it.
const maxPhrase = 600

// phraseFrom is start, or, when a phrase from start to a would be longer
// than maxPhrase, the first rune at most maxPhrase bytes before a.
func phraseFrom(s string, start, a int) int {
	if a-start <= maxPhrase {
		return start
	}
	start = a - maxPhrase
	for start < a && !utf8.RuneStart(s[start]) {
		start++
	}
	return start
}

// chunkMarksNoParens are the phrase marks less the opening parentheses.
var chunkMarksNoParens = strings.NewReplacer("（", "", "(", "").Replace(chunkMarks)

// trimOtherValues drops another value from an indicator: the words
// after the last figure with its unit (帮扶7200名农村贫困人口人均增收 →
// 农村贫困人口人均增收), or, when a figure with its unit closes it, the
// words before (中小学生免收学杂费2500万元 → 中小学生免收学杂费).
func trimOtherValues(ind string) string {
	locs := reNumber.FindAllStringIndex(ind, -1)
	for i := len(locs) - 1; i >= 0; i-- {
		a, b := locs[i][0], locs[i][1]
		u := reUnit.FindString(ind[b:])
		if u == "" || strings.Trim(u, "万亿") == "" {
			continue
		}
		if u == "岁" {
			break // 3-6岁幼儿受教育率, 不满18岁的家庭: an age names whom it is about
		}
		end := b + len(u)
		for _, w := range []string{"以上", "以下", "左右", "多"} {
			if strings.HasPrefix(ind[end:], w) {
				end += len(w)
			}
		}
		if rest := strings.TrimLeft(ind[end:], "的 "); a > 0 && utf8.RuneCountInString(rest) >= 2 && plausibleIndicator(rest) {
			return rest // (a class or count opening the indicator, 100亿元以上招商引资任务, 4个结构性指标, stays)
		}
		if end == len(ind) && a > 0 {
			if head := strings.TrimRight(ind[:a], " "); utf8.RuneCountInString(head) >= 2 && plausibleIndicator(head) {
				return head
			}
		}
		break
	}
	return ind
}

// reYearComparison closes an indicator with the year it is compared with:
// 较2010年, 比2015年末, 与2020年相比.
var reYearComparison = lazyRE(`(?:较|比|与)(?:19|20)\d\d年(?:末|底)?(?:相比)?$`)

// reLeadingYear is a year opening the words before a value.
var reLeadingYear = lazyRE(`^(?:19|20)\d\d年(?:度)?`)

// changeWords carry a value from where it stands to its target.
var changeWords = []string{"提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "降低到", "降低至",
	"下降到", "下降至", "减少到", "减少至", "扩大到", "扩大至", "调整到", "调整至", "调整为", "增至", "降至", "提至"}

// changeFrom reports a value a change starts from (由2010年的15元提高到25元,
// 从3.2%降低到3%): 由 or 从 before it in its phrase, a change word right
// after it. The value after the change word is the target.
func changeFrom(before, after string) bool {
	i := max(strings.LastIndex(before, "由"), strings.LastIndex(before, "从"))
	if i < 0 || strings.ContainsAny(before[i:], "，。；,;：:") {
		return false
	}
	for _, w := range changeWords {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// numberStandsAlone rejects digits that belong to a code or a name: 5G,
// IPv6, "3+3+2", 第3, 12345 热线 (no unit follows that one anyway).
func numberStandsAlone(s string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:a])
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || r == '+' || r == '.' || r == '/' || r == '-' || r == '_') || r == '第' || r == '＋' {
			return false
		}
	}
	if b < len(s) {
		r, _ := utf8.DecodeRuneInString(s[b:])
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || r == '+' || r == '/' || r == '_') || r == '＋' {
			return false
		}
	}
	return true
}

// The marks that end a phrase and a sentence.
const (
	chunkMarks    = "，。；：、！？,;:（(|｜—"
	sentenceMarks = "。；！？;"
)

// bounds finds the phrase and the sentence around each number of a text.
// The numbers come in order, so the marks before them are read once, and
// the search for a phrase's end starts again only past the last one
// found: a long text without marks costs one pass, not one per number.
type bounds struct {
	s        string
	read     int // s[:read] is read for the marks before a number
	chunk    int // the last phrase mark in s[:read], -1 for none
	sentence int // the last sentence mark in s[:read], -1 for none
	// s[from:next] holds no phrase mark; next is len(s) or a mark
	from, next int
}

// upTo reads the marks before offset a, at or after the last offset.
func (b *bounds) upTo(a int) {
	if a <= b.read {
		return
	}
	for i, r := range b.s[b.read:a] {
		if strings.ContainsRune(chunkMarks, r) {
			b.chunk = b.read + i
		}
		if strings.ContainsRune(sentenceMarks, r) {
			b.sentence = b.read + i
		}
	}
	b.read = a
}

// chunkStart is where the phrase holding the number read up to starts.
func (b *bounds) chunkStart() int {
	if b.chunk < 0 {
		return 0
	}
	_, size := utf8.DecodeRuneInString(b.s[b.chunk:])
	return b.chunk + size
}

// chunkEnd is where the phrase holding offset pos ends.
func (b *bounds) chunkEnd(pos int) int {
	if pos < b.from || pos > b.next || b.next == 0 {
		b.from, b.next = pos, len(b.s)
		if i := strings.IndexAny(b.s[pos:], chunkMarks); i >= 0 {
			b.next = pos + i
		}
	}
	return b.next
}

// splitVerb finds the verb that joins the indicator to the value, at the
// end of before (地区生产总值|增长) or at its start (新建|5G基站).
func splitVerb(before string, targetVerbs []string) (verb, indicator string) {
	before = strings.TrimSpace(before)
	best := ""
	for _, v := range targetVerbs {
		if strings.HasSuffix(before, v) && len(v) > len(best) {
			best = v
		}
	}
	if best != "" {
		return best, strings.TrimSpace(strings.TrimSuffix(before, best))
	}
	for _, v := range targetVerbs {
		if strings.HasPrefix(before, v) && len(before) > len(v) {
			return v, strings.TrimSpace(before[len(v):])
		}
	}
	// 城镇新增就业达到全年目标的60%, 补贴标准达到企业现有在职职工人数25%:
	// a verb of comparison inside, then the base the value is a share of
	for _, v := range baseVerbs {
		if i := strings.Index(before, v); i > 0 {
			base := before[i+len(v):]
			if n := utf8.RuneCountInString(base); n > 0 && n <= maxBase && !strings.ContainsAny(base, "，、；0123456789") {
				return v, strings.TrimSpace(before[:i])
			}
		}
	}
	return "", before
}

// baseVerbs compare a value with a base named after them (达到全年目标的
// 60%); maxBase bounds the base's words.
var baseVerbs = []string{"达到", "不低于", "不少于", "不超过", "超过"}

const maxBase = 12

// verbModifiers are words before a verb that say how, not what: an
// indicator of one of them alone is none (新解决5万人的饮水安全问题).
var verbModifiers = []string{"新", "再", "又", "共", "另", "均", "都", "还", "已", "将"}

// bases are what a share is of when the share is all the phrase says
// (完成全年目标的51.7%): the goal, not the thing measured.
var bases = []string{"全年目标", "年度目标", "全年任务", "年度任务", "目标任务", "全年计划", "年度计划", "计划", "任务", "目标"}

// isBase reports whether an indicator names only a base (全年目标的).
func isBase(indicator string) bool {
	return slices.Contains(bases, strings.TrimSuffix(indicator, "的"))
}

// listedVerbs takes the verbs listed with 、 after the first into the
// verb (新建、改扩建中小学校15所: 新建、改扩建 | 中小学校), and drops a 、
// left opening the indicator.
func listedVerbs(verb, indicator string, targetVerbs []string) (string, string) {
	for verb != "" && strings.HasPrefix(indicator, "、") {
		rest := indicator[len("、"):]
		next := ""
		for _, w := range targetVerbs {
			if strings.HasPrefix(rest, w) && len(w) > len(next) && len(rest) > len(w) {
				next = w
			}
		}
		if next == "" {
			return verb, strings.TrimSpace(rest)
		}
		verb, indicator = verb+"、"+next, strings.TrimSpace(rest[len(next):])
	}
	return verb, indicator
}

func verbOp(verb string) string {
	switch verb {
	case "突破", "超过", "高于", "超":
		return OpAbove
	case "达到", "达", "不低于", "不少于", "不小于":
		return OpAtLeast
	case "控制在", "不超过", "不高于", "低于", "不多于", "不大于", "压缩至", "压缩到", "缩短至", "缩短到":
		return OpAtMost
	}
	return OpEqual
}

// plausibleIndicator is a short phrase that names something measured.
func plausibleIndicator(s string) bool {
	if len(s) > 4*30 { // more than 30 runes, without counting them
		return false
	}
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 30 {
		return false
	}
	han, upper := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r >= 'A' && r <= 'Z':
			upper++
		}
	}
	// an indicator named in Latin letters (GDP, CPI) is one too
	return han > 0 || upper >= 2 && upper == n
}

// trimComparison drops the words that compare with a base rather than
// name the indicator: 同口径比上年增长 leaves no indicator of its own.
func trimComparison(ind string) string {
	for _, w := range []string{"与去年相比", "与上年相比", "在去年基础上", "在上年基础上", "去年基础上", "上年基础上", "同口径", "比上年", "较上年", "同比", "比去年", "较去年"} {
		ind = strings.TrimSuffix(strings.TrimPrefix(ind, w), w)
	}
	for _, w := range []string{"同口径", "比上年", "较上年", "同比"} {
		ind = strings.TrimSuffix(ind, w)
	}
	// 能耗较2010年, 比2015年: a comparison with a year's
	if m := reYearComparison.FindStringIndex(ind); m != nil && m[0] > 0 {
		ind = ind[:m[0]]
	}
	// 经费标准由2010年的15元 (提高到25元): where the change starts
	if i := max(strings.LastIndex(ind, "由"), strings.LastIndex(ind, "从")); i > 0 && strings.ContainsAny(ind[i:], "0123456789") {
		ind = ind[:i]
	}
	return ind
}

// isClassifier reports whether a unit counts things (个, 所, 座) rather
// than measuring an amount.
func isClassifier(unit string) bool {
	switch strings.TrimLeft(unit, "万亿千百") {
	case "个", "所", "座", "处", "条", "家", "项", "台", "辆", "套", "间", "栋", "艘", "架", "张", "名", "户":
		return true
	}
	return false
}
