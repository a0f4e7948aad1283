package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestCycle is the 督办 cycle over three periods of the seed, through the
// commands as a clerk runs them: send the pack, take back what the units
// returned each period (renamed files, a LibreOffice re-save, a copy sent
// twice, a workbook of another document, units that never answer), run
// with the ledger, and read what users see: the 汇总表's 进展台账, 报送情况
// and 单位汇总, the next period's pre-filled 任务分解表, the 督查通报 and
// the dashboard's 督办 and dept pages.
func TestCycle(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "pack")
	db := filepath.Join(dir, "督办.db")
	if code, _, errs := run(t, "run", "-q", "-o", pack, "--formats", "xlsx", "--date", "2022-03-01"); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	// the workbook of another document, sent to a unit of both
	other := filepath.Join(dir, "other")
	otherDoc := filepath.Join(dir, "另一文件.txt")
	if err := os.WriteFile(otherDoc, []byte("1.推进财政资金直达基层。（省财政厅牵头）\n2.加强外贸主体培育。（省商务厅牵头）\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "run", "-q", "-o", other, "--formats", "xlsx", "--date", "2022-03-01", otherDoc); code != exitOK {
		t.Fatalf("run of another document: exit %d: %s", code, errs)
	}
	foreign := filepath.Join(other, "单位", "省财政厅", "省财政厅.xlsx")

	sent := map[string]string{} // dept → the workbook it was sent last
	keep := func(period string) {
		for _, d := range []string{"省财政厅", "省商务厅", "省发展改革委", "省教育厅"} {
			dst := filepath.Join(dir, "sent-"+period, d+".xlsx")
			copyFile(t, filepath.Join(pack, "单位", d, d+".xlsx"), dst)
			sent[d] = dst
		}
	}
	keep("2022-01")

	periods := []struct {
		key, received, runDate string
		returns                []unitReturn
		refused                bool
		lines                  []string // in collect's output
		want                   periodWant
	}{
		{
			key: "2022-03", received: "2022-04-03", runDate: "2022-04-10",
			returns: []unitReturn{
				{dept: "省财政厅", name: "省财政厅-3月.xlsx", words: map[string]words{
					"11.2": {state: "已完成", progress: "已下达专项资金10亿元"},
					"27.1": {state: "推进中", progress: "完成方案起草", problems: "部门协调难度大", next: "6月底前印发", deadline: "6月底前"},
				}},
				{dept: "省商务厅", name: "附件2 任务分解表（商务厅）.xlsx", words: map[string]words{
					"7.2": {state: "滞后", progress: "消费券发放未启动", problems: "配套资金未到位"},
					"8.1": {state: "推进中", progress: "夜间经济地标评选启动"},
				}},
				{dept: "省发展改革委", name: "发改委报送.xlsx", soffice: true, words: map[string]words{
					"3.1": {state: "推进中", progress: "重大项目开工52个"},
					"4.1": {state: "已完成", progress: "十大产业项目全部签约"},
				}},
				{dept: "省教育厅", name: "省教育厅.xlsx", twice: "省教育厅（再报）.xlsx", words: map[string]words{
					"62.1": {state: "推进中", progress: "学位建设开工"},
				}},
				{name: "财政厅另一文件.xlsx", foreign: true},
			},
			refused: true,
			lines:   []string{"接收　省财政厅-3月.xlsx", "接收　附件2 任务分解表（商务厅）.xlsx", "接收　发改委报送.xlsx", "重复　省教育厅（再报）.xlsx", "拒收　财政厅另一文件.xlsx", "接收4份，重复1份，拒收1份"},
			want: periodWant{
				counts: [4]int{1, 158, 34, 1},
				returned: map[string]string{"省财政厅": "省财政厅-3月.xlsx", "省商务厅": "附件2 任务分解表（商务厅）.xlsx",
					"省发展改革委": "发改委报送.xlsx", "省教育厅": "省教育厅.xlsx"},
				tasks: map[string]taskWant{
					"7.2":  {"滞后", "省商务厅报告进度滞后", map[string]string{"省商务厅": "消费券发放未启动@2022-03"}},
					"27.1": {"正常", "按计划推进", map[string]string{"省财政厅": "完成方案起草@2022-03"}},
					"4.1":  {"已完成", "省发展改革委报告已完成", map[string]string{"省发展改革委": "十大产业项目全部签约@2022-03"}},
					"11.2": {"预警", "省税务局未在2022年4月5日前报送", map[string]string{"省财政厅": "已下达专项资金10亿元@2022-03"}},
					// a task of every dept no unit wrote on: its blank rows are no report
					"1.1": {"正常", "按计划推进", nil},
				},
				red:    []string{"7.2", "加强县域商业体系建设。", "省商务厅报告进度滞后", "省商务厅：进展情况：消费券发放未启动存在问题：配套资金未到位"},
				notice: []string{"关于2022年3月重点工作推进情况的通报", "五、与上期比较本期为首次调度，暂无上期数据可供比较。"},
				trend:  1,
			},
		},
		{
			key: "2022-06", received: "2022-07-04", runDate: "2022-07-10",
			returns: []unitReturn{
				// updates its pre-filled words rather than retyping them
				{dept: "省财政厅", name: "财政厅6月.xlsx", update: true, words: map[string]words{
					"27.1": {progress: "；6月完成征求意见"},
				}},
				{dept: "省商务厅", name: "商务厅.xlsx", words: map[string]words{
					"7.2": {state: "推进中", progress: "消费券已发放两轮"},
					"8.1": {state: "推进中", progress: "夜间经济地标评选启动"},
				}},
			},
			lines: []string{"接收　财政厅6月.xlsx", "接收　商务厅.xlsx", "接收2份，重复0份，拒收0份"},
			want: periodWant{
				counts:   [4]int{0, 176, 17, 1},
				returned: map[string]string{"省财政厅": "财政厅6月.xlsx", "省商务厅": "商务厅.xlsx"},
				tasks: map[string]taskWant{
					"7.2":  {"正常", "按计划推进", map[string]string{"省商务厅": "消费券已发放两轮@2022-06"}},
					"27.1": {"正常", "按计划推进", map[string]string{"省财政厅": "完成方案起草；6月完成征求意见@2022-06"}},
					"4.1":  {"已完成", "省发展改革委报告已完成", map[string]string{"省发展改革委": "十大产业项目全部签约@2022-03"}},
					"3.1":  {"预警", "省发展改革委未在2022年7月5日前报送", map[string]string{"省发展改革委": "重大项目开工52个@2022-03"}},
					"1.1":  {"正常", "按计划推进", nil},
				},
				red: []string{"本期无滞后任务。"},
				notice: []string{"关于2022年6月重点工作推进情况的通报", "与上期（2022年3月）相比",
					"滞后10减少1项", "预警158176增加18项", "正常3417减少17项", "已完成11持平", "合计194194持平"},
				trend: 2,
			},
		},
		{
			key: "2022-09", received: "2022-10-04", runDate: "2022-10-10",
			returns: []unitReturn{
				{dept: "省财政厅", name: "省财政厅.xlsx", update: true, words: map[string]words{
					"27.1": {progress: "；9月已报省政府审定"},
				}},
				{dept: "省商务厅", name: "商务厅9月.xlsx", words: map[string]words{
					"7.2": {state: "已完成", progress: "消费券全部发放"},
				}},
				{dept: "省发展改革委", name: "发改委.xlsx", words: map[string]words{
					"4.1": {state: "已完成", progress: "十大产业项目全部签约"},
				}},
			},
			lines: []string{"接收3份，重复0份，拒收0份"},
			want: periodWant{
				counts:   [4]int{1, 161, 30, 2},
				returned: map[string]string{"省财政厅": "省财政厅.xlsx", "省商务厅": "商务厅9月.xlsx", "省发展改革委": "发改委.xlsx"},
				tasks: map[string]taskWant{
					// its 6月底前 (the unit's 完成时限) has passed
					"27.1": {"滞后", "已过完成时限（2022年6月30日）仍未完成", map[string]string{"省财政厅": "完成方案起草；6月完成征求意见；9月已报省政府审定@2022-09"}},
					"7.2":  {"已完成", "省商务厅报告已完成", map[string]string{"省商务厅": "消费券全部发放@2022-09"}},
					"3.1":  {"正常", "按计划推进", map[string]string{"省发展改革委": "重大项目开工52个@2022-09"}},
					"62.1": {"预警", "省教育厅未在2022年10月5日前报送", map[string]string{"省教育厅": "学位建设开工@2022-03"}},
				},
				red: []string{"27.1", "推动预算改革，推进财政领域五大专项整治。", "研判：已过完成时限（2022年6月30日）仍未完成", "省财政厅",
					"省财政厅：进展情况：完成方案起草；6月完成征求意见；9月已报", "存在问题：部门协调难度大"},
				notice: []string{"关于2022年9月重点工作推进情况的通报", "与上期（2022年6月）相比",
					"滞后01增加1项", "预警176161减少15项", "正常1730增加13项", "已完成12增加1项", "各期任务推进状态如下图"},
				trend: 3,
			},
		},
	}
	// what each unit wrote last, task by task: its next workbook comes
	// pre-filled with it
	written := map[string]map[string]map[string]string{}
	for _, p := range periods {
		t.Run(p.key, func(t *testing.T) {
			for dept, tasks := range written {
				for task, w := range tasks {
					if got := inputs(t, sent[dept], task); fmt.Sprint(got) != fmt.Sprint(w) {
						t.Errorf("%s's workbook for %s is pre-filled on task %s with %v, want its last words %v", dept, p.key, task, got, w)
					}
				}
			}
			in := filepath.Join(dir, "收文-"+p.key)
			if err := os.MkdirAll(in, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, r := range p.returns {
				dst := filepath.Join(in, r.name)
				switch {
				case r.foreign:
					copyFile(t, foreign, dst)
				case r.soffice:
					fillReturn(t, sent[r.dept], dst, r.words, r.update)
					if !libreResave(t, dst) {
						t.Logf("soffice not installed: %s is returned as saved by excelize (install LibreOffice for the re-save case)", r.name)
					}
				default:
					fillReturn(t, sent[r.dept], dst, r.words, r.update)
				}
				if r.twice != "" {
					copyFile(t, dst, filepath.Join(in, r.twice))
				}
				if !r.foreign {
					if written[r.dept] == nil {
						written[r.dept] = map[string]map[string]string{}
					}
					for task := range r.words {
						written[r.dept][task] = inputs(t, dst, task)
					}
				}
			}
			code, stdout, errs := run(t, "collect", "--ledger", db, "--period", p.key, "--date", p.received, in)
			want := exitOK
			if p.refused {
				want = exitPartial
			}
			if code != want {
				t.Fatalf("collect: exit %d, want %d: %s%s", code, want, stdout, errs)
			}
			for _, l := range p.lines {
				if !strings.Contains(stdout, l) {
					t.Errorf("collect printed\n%s\nwant %q in it", stdout, l)
				}
			}
			if code, _, errs := run(t, "run", "-q", "-o", pack, "--date", p.runDate, "--ledger", db, "--period", p.key); code != exitOK {
				t.Fatalf("run --ledger: exit %d: %s", code, errs)
			}
			checkPeriod(t, pack, p.key, p.received, p.want)
			keep(p.key)
		})
		if t.Failed() {
			return
		}
	}
}

// words are one unit's words on one task, typed as a unit does.
type words struct{ state, progress, problems, next, deadline string }

// unitReturn is one file in a period's 收文 folder.
type unitReturn struct {
	dept, name string
	words      map[string]words
	update     bool   // append to the pre-filled 进展情况 rather than retype it
	soffice    bool   // re-saved by LibreOffice
	twice      string // a copy sent again under this name
	foreign    bool   // the workbook of another document
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// taskRow is where a task is in a dept workbook: its sheet, its row and
// the columns by heading.
type taskRow struct {
	sheet string
	row   int // 1-based
	cols  map[string]int
}

// cell is the name of the cell in the row under the heading.
func (r taskRow) cell(t *testing.T, heading string) string {
	t.Helper()
	c := r.cols[heading]
	if c == 0 {
		t.Fatalf("sheet %s has no column %s", r.sheet, heading)
	}
	name, err := excelize.CoordinatesToCellName(c, r.row)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// taskRows finds a dept workbook's task rows by heading, as a unit's
// clerk reads it: the first row of a sheet with a 进展情况 heading heads
// it, and the 编号 column names the task (its first row when a task is
// listed on two sheets).
func taskRows(t *testing.T, f *excelize.File) map[string]taskRow {
	t.Helper()
	out := map[string]taskRow{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		var cols map[string]int
		for i, r := range rows {
			if cols == nil {
				if slicesContains(r, "进展情况") {
					cols = map[string]int{}
					for k, h := range r {
						cols[h] = k + 1
					}
				}
				continue
			}
			if c := cols["编号"]; c > 0 && c <= len(r) && r[c-1] != "" {
				if _, seen := out[r[c-1]]; !seen {
					out[r[c-1]] = taskRow{sheet: sh, row: i + 1, cols: cols}
				}
			}
		}
	}
	return out
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// inputs reads a dept workbook's input cells of one task by heading.
func inputs(t *testing.T, path, task string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, ok := taskRows(t, f)[task]
	if !ok {
		t.Fatalf("%s has no task %s", filepath.Base(path), task)
	}
	out := map[string]string{}
	for _, h := range []string{"完成状态", "进展情况", "存在问题", "下步措施", "完成时限"} {
		v, err := f.GetCellValue(r.sheet, r.cell(t, h))
		if err != nil {
			t.Fatal(err)
		}
		out[h] = v
	}
	return out
}

// fillReturn fills the workbook a unit was sent as it does: its words in
// 进展情况, 存在问题, 下步措施, 完成状态 and 完成时限, found by heading, and
// saves it as dst. With update the 进展情况 given is added to what the
// cell holds (the pre-filled words of the period before).
func fillReturn(t *testing.T, src, dst string, ws map[string]words, update bool) {
	t.Helper()
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := taskRows(t, f)
	for id, w := range ws {
		r, ok := rows[id]
		if !ok {
			t.Fatalf("%s has no task %s", filepath.Base(src), id)
		}
		progress := w.progress
		if update {
			old, err := f.GetCellValue(r.sheet, r.cell(t, "进展情况"))
			if err != nil {
				t.Fatal(err)
			}
			progress = old + progress
		}
		for h, v := range map[string]string{"完成状态": w.state, "进展情况": progress, "存在问题": w.problems, "下步措施": w.next, "完成时限": w.deadline} {
			if v == "" {
				continue
			}
			if err := f.SetCellStr(r.sheet, r.cell(t, h), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(dst); err != nil {
		t.Fatal(err)
	}
}

// libreResave re-saves an xlsx with LibreOffice in place, as a unit that
// opened it there does; false when soffice is not installed.
func libreResave(t *testing.T, path string) bool {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		return false
	}
	out := filepath.Join(t.TempDir(), "lo")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "-env:UserInstallation=file://"+filepath.Join(t.TempDir(), "profile"),
		"--convert-to", "xlsx", "--outdir", out, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	copyFile(t, filepath.Join(out, filepath.Base(path)), path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if app, err := f.GetAppProps(); err != nil || !strings.Contains(app.Application, "LibreOffice") {
		t.Fatalf("%s was not re-saved by LibreOffice: %+v %v", filepath.Base(path), app, err)
	}
	return true
}

// periodWant is what users see after a period's run.
type periodWant struct {
	counts   [4]int            // 滞后, 预警, 正常, 已完成 of the 194 tasks
	returned map[string]string // dept → the file its 报送情况 names; the others 未报送
	tasks    map[string]taskWant
	red      []string // in the 通报's 滞后 part (its units' words among them)
	notice   []string // elsewhere in the 通报 (whitespace left out)
	trend    int      // periods in the trend
}

// taskWant is one task's line in the 进展台账: its status and each unit's
// latest 进展情况 and the period it was reported for.
type taskWant struct {
	status string
	reason string
	words  map[string]string // dept → 进展情况 + "@" + its period
}

var statusFills = map[string]string{"滞后": "FFC7CE", "预警": "FFEB9C", "正常": "C6EFCE", "已完成": "BDD7EE"}
var statusOrder = []string{"滞后", "预警", "正常", "已完成"}

// checkPeriod reads what the period's run wrote: the 汇总表's 进展台账,
// 报送情况 and 单位汇总, the 督查通报, the dashboard's 督办 and dept pages.
func checkPeriod(t *testing.T, pack, period, day string, want periodWant) {
	t.Helper()
	deptCounts := checkMaster(t, filepath.Join(pack, "汇总", "汇总表.xlsx"), period, day, want)
	checkNotice(t, filepath.Join(pack, "通报", "督查通报-"+period+".pdf"), want)
	checkDashboard(t, filepath.Join(pack, "charts"), period, want, deptCounts)
}

// sheetRows are a sheet's rows under its heading row (the first row with
// the heading), as maps by heading, with each row's number.
func sheetRows(t *testing.T, f *excelize.File, sheet, heading string) ([]map[string]string, []int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	var head []string
	var out []map[string]string
	var nums []int
	for i, r := range rows {
		if head == nil {
			if slicesContains(r, heading) {
				head = r
			}
			continue
		}
		m := map[string]string{}
		for j, h := range head {
			if j < len(r) {
				m[h] = r[j]
			}
		}
		out = append(out, m)
		nums = append(nums, i+1)
	}
	if head == nil {
		t.Fatalf("sheet %s has no heading %s", sheet, heading)
	}
	return out, nums
}

// fillOf is the RGB fill of a cell (RRGGBB).
func fillOf(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Fill.Color) == 0 {
		return ""
	}
	c := strings.ToUpper(st.Fill.Color[0])
	return c[max(0, len(c)-6):]
}

// checkMaster checks the 汇总表 and returns each dept's status counts of
// 单位汇总, by label.
func checkMaster(t *testing.T, path, period, day string, want periodWant) map[string]map[string]int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	// 进展台账: a row per unit's report, each task's status filled
	ledger, nums := sheetRows(t, f, "进展台账", "任务编号")
	statusCol := 0
	if rows, _ := f.GetRows("进展台账"); len(rows) > 1 {
		for j, h := range rows[1] {
			if h == "状态" {
				statusCol = j + 1
			}
		}
	}
	status := map[string]string{}
	words := map[string]map[string]string{}
	for i, r := range ledger {
		id := r["任务编号"]
		status[id] = r["状态"]
		cell, _ := excelize.CoordinatesToCellName(statusCol, nums[i])
		if got, want := fillOf(t, f, "进展台账", cell), statusFills[r["状态"]]; got != want {
			t.Errorf("进展台账 %s (task %s, %s) is filled %q, want %q", cell, id, r["状态"], got, want)
		}
		if r["报送单位"] != "" {
			if words[id] == nil {
				words[id] = map[string]string{}
			}
			words[id][r["报送单位"]] = r["进展情况"] + "@" + r["报送期"]
		}
	}
	counts := [4]int{}
	for _, s := range status {
		for i, l := range statusOrder {
			if s == l {
				counts[i]++
			}
		}
	}
	if counts != want.counts {
		t.Errorf("进展台账: tasks by status %v, want %v", counts, want.counts)
	}
	for id, tw := range want.tasks {
		if status[id] != tw.status {
			t.Errorf("进展台账: task %s is %q, want %q", id, status[id], tw.status)
		}
		for _, r := range ledger {
			if r["任务编号"] == id && tw.reason != "" && r["原因"] != tw.reason {
				t.Errorf("进展台账: task %s's reason %q, want %q", id, r["原因"], tw.reason)
				break
			}
		}
		if fmt.Sprint(words[id]) != fmt.Sprint(tw.words) {
			t.Errorf("进展台账: task %s's units' words %v, want %v", id, words[id], tw.words)
		}
	}

	// 报送情况: who reported, when, which file; who did not
	returns, _ := sheetRows(t, f, "报送情况", "报送情况")
	reportedDepts := 0
	for _, r := range returns {
		file, ok := want.returned[r["单位"]]
		got := r["报送情况"] + " " + r["报送时间"] + " " + r["报送文件"]
		exp := "未报送  "
		if ok {
			exp = "已报送 " + day + " 00:00 " + file
			reportedDepts++
		}
		if got != exp {
			t.Errorf("报送情况 of %s: %q, want %q", r["单位"], got, exp)
		}
	}
	if len(returns) != 100 || reportedDepts != len(want.returned) {
		t.Errorf("报送情况 lists %d depts, %d of them reported; want 100 and %d", len(returns), reportedDepts, len(want.returned))
	}

	// 单位汇总: the status counts of each dept's tasks, as 报送情况 has them
	depts, _ := sheetRows(t, f, "单位汇总", "合计")
	out := map[string]map[string]int{}
	for _, r := range depts {
		c := map[string]int{}
		sum := 0
		for _, l := range statusOrder {
			var n int
			fmt.Sscan(r[l], &n)
			c[l] = n
			sum += n
		}
		if fmt.Sprint(sum) != r["合计"] {
			t.Errorf("单位汇总 of %s: statuses add up to %d, 合计 %s", r["单位"], sum, r["合计"])
		}
		out[r["单位"]] = c
	}
	for _, r := range returns {
		for _, l := range statusOrder {
			if fmt.Sprint(out[r["单位"]][l]) != r[l] {
				t.Errorf("%s: 单位汇总 counts %s %d, 报送情况 %s", r["单位"], l, out[r["单位"]][l], r[l])
			}
		}
	}
	if len(out) != 100 {
		t.Errorf("单位汇总 has %d depts, want 100", len(out))
	}
	return out
}

var overviewRe = regexp.MustCompile(`共(\d+)项，其中已完成(\d+)项、正常推进(\d+)项、预警(\d+)项、滞后(\d+)项。应报送单位(\d+)个，已报送(\d+)个，未报送(\d+)个`)

// checkNotice reads the 督查通报 with pdftotext: -layout for its
// paragraphs and tables, the reading order for the words in the 滞后
// table's cells.
func checkNotice(t *testing.T, path string, want periodWant) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no 通报: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Logf("pdftotext not installed: the 通报's text is not checked (install poppler-utils)")
		return
	}
	read := func(args ...string) string {
		b, err := exec.Command("pdftotext", append(args, path, "-")...).Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", path, err)
		}
		return strings.Join(strings.Fields(string(b)), "")
	}
	layout, plain := read("-layout"), read()
	m := overviewRe.FindStringSubmatch(layout)
	if m == nil {
		t.Fatalf("通报 has no overview: %.400s", layout)
	}
	got := fmt.Sprintf("%s %s %s %s %s / %s %s %s", m[1], m[5], m[4], m[3], m[2], m[6], m[7], m[8])
	exp := fmt.Sprintf("194 %d %d %d %d / 100 %d %d", want.counts[0], want.counts[1], want.counts[2], want.counts[3], len(want.returned), 100-len(want.returned))
	if got != exp {
		t.Errorf("通报 counts (tasks red yellow green done / depts reported not): %s, want %s", got, exp)
	}
	// the 滞后 part, in reading order
	red := section(plain, "二、滞后任务", "三、预警任务")
	for _, s := range want.red {
		if !strings.Contains(red, s) {
			t.Errorf("通报's 滞后 part lacks %q: %.600s", s, red)
		}
	}
	// 催办名单: who did not report, never who did
	urge := section(layout, "四、未按时报送单位（催办名单）", "五、与上期比较")
	for dept := range want.returned {
		if strings.Contains(urge, dept) {
			t.Errorf("the 催办名单 names %s, which reported", dept)
		}
	}
	for _, dept := range []string{"省委统战部", "省教育厅", "省商务厅"} {
		if _, ok := want.returned[dept]; !ok && !strings.Contains(urge, dept) {
			t.Errorf("the 催办名单 lacks %s, which did not report: %.300s", dept, urge)
		}
	}
	for _, s := range want.notice {
		if !strings.Contains(layout, s) {
			t.Errorf("通报 lacks %q", s)
		}
	}
}

// section is the text from the heading to the next one.
func section(text, from, to string) string {
	i := strings.Index(text, from)
	if i < 0 {
		return ""
	}
	text = text[i:]
	if j := strings.Index(text, to); j >= 0 {
		text = text[:j]
	}
	return text
}

// chromium finds the browser as the charts package's tests do.
func chromium() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	p, _ := exec.LookPath("chromium")
	return p
}

// probePage loads a page of the dashboard in headless Chromium with
// script appended to its body and returns the data-probe attribute the
// script set on <body>: what the browser drew.
func probePage(t *testing.T, bin, page, script string) string {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.LastIndex(src, []byte("</body>"))
	if i < 0 {
		t.Fatalf("%s: no </body>", page)
	}
	probed := strings.TrimSuffix(page, ".html") + ".probe.html"
	out := append(append(append([]byte{}, src[:i]...), "<script>"+script+"</script>"...), src[i:]...)
	if err := os.WriteFile(probed, out, 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(probed)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
		"--user-data-dir="+filepath.Join(t.TempDir(), "profile"), "--virtual-time-budget=5000",
		"--dump-dom", "file://"+probed)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", page, err, stderr.String())
	}
	m := regexp.MustCompile(`<body[^>]*\sdata-probe="([^"]*)"`).FindSubmatch(stdout.Bytes())
	if m == nil {
		t.Fatalf("%s: the probe script did not report", page)
	}
	return html.UnescapeString(string(m[1]))
}

