package pdf_test

import (
	"fmt"
	"time"

	"fengong/export"
	"fengong/export/pdf"
	"fengong/extract"
)

func Example() {
	doc := &extract.Document{
		Title: "落实〈政府工作报告〉重点工作分工的意见",
		Items: []extract.Item{{Number: 1, Tasks: []extract.Task{{
			ID: "1.1", Item: 1, Text: "推进数字乡村建设。", Lead: []string{"省农业农村厅"}, Co: []string{"省委网信办"},
		}}}},
		Depts: []extract.Dept{{Name: "省农业农村厅", Lead: 1}, {Name: "省委网信办", Co: 1}},
	}
	opt := export.Options{Date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)}
	r, err := pdf.NewRenderer(doc, opt, pdf.Fonts{}) // once per batch
	if err != nil {
		panic(err)
	}
	b, err := r.Dept("省农业农村厅") // safe to call concurrently
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b[:8]))
	l, _ := r.DeptLayout("省农业农村厅")
	for _, s := range l.Texts()[:4] {
		fmt.Println(s)
	}
	// Output:
	// %PDF-1.3
	// 落实〈政府工作报告〉重点工作分工的意见
	// 省农业农村厅重点工作任务清单
	// 一、任务概况
	// 本单位共承担重点工作任务1项，其中牵头1项，分别负责0
}
