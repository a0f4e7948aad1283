package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// bodyGrammar reads government body names: whether a name is a body, its
// identity key (so two spellings of one body merge), its kind and rank,
// and the expansion of elliptical lists.
type bodyGrammar struct{}

var defaultBodyGrammar = sync.OnceValue(func() *bodyGrammar { return &bodyGrammar{} })

// body is a parsed body name.
type body struct {
	key     string // identity: equal keys are one body
	kind    string
	level   string // the level prefix, "" for a bare name
	rank    int
	foreign bool // never given a level prefix
}

// expanded is a name with what an elliptical list gave it.
type expanded struct{ prefix, base, suffix string }

var bodyEndings = []string{"人民政府", "管理委员会", "管委会", "委员会", "办公室", "办公厅", "中心支行", "分行", "支行", "海关", "总队", "支队", "大队", "集团", "公司", "指挥部", "管理区", "开发区", "高新区", "新区", "度假区", "园区", "联合会", "总工会", "工商联", "团委", "妇联", "科协", "残联", "文联", "侨联", "中心", "政府"}

const bodyEndRunes = "厅局委办部院馆署会社所站行队处室台团司联"

func (g *bodyGrammar) parse(n string) (body, bool) {
	rc := utf8.RuneCountInString(n)
	if rc < 2 || rc > 40 {
		return body{}, false
	}
	r, _ := utf8.DecodeRuneInString(n)
	if !unicode.Is(unicode.Han, r) && !unicode.IsDigit(r) && !unicode.IsLetter(r) {
		return body{}, false
	}
	if strings.ContainsAny(n, "。；，,;：:“”") {
		return body{}, false
	}
	ok := hasAnySuffix(n, bodyEndings)
	if !ok {
		last, _ := utf8.DecodeLastRuneInString(n)
		ok = strings.ContainsRune(bodyEndRunes, last)
	}
	if !ok {
		return body{}, false
	}
	b := body{key: n, kind: "其他"}
	for _, l := range []string{"省", "市", "县", "区"} {
		if strings.HasPrefix(n, l) {
			b.level = l
		}
	}
	return b, true
}

// expand gives the names of one clause part their shared prefix and
// suffix. known reports names the directory lists, which are complete.
func (g *bodyGrammar) expand(names []string, known func(string) bool) []expanded {
	out := make([]expanded, len(names))
	for i, n := range names {
		out[i] = expanded{base: n}
	}
	full := expandSuffix(names, known)
	for i := range names {
		if full[i] != names[i] && strings.HasPrefix(full[i], names[i]) {
			out[i].suffix = full[i][len(names[i]):]
		}
	}
	// a shared level prefix: 市经委、环保局
	if len(names) > 1 {
		lvl := ""
		for _, l := range []string{"省", "市", "县", "区"} {
			if strings.HasPrefix(names[0], l) {
				lvl = l
			}
		}
		if lvl != "" {
			for i := 1; i < len(names); i++ {
				n := names[i]
				if strings.HasPrefix(n, lvl) || (known != nil && known(n)) || out[i].suffix != "" {
					continue
				}
				b, ok := g.parse(n)
				if !ok || b.foreign || hasAnySuffix(n, []string{"海关", "支行", "分行", "公司", "集团", "人民政府", "政府"}) {
					continue
				}
				if known != nil && known(lvl+n) || utf8.RuneCountInString(n) <= 8 {
					out[i].prefix = lvl
				}
			}
		}
	}
	return out
}

var (
	placeTypes   = []string{"自治州", "自治县", "市", "州", "县", "区", "盟", "旗"}
	orgSuffixes  = []string{"人民政府", "政府", "党委和政府", "管委会", "管理区"}
	orgEndings   = "厅局委办部会院心团司行所社台站处联协组馆室队署关府"
	typeEndingsE = []string{"自治州", "自治县", "市", "县", "区", "盟", "旗"}
)

// expandSuffix gives the bare place names that precede a local
// government's name the same suffix: 长沙、株洲市人民政府 gives 长沙市人民政府
// and 株洲市人民政府; 人民大垸、荒湖管理区 gives 人民大垸管理区 and 荒湖管理区.
// A name the directory knows is never a bare place.
func expandSuffix(names []string, known func(string) bool) []string {
	if len(names) < 2 {
		return names
	}
	last := names[len(names)-1]
	var suffix, ptype string
	for _, s := range orgSuffixes {
		if strings.HasSuffix(last, s) {
			suffix = s
			place := strings.TrimSuffix(last, s)
			for _, t := range placeTypes {
				if strings.HasSuffix(place, t) && utf8.RuneCountInString(place) > utf8.RuneCountInString(t) {
					ptype = t
					break
				}
			}
			break
		}
	}
	if suffix == "" || (ptype == "" && suffix != "管理区") {
		return names
	}
	out := append([]string(nil), names...)
	for i := len(out) - 2; i >= 0; i-- {
		e := out[i]
		if !barePlace(e) || (known != nil && known(e)) {
			break
		}
		if hasAnySuffix(e, typeEndingsE) || ptype == "" {
			out[i] = e + suffix
		} else {
			out[i] = e + ptype + suffix
		}
	}
	return out
}

// barePlace is a short all-Han name with no organisation ending, and not
// a provincial body: 长沙, 岳阳市, 湘西自治州.
func barePlace(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 8 || strings.HasPrefix(s, "各") || strings.HasPrefix(s, "省") || hasAnySuffix(s, orgSuffixes) {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(orgEndings, last)
}