// chartsProbe reads each 督办 chart back from ECharts: its categories, its
// series' values and how many bar segments it drew in the SVG.
const chartsProbe = `setTimeout(function () {
  var out = {};
  ["progress_trend", "progress_sections", "progress_depts"].forEach(function (id) {
    var el = document.getElementById(id), c = el && echarts.getInstanceByDom(el);
    if (!c) { out[id] = null; return; }
    var o = c.getOption(), axis = (o.yAxis[0].type === "category" ? o.yAxis[0] : o.xAxis[0]);
    out[id] = {
      categories: axis.data,
      series: o.series.map(function (s) { return {name: s.name, values: s.data.map(function (d) { return d && d.value !== undefined ? d.value : d; })}; }),
      paths: el.querySelectorAll("svg path").length
    };
  });
  document.body.setAttribute("data-probe", JSON.stringify(out));
}, 500);`

// badgesProbe reads a dept page's status badges as drawn: each task row's
// badge word, class and colour, and the dept's standing.
const badgesProbe = `setTimeout(function () {
  var rows = {};
  document.querySelectorAll("tr[id^='t-']").forEach(function (tr) {
    var b = tr.querySelector(".status .badge");
    if (b) { rows[tr.id.slice(2)] = {word: b.textContent, cls: b.className, colour: getComputedStyle(b).backgroundColor, shown: b.getBoundingClientRect().width > 0, report: (tr.querySelector(".report") || {}).textContent || ""}; }
  });
  var st = document.getElementById("standing");
  document.body.setAttribute("data-probe", JSON.stringify({rows: rows, standing: st ? st.textContent : ""}));
}, 500);`

