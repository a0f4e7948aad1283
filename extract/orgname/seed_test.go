package orgname

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestSeedNames reads the responsibility parentheses of the seed: every
// name in them parses after Expand, except groups.
func TestSeedNames(t *testing.T) {
	g := load(t)
	b, err := os.ReadFile("../../seeds/hunan-2022.txt")
	if err != nil {
		t.Skip("no seed")
	}
	paren := regexp.MustCompile(`[(（]([^()（）\n]*(?:负责|牵头))[)）]`)
	roles := strings.NewReplacer("等按职责分工负责", "", "按职责分工负责", "", "分别负责", "", "牵头", "")
	groups := map[string]bool{"各部门单位": true, "有关部门": true, "有关部门和市人民政府": true, "省非公有制经济工作领导小组其他成员单位": true,
		"长株潭一体化发展领导小组成员单位及省长株潭一体化发展事务中心": true, "省安全生产委员会成员单位": true}
	seen := 0
	for _, m := range paren.FindAllStringSubmatch(string(b), -1) {
		for _, part := range strings.FieldsFunc(roles.Replace(m[1]), func(r rune) bool { return r == ',' || r == '，' }) {
			for _, n := range g.Expand(strings.Split(part, "、")) {
				n = strings.TrimSuffix(n, "等") // a trailing 等 is the caller's to drop
				if n == "" || groups[n] {
					continue
				}
				seen++
				if _, ok := g.Parse(n); !ok {
					t.Errorf("seed name %q does not parse (in %q)", n, m[1])
				}
			}
		}
	}
	if seen < 100 {
		t.Errorf("only %d seed names read", seen)
	}
}
