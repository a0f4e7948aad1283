// Package synth writes synthetic 分工意见 documents for tests and
// benchmarks that need inputs larger than the bundled seed.
//
// A document is plain UTF-8 text in the seed's clean form: a preamble,
// section headings such as "三、加快发展数字经济" on lines of their own, and
// numbered items such as
//
//	12.加快推进数字经济体系建设,推动产业链长效机制。(省发展改革委牵头,省财政厅、省商务厅等按职责分工负责)
//
// closed by responsibility clauses naming lead, co and respective depts,
// all depts (各部门单位分别负责) or a generic group (有关部门), with
// quantitative targets (地区生产总值增长6.5%以上) and named lists (十大测试项目,
// 即A、B、…) among the tasks. Dept names are the canonical names of the
// embedded dept directory first, then synthetic ones such as 省合成局17.
//
// Documents are deterministic: a fixed pseudo-random sequence drives the
// choices, so the same scale gives the same bytes.
package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"fengong/templates"
)

// Items is the number of items per unit of scale, about the seed's.
const Items = 82

// Depts returns the number of distinct depts Document(scale) names.
func Depts(scale int) int { return 100 + 20*max(scale, 1) }

// Document returns a synthetic document with Items*scale items naming
// Depts(scale) distinct depts; scale 1 is about the size of the seed
// (44 KB). A scale below 1 counts as 1.
func Document(scale int) []byte {
	scale = max(scale, 1)
	g := &gen{
		v:     newVocab(),
		rng:   rand.New(rand.NewPCG(20220315, 5)),
		depts: deptPool(Depts(scale)),
	}
	g.core = g.coreDepts()
	return g.document(Items * scale)
}

type dept struct {
	name  string
	alias string // another spelling the directory knows, or ""
	city  string // 长沙 for 长沙市人民政府, else ""
	gov   bool   // a city or prefecture government (…人民政府)
}

// deptPool returns n depts: the canonical names of the embedded directory
// in its order, then synthetic ones.
func deptPool(n int) []dept {
	var dir struct {
		Depts []struct {
			Name    string   `yaml:"name"`
			Aliases []string `yaml:"aliases"`
		} `yaml:"depts"`
	}
	if b, err := templates.Default().ReadFile("depts/hunan.yaml"); err == nil {
		// not strict: synth needs the names only, whatever else the file grows
		_ = yaml.Unmarshal(b, &dir)
	}
	pool := make([]dept, 0, n)
	for _, d := range dir.Depts {
		if len(pool) == n {
			break
		}
		if d.Name == "" || strings.ContainsAny(d.Name, "、,，()（）") {
			continue
		}
		x := dept{name: d.Name}
		if len(d.Aliases) > 0 {
			x.alias = d.Aliases[0]
		}
		if c, ok := strings.CutSuffix(d.Name, "市人民政府"); ok {
			x.city = c
		}
		x.gov = strings.HasSuffix(d.Name, "人民政府")
		pool = append(pool, x)
	}
	suffixes := []string{"局", "厅", "委", "办", "中心"}
	for i := 1; len(pool) < n; i++ {
		pool = append(pool, dept{name: "省合成" + suffixes[i%len(suffixes)] + strconv.Itoa(i)})
	}
	return pool
}

type gen struct {
	v      vocab
	rng    *rand.Rand
	depts  []dept
	core   []int // indices of the depts most tasks name
	cursor int   // next dept to name, so that every dept appears
	b      strings.Builder
}

// intn returns a number in [0, n) from the raw PCG output, whose sequence
// is fixed for a seed.
func (g *gen) intn(n int) int { return int(g.rng.Uint64() % uint64(n)) }

func (g *gen) chance(percent int) bool { return g.intn(100) < percent }

func pick[T any](g *gen, list []T) T { return list[g.intn(len(list))] }

