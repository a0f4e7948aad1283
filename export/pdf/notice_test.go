package pdf

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fengong/export"
	"fengong/export/pdf/layout"
	"fengong/extract"
	"fengong/progress"
	"fengong/progress/progresstest"
	"fengong/templates"
)

// noticeRenderer renders doc with a snapshot of March 2022.
func noticeRenderer(t testing.TB, doc *extract.Document) (*progress.Snapshot, *Renderer) {
	t.Helper()
	snap := progresstest.Snapshot(doc, 2022, 3)
	opt := testOptions()
	opt.Progress = snap
	r, err := NewRenderer(doc, opt, Fonts{})
	if err != nil {
		t.Fatalf("NewRenderer: %v", err)
	}
	return snap, r
}

func TestGoldenNoticeLayout(t *testing.T) {
	_, r := noticeRenderer(t, fixture())
	l, err := r.NoticeLayout()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(l, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "notice_layout.json", append(b, '\n'))
}

// TestNoticeText reads the seed's 通报 back with pdftotext: the title,
// the counts, every red and yellow task with its leads and its units'
// words, every unit not reported, and the comparison with February.
func TestNoticeText(t *testing.T) {
	doc, err := seed()
	if err != nil {
		t.Fatalf("parsing the seed: %v", err)
	}
	snap, r := noticeRenderer(t, doc)
	b, err := r.Notice()
	if err != nil {
		t.Fatal(err)
	}
	validate(t, "notice", b)
	if ws := r.Warnings(); len(ws) > 0 {
		t.Errorf("characters replaced: %q", ws)
	}
	w := r.words.Notice
	got := squash(pdftotext(t, map[string][]byte{"notice": b})["notice"], squash(strings.Join(w.TaskColumns, "")))
	want := []string{
		"关于2022年3月重点工作推进情况的通报",
		// the seed's title holds 《政府工作报告》: inside 《》 it takes 〈〉
		"为推动《落实〈政府工作报告〉重点工作分工的意见》各项任务落地见效",
		"二、滞后任务（" + itoa(snap.Counts[progress.Red]) + "项）",
		"三、预警任务（" + itoa(snap.Counts[progress.Yellow]) + "项）",
		"四、未按时报送单位（催办名单）",
		"与上期（2022年2月）相比",
		"滞后" + itoa(snap.Previous.Counts[progress.Red]) + itoa(snap.Counts[progress.Red]),
	}
	for _, s := range progress.Order {
		want = append(want, squash(r.statusLabel(s)+itoa(snap.Counts[s])))
	}
	reds, yellows := 0, 0
	for _, ts := range snap.Tasks {
		if ts.Status != progress.Red && ts.Status != progress.Yellow {
			continue
		}
		if ts.Status == progress.Red {
			reds++
		} else {
			yellows++
		}
		task := doc.Task(ts.TaskID)
		want = append(want, squash(r.clean(layout.FontBody, task.Text, nil)), squash(ts.Reason))
		// the leads' words: their names before 进展情况 (a row split
		// across pages interleaves its cells, so the words themselves are
		// checked whole once below)
		for _, rep := range ts.Reports {
			if len(task.Lead) == 0 || slices.Contains(task.Lead, rep.Dept) {
				want = append(want, squash(rep.Dept+"：进展情况："), squash(rep.Progress))
			}
		}
	}
	if reds == 0 || yellows == 0 {
		t.Fatalf("the snapshot has %d red and %d yellow tasks; the test needs both", reds, yellows)
	}
	missing := 0
	for _, d := range snap.Depts {
		if !d.Reported {
			missing++
			want = append(want, squash(d.Dept))
		}
	}
	if missing == 0 {
		t.Fatal("every dept reported; the test needs a 催办名单")
	}
	for _, s := range want {
		if !strings.Contains(got, s) {
			t.Errorf("the 通报's text lacks %q", s)
		}
	}
	// green and done tasks are counted, not listed
	for _, ts := range snap.Tasks {
		if ts.Status == progress.Done {
			if s := squash(doc.Task(ts.TaskID).Text); utf8.RuneCountInString(s) >= 30 && strings.Contains(got, s) {
				t.Errorf("the 通报 lists done task %s", ts.TaskID)
			}
		}
	}
}

// TestNoticeLines checks that no line of the 通报 starts with closing
// punctuation and every item is inside the page.
func TestNoticeLines(t *testing.T) {
	doc, err := seed()
	if err != nil {
		t.Fatalf("parsing the seed: %v", err)
	}
	for name, doc := range map[string]*extract.Document{"seed": doc, "fixture": fixture()} {
		_, r := noticeRenderer(t, doc)
		l, err := r.NoticeLayout()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.Pages {
			for _, it := range p.Items {
				if it.X < 0 || it.Y < 0 || it.X+it.W > pageW+0.01 || it.Y+it.H > pageH+0.01 {
					t.Errorf("%s page %d: %s %q outside the page", name, p.Number, it.Kind, it.Text)
				}
				first, _ := utf8.DecodeRuneInString(it.Text)
				if it.Kind == layout.KindText && strings.ContainsRune("，。、；：？！）」』》〉】”’", first) {
					t.Errorf("%s page %d: line %q starts with closing punctuation", name, p.Number, it.Text)
				}
			}
		}
	}
}

func TestNoticeFirstPeriod(t *testing.T) {
	doc := fixture()
	opt := testOptions()
	opt.Progress = progresstest.Snapshot(doc, 2022, 1)
	if opt.Progress.Previous != nil {
		t.Fatal("January has a previous period")
	}
	r, err := NewRenderer(doc, opt, Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := r.NoticeLayout()
	if err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(l.Texts(), ""))
	if want := squash(r.words.Notice.NoPrevious); !strings.Contains(text, want) {
		t.Errorf("the first period's 通报 lacks %q", want)
	}
	if strings.Contains(text, squash(r.words.Notice.Trend)) {
		t.Error("the first period's 通报 has a trend chart")
	}
}

func TestNoticeWithoutProgress(t *testing.T) {
	_, r := newFixtureRenderer(t)
	if _, err := r.Notice(); !errors.Is(err, ErrNoProgress) {
		t.Errorf("Notice without a snapshot: err %v, want ErrNoProgress", err)
	}
}

func TestNoticeDeterministic(t *testing.T) {
	doc := fixture()
	_, r1 := noticeRenderer(t, doc)
	_, r2 := noticeRenderer(t, doc)
	a, err := r1.Notice()
	if err != nil {
		t.Fatal(err)
	}
	b, err := r2.Notice()
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Error("two renderings of the 通报 differ")
	}
}

func TestNoticeWordingErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"a colour that is not #rrggbb", "notice:\n  status_colors:\n    done: blue\n", `"blue" for "done" is not #rrggbb`},
		{"a column too many", "notice:\n  counts_columns: [a, b, c, d]\n", "notice.counts_columns: want 3 column titles, got 4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := export.Options{Date: testDate, Templates: overrideSet(t, "pdf.yaml", tc.yaml)}
			_, err := NewRenderer(fixture(), opt, Fonts{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// overrideSet is a template set whose directory holds one file.
func overrideSet(t *testing.T, name, data string) *templates.Set {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := templates.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	return set
}
