package extract

import "testing"

func TestReadDue(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		limit   string
		year    int
		due     string
		ongoing bool
	}{
		{"6月底前", 2022, "2022-06-30", false},
		{"6月底", 2022, "2022-06-30", false},
		{"6月末", 2022, "2022-06-30", false},
		{"六月底前", 2022, "2022-06-30", false},
		{"2月底前", 2024, "2024-02-29", false},
		{"10月份", 2022, "2022-10-31", false},
		{"10月", 2022, "2022-10-31", false},
		{"11月", 2022, "2022-11-30", false},
		{"11月前", 2022, "2022-10-31", false},
		{"1月前", 2022, "2021-12-31", false},
		{"10月中旬", 2022, "2022-10-20", false},
		{"10月上旬", 2022, "2022-10-10", false},
		{"10月1日前", 2022, "2022-10-01", false},
		{"2022年12月31日", 2022, "2022-12-31", false},
		{"2022年12月31日前", 0, "2022-12-31", false},
		{"2月30日", 2022, "", false},
		{"三季度末", 2022, "2022-09-30", false},
		{"第三季度", 2022, "2022-09-30", false},
		{"3季度", 2022, "2022-09-30", false},
		{"三季度前", 2022, "2022-06-30", false},
		{"一季度", 2022, "2022-03-31", false},
		{"上半年", 2022, "2022-06-30", false},
		{"下半年", 2022, "2022-12-31", false},
		{"年底前", 2022, "2022-12-31", false},
		{"年内", 2022, "2022-12-31", false},
		{"年末", 2022, "2022-12-31", false},
		{"全年", 2022, "2022-12-31", false},
		{"2023年6月", 2022, "2023-06-30", false},
		{"2023年底前完成", 2022, "2023-12-31", false},
		{"2023年12月底", 2022, "2023-12-31", false},
		{"2023年", 2022, "2023-12-31", false},
		{"2021.12", 2022, "2021-12-31", false},
		{"2022年上半年", 0, "2022-06-30", false},
		{"次年", 2022, "2023-12-31", false},
		{"次年6月底", 2022, "2023-06-30", false},
		{"明年年底", 2022, "2023-12-31", false},
		{"5月底前动工", 2022, "2022-05-31", false},
		{"9月投入使用", 2022, "2022-09-30", false},
		{"6月底前出台政策，年底前完成", 2022, "2022-12-31", false},
		{"1.2021年8月 2.2021年12月", 2022, "2021-12-31", false},
		{"“十四五”期间", 2022, "", true},
		{"长期坚持", 2022, "", true},
		{"年内持续推进", 2022, "", true},
		{"持续推进", 2022, "", true},
		{"常态化推进", 2022, "", true},
		{"6月底前", 0, "", false},
		{"年底前", 0, "", false},
		{"", 2022, "", false},
		{"按计划推进", 2022, "", false},
	}
	for _, tt := range tests {
		due, ongoing := v.ReadDue(tt.limit, tt.year)
		if due != tt.due || ongoing != tt.ongoing {
			t.Errorf("ReadDue(%q, %d) = %q, %v; want %q, %v", tt.limit, tt.year, due, ongoing, tt.due, tt.ongoing)
		}
	}
}

func TestReadDueText(t *testing.T) {
	v := defaultVocabulary()
	tests := []struct {
		text string
		due  string
	}{
		{"6月底前完成全省农村危房改造", "2022-06-30"},
		{"年内新建5G基站2.5万个", "2022-12-31"},
		{"2023年底前建成长沙机场改扩建工程", "2023-12-31"},
		{"10月1日前完成项目建设", "2022-10-01"},
		{"持续推进农村危险房屋改造", ""},                    // a verb, not a limit
		{"2022年是我国进入全面建设社会主义现代化国家新征程的重要一年", ""}, // a year, not a limit
		{"城镇新增就业70万人，6月完成一半", ""},               // no 前: not a limit
		{"力争到2025年，数字经济规模突破万亿元", ""},
		{"上半年前完成方案，三季度末前全面铺开", "2022-09-30"},
	}
	for _, tt := range tests {
		if got := v.readDueText(tt.text, 2022); got != tt.due {
			t.Errorf("readDueText(%q) = %q, want %q", tt.text, got, tt.due)
		}
	}
}

func TestDocumentYear(t *testing.T) {
	tests := []struct {
		name, text string
		year       int
	}{
		{"title", "关于印发《2023年政府工作报告重点工作分工方案》的通知\n1.推进改革。（市发改委牵头）\n", 2023},
		{"date line", "关于印发重点工作分工方案的通知\n各区县：\n2021年3月2日\n1.推进改革。（市发改委牵头）\n", 2021},
		{"opening sentence", "重点工作分工的意见\n2022年是重要一年。\n1、6月底前完成改革。（市发改委牵头）\n", 2022},
		{"none", "重点工作分工的意见\n1、6月底前完成改革。（市发改委牵头）\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt, err := Read(tt.name+".txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(txt, nil)
			if err != nil {
				t.Fatal(err)
			}
			if d.Year != tt.year {
				t.Errorf("Year = %d, want %d", d.Year, tt.year)
			}
			task := d.Items[0].Tasks[0]
			want := ""
			if tt.year == 2022 {
				want = "2022-06-30"
			}
			if task.Due != want {
				t.Errorf("task %q: Due = %q, want %q", task.Text, task.Due, want)
			}
		})
	}
}