func (g *gen) coreDepts() []int {
	names := []string{"省发展改革委", "省财政厅", "省工业和信息化厅", "省科技厅", "省商务厅",
		"省农业农村厅", "省自然资源厅", "省生态环境厅", "省住房城乡建设厅", "省交通运输厅",
		"省教育厅", "省人力资源社会保障厅", "省卫生健康委", "省市场监督管理局", "省民政厅"}
	var out []int
	for i, d := range g.depts {
		if slices.Contains(names, d.name) {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		out = []int{0}
	}
	return out
}

func (g *gen) document(items int) []byte {
	g.b.Grow(items * 560)
	g.preamble()
	sections := min(max(items/8, 1), 99)
	n := 1
	for s := range sections {
		g.line(chineseNumeral(s+1) + "、" + g.sectionTitle(s))
		end := items * (s + 1) / sections
		for ; n <= end; n++ {
			g.item(n)
		}
	}
	return []byte(g.b.String())
}

func (g *gen) line(s string) {
	g.b.WriteString(s)
	g.b.WriteByte('\n')
}

func (g *gen) preamble() {
	g.line("为确保省人民代表大会通过的《政府工作报告》确定的重大思路、重要任务、重点工作落到实处,现将《落实〈政府工作报告〉重点工作分工的意见》印发给你们,请认真抓好贯彻落实。")
	g.line("今年是实施规划承上启下的关键一年。全省各级各部门要坚持稳中求进工作总基调,完整、准确、全面贯彻新发展理念,坚持目标导向、问题导向、结果导向,确保完成全年目标任务。")
	g.line("各级各部门要对照分工意见抓紧制定本地区本单位实施方案,突出重点、细化措施,落实工作责任制;要坚持月调度、季检查、半年通报、年终考核,有力有序推动主要目标任务如期完成。")
	g.line("根据有关部门和单位职责,现就落实《政府工作报告》重点工作提出以下分工意见。")
}

// vocab is the wording documents are made of.
type vocab struct {
	verbs, domains, nouns, goals, aims, places, things, listKinds, titles []string
}

func newVocab() vocab {
	return vocab{
		verbs: []string{"加快推进", "深入实施", "全面落实", "持续深化", "大力发展", "着力提升", "稳步推进",
			"积极培育", "扎实开展", "健全完善", "统筹推进", "切实加强", "探索建立", "优化提升"},
		domains: []string{"产业链", "数字经济", "乡村振兴", "生态环境", "营商环境", "科技创新", "对外开放",
			"社会保障", "公共卫生", "基础设施", "城乡融合", "民营经济", "金融服务", "文化旅游", "教育事业",
			"安全生产", "区域协调", "县域经济", "消费升级", "新型城镇化", "粮食安全", "就业创业"},
		nouns: []string{"体系建设", "改革试点", "专项行动", "示范工程", "长效机制", "重点项目", "公共服务平台",
			"治理能力", "高质量发展", "政策体系", "标准化建设", "监测预警", "综合改革", "能力提升工程"},
		goals: []string{"推动", "促进", "支持", "引导", "鼓励", "保障"},
		aims: []string{"企业融通发展", "资源要素集聚", "服务提质增效", "政策落地见效", "群众办事便利",
			"城乡一体发展", "产业转型升级", "风险防范化解", "基层减负增效", "市场主体壮大"},
		places: []string{"长沙", "株洲", "湘潭", "衡阳", "岳阳", "常德", "益阳", "郴州", "永州", "怀化", "娄底", "邵阳"},
		things: []string{"智能装备基地", "新材料产业园", "物流枢纽", "数据中心", "储能电站", "高速公路扩容",
			"水利枢纽", "医学中心", "科创园区", "航空港", "铁路货场", "文化产业园"},
		listKinds: []string{"测试项目", "产业项目", "基础设施项目", "技术攻关项目", "民生实事"},
		titles: []string{"着力稳定经济增长", "大力推进科技创新", "加快建设现代产业体系", "全面推进乡村振兴",
			"深入推进改革开放", "扎实推动区域协调发展", "深入推动生态文明建设", "持续保障和改善民生",
			"统筹发展和安全", "加强政府自身建设", "加快发展数字经济", "着力扩大有效需求"},
	}
}

func (g *gen) sectionTitle(s int) string {
	if s < len(g.v.titles) {
		return g.v.titles[s]
	}
	return pick(g, g.v.verbs) + pick(g, g.v.domains) + pick(g, g.v.nouns)
}

func (g *gen) sentence() string {
	s := pick(g, g.v.verbs) + pick(g, g.v.domains) + pick(g, g.v.nouns)
	if g.chance(55) {
		s += "," + pick(g, g.v.goals) + pick(g, g.v.aims)
	}
	if g.chance(30) {
		s += "," + pick(g, g.v.verbs) + pick(g, g.v.domains) + pick(g, g.v.nouns)
	}
	return s + "。"
}

// target returns a quantitative target sentence in one of the seed's forms.
func (g *gen) target() string {
	f1 := func(lo, hi int) string { // one decimal in [lo, hi)
		return strconv.FormatFloat(float64(lo*10+g.intn((hi-lo)*10))/10, 'f', -1, 64)
	}
	n := func(lo, hi int) string { return strconv.Itoa(lo + g.intn(hi-lo)) }
	forms := []func() string{
		func() string { return "地区生产总值增长" + f1(5, 8) + "%以上" },
		func() string { return "规模工业增加值增长" + f1(5, 9) + "%" },
		func() string { return "固定资产投资提高" + f1(6, 10) + "%" },
		func() string { return "城镇新增就业" + n(50, 90) + "万人" },
		func() string { return "城镇调查失业率控制在" + f1(4, 6) + "%以内" },
		func() string { return "居民消费价格涨幅" + n(2, 4) + "%左右" },
		func() string { return "粮食产量" + n(550, 650) + "亿斤以上" },
		func() string { return "新建5G基站" + f1(1, 4) + "万个" },
		func() string { return "力争全省千亿园区达到" + n(12, 25) + "家" },
		func() string { return "技工贸总收入突破" + f1(5, 8) + "万亿元" },
		func() string { return "数字经济增长" + n(12, 18) + "%以上" },
	}
	return pick(g, forms)()
}

func (g *gen) namedList() string {
	k := []int{5, 8, 10}[g.intn(3)]
	members := make([]string, 0, k)
	for len(members) < k {
		m := pick(g, g.v.places) + pick(g, g.v.things)
		if !slices.Contains(members, m) {
			members = append(members, m)
		}
	}
	return "重点抓好" + chineseNumeral(k) + "大" + pick(g, g.v.listKinds) + ",即" + strings.Join(members, "、") + "。"
}

func (g *gen) item(n int) {
	var b strings.Builder
	b.WriteString(strconv.Itoa(n) + ".")
	tasks := 1 + g.intn(3)
	if n == 1 {
		tasks = 1
	}
	for t := range tasks {
		for range 1 + g.intn(3) {
			b.WriteString(g.sentence())
		}
		switch {
		case t == 0 && g.chance(15):
			b.WriteString(g.target() + "," + g.target() + "。")
		case g.chance(8):
			b.WriteString(g.target() + "。")
		case g.chance(6):
			b.WriteString(g.namedList())
		}
		if n == 1 {
			b.WriteString("(各部门单位分别负责)")
			continue
		}
		b.WriteString(g.clause())
	}
	g.line(b.String())
}

// next names the next dept in turn, so that every dept of the pool
// appears in some clause.
func (g *gen) next() int {
	i := g.cursor % len(g.depts)
	g.cursor++
	return i
}

// some returns k distinct depts, the next in turn among them, most of the
// others from the core, none of them in avoid; in directory order. A list
// names at most one city government in full: several are written as a
// compound (长沙、株洲市人民政府), as the seed does.
func (g *gen) some(k int, avoid []int) []int {
	out := make([]int, 0, k)
	city := false
	add := func(i int) {
		if slices.Contains(out, i) || slices.Contains(avoid, i) || city && g.depts[i].gov {
			return
		}
		city = city || g.depts[i].gov
		out = append(out, i)
	}
	add(g.next())
	for tries := 0; len(out) < k && tries < 8*k; tries++ {
		if g.chance(50) {
			add(pick(g, g.core))
		} else {
			add(g.intn(len(g.depts)))
		}
	}
	slices.Sort(out)
	return out
}

func (g *gen) names(idx []int) string {
	s := make([]string, len(idx))
	for i, d := range idx {
		s[i] = g.depts[d].name
		if a := g.depts[d].alias; a != "" && g.chance(5) {
			s[i] = a
		}
	}
	return strings.Join(s, "、")
}

func (g *gen) etc() string {
	if g.chance(85) {
		return "等"
	}
	return ""
}

// clause returns a responsibility clause in one of the seed's forms.
func (g *gen) clause() string {
	lead := func(k int) []int {
		if g.chance(60) {
			return []int{pick(g, g.core)}
		}
		return g.some(k, nil)
	}
	switch p := g.intn(100); {
	case p < 20:
		return "(" + g.names(lead(1+g.intn(2))) + "牵头)"
	case p < 55:
		l := lead(1)
		return "(" + g.names(l) + "牵头," + g.names(g.some(2+g.intn(6), l)) + g.etc() + "按职责分工负责)"
	case p < 63:
		l := g.some(2, nil)
		return "(" + g.names(l) + "牵头," + g.names(g.some(2+g.intn(5), l)) + g.etc() + "按职责分工负责)"
	case p < 78:
		return "(" + g.names(g.some(2+g.intn(7), nil)) + g.etc() + "按职责分工负责)"
	case p < 85:
		return "(" + g.names(g.some(2+g.intn(2), nil)) + "分别负责)"
	case p < 88:
		return "(各部门单位分别负责)"
	case p < 91:
		return "(有关部门按职责分工负责)"
	case p < 96:
		return "(" + g.names(lead(1)) + "牵头,有关部门按职责分工负责)"
	default:
		l := lead(1)
		co := g.names(g.some(2+g.intn(3), slices.Concat(l, g.cityDepts())))
		if cities := g.cities(2 + g.intn(3)); cities != "" {
			co += "," + cities + "市人民政府"
		}
		return "(" + g.names(l) + "牵头," + co + g.etc() + "按职责分工负责)"
	}
}

// cities returns a compound such as 长沙、株洲 naming k city governments of
// the pool, in directory order, or "" if the pool has none.
func (g *gen) cities(k int) string {
	var all []int
	for _, i := range g.cityDepts() {
		if g.depts[i].city != "" {
			all = append(all, i)
		}
	}
	if len(all) == 0 {
		return ""
	}
	var idx []int
	for tries := 0; len(idx) < k && tries < 4*k; tries++ {
		if i := pick(g, all); !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	slices.Sort(idx)
	s := make([]string, len(idx))
	for i, d := range idx {
		s[i] = g.depts[d].city
	}
	return strings.Join(s, "、")
}

func (g *gen) cityDepts() []int {
	var out []int
	for i, d := range g.depts {
		if d.gov {
			out = append(out, i)
		}
	}
	return out
}

// chineseNumeral writes 1..99 as 一 … 十 … 九十九.
func chineseNumeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 1 || n > 99:
		return fmt.Sprint(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n-10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