type drawnChart struct {
	Categories []string
	Series     []struct {
		Name   string
		Values []int
	}
	Paths int
}

// checkDashboard loads the 督办 page and, in the last period, a dept page
// in headless Chromium.
func checkDashboard(t *testing.T, dir, period string, want periodWant, deptCounts map[string]map[string]int) {
	t.Helper()
	bin := chromium()
	if bin == "" {
		t.Logf("chromium not installed: the dashboard's 督办 pages are not checked (CI installs it)")
		return
	}
	var charts map[string]*drawnChart
	if err := json.Unmarshal([]byte(probePage(t, bin, filepath.Join(dir, "progress.html"), chartsProbe)), &charts); err != nil {
		t.Fatal(err)
	}
	for id, c := range charts {
		if c == nil {
			t.Fatalf("progress.html: chart %s was not drawn", id)
		}
		if len(c.Series) != 4 {
			t.Fatalf("progress.html: chart %s has %d series, want one per status", id, len(c.Series))
		}
		segments := 0
		for i, s := range c.Series {
			if s.Name != statusOrder[i] || len(s.Values) != len(c.Categories) {
				t.Errorf("%s: series %d is %q with %d values for %d categories", id, i, s.Name, len(s.Values), len(c.Categories))
			}
			for _, v := range s.Values {
				if v != 0 {
					segments++
				}
			}
		}
		if c.Paths < segments {
			t.Errorf("%s: %d paths drawn for %d bar segments", id, c.Paths, segments)
		}
	}
	// the trend: one bar per period so far, the last this period's counts
	trend := charts["progress_trend"]
	if len(trend.Categories) != want.trend {
		t.Errorf("trend over %v, want %d periods", trend.Categories, want.trend)
	}
	for i, s := range trend.Series {
		if n := len(s.Values); n == 0 || s.Values[n-1] != want.counts[i] {
			t.Errorf("trend's %s: %v, want %d last", s.Name, s.Values, want.counts[i])
		}
	}
	// by section: every task once
	for i, s := range charts["progress_sections"].Series {
		sum := 0
		for _, v := range s.Values {
			sum += v
		}
		if sum != want.counts[i] {
			t.Errorf("by section, %s adds up to %d, want %d", s.Name, sum, want.counts[i])
		}
	}
	// by dept: each dept's bar is its 单位汇总 counts
	depts := charts["progress_depts"]
	if len(depts.Categories) != 100 {
		t.Errorf("by dept: %d depts, want 100", len(depts.Categories))
	}
	for j, d := range depts.Categories {
		c, ok := deptCounts[d]
		if !ok {
			t.Errorf("by dept: %q is not a dept of 单位汇总", d)
		}
		for _, s := range depts.Series {
			if s.Values[j] != c[s.Name] {
				t.Errorf("by dept, %s's %s is %d; 单位汇总 says %d", d, s.Name, s.Values[j], c[s.Name])
			}
		}
	}
	if period != "2022-09" {
		return
	}
	// a dept page: its tasks' badges, coloured, with its words
	var page struct {
		Rows map[string]struct {
			Word, Cls, Colour, Report string
			Shown                     bool
		}
		Standing string
	}
	if err := json.Unmarshal([]byte(probePage(t, bin, filepath.Join(dir, "dept", "省财政厅.html"), badgesProbe)), &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Rows) != 46 || page.Standing != "已报送" {
		t.Errorf("省财政厅's page: %d badges, standing %q; want 46 and 已报送", len(page.Rows), page.Standing)
	}
	for id, w := range map[string]string{"27.1": "滞后 s-red rgb(217, 56, 43)", "11.2": "预警 s-yellow rgb(230, 161, 23)"} {
		r := page.Rows[id]
		if got := r.Word + " " + strings.TrimPrefix(r.Cls, "badge ") + " " + r.Colour; got != w || !r.Shown {
			t.Errorf("省财政厅's page: task %s's badge %q (shown %v), want %q", id, got, r.Shown, w)
		}
	}
	if r := page.Rows["27.1"]; r.Report != "完成方案起草；6月完成征求意见；9月已报省政府审定" {
		t.Errorf("省财政厅's page: task 27.1 shows %q", r.Report)
	}
}
