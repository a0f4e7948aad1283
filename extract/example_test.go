package extract_test

import (
	"fmt"

	"fengong/extract"
)

// A county's document: a heading, an item with its target and an inline
// clause of labels, an item whose units are a sentence.
func ExampleParse() {
	text, err := extract.Read("分工.txt", []byte(`某县人民政府办公室关于分解落实2023年政府工作报告重点任务的通知
一、主要目标
1.地区生产总值增长7%左右。（牵头单位：县发改局；责任单位：县统计局，各乡、镇人民政府）
2.新建幼儿园3所。由县教育局、住建局负责落实。
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := extract.Parse(text, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Issuer, doc.Level)
	for _, it := range doc.Items {
		for _, t := range it.Tasks {
			fmt.Println(t.ID, t.Text, "lead:", t.Lead, "co:", t.Co, "groups:", t.Groups)
		}
	}
	for _, t := range doc.Targets {
		fmt.Println(t.Indicator, t.Verb, t.Op, t.Value, t.Unit)
	}
	for _, d := range doc.Depts {
		fmt.Println(d.Name, d.Kind)
	}
	// Output:
	// 某县人民政府 县
	// 1.1 地区生产总值增长7%左右。 lead: [县发改局] co: [县统计局] groups: [各乡、镇人民政府]
	// 2.1 新建幼儿园3所。 lead: [] co: [县教育局 县住建局] groups: []
	// 地区生产总值 增长 ~ 7 %
	// 幼儿园 新建 = 3 所
	// 县发改局 政府部门
	// 县教育局 政府部门
	// 县住建局 政府部门
	// 县统计局 政府部门
}
