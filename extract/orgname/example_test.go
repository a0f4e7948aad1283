package orgname_test

import (
	"fmt"

	"fengong/extract/orgname"
)

func ExampleGrammar_Parse() {
	g, err := orgname.Load(nil)
	if err != nil {
		panic(err)
	}
	for _, s := range []string{"市发展和改革委员会", "省委办公厅", "人民银行长沙中心支行", "湘江新区", "有关部门"} {
		n, ok := g.Parse(s)
		if !ok {
			fmt.Printf("%s: not a body\n", s)
			continue
		}
		fmt.Printf("%s: level %q, key %s, kind %s, foreign %v\n", s, n.Level, n.Key, n.Kind, n.Foreign)
	}
	fmt.Println(g.Same("市发改委", "市发展和改革委员会"), g.Same("省委办公厅", "省政府办公厅"))
	fmt.Println(g.Expand([]string{"省商务厅", "财政厅", "发展改革委"}))
	fmt.Println(g.Expand([]string{"长沙", "株洲市人民政府"}))
	// Output:
	// 市发展和改革委员会: level "市", key 发展改革, kind 政府部门, foreign false
	// 省委办公厅: level "省", key 委·办公, kind 党委部门, foreign false
	// 人民银行长沙中心支行: level "", key 长沙·人民银行, kind 垂直管理单位, foreign true
	// 湘江新区: level "", key 湘江·新区, kind 功能区, foreign true
	// 有关部门: not a body
	// true false
	// [省商务厅 省财政厅 省发展改革委]
	// [长沙市人民政府 株洲市人民政府]
}
