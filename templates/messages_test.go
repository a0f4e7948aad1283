package templates

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Every messages.yaml key the Go code names is in the embedded file.
func TestMessagesKeysUsed(t *testing.T) {
	m, err := LoadMessages(nil)
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`"((?:input|yaml|config|output|run|file|usage|templates|summary|collect|status)\.[a-z_0-9.]+)"`)
	seen := 0
	err = filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, k := range key.FindAllStringSubmatch(string(b), -1) {
			seen++
			if k[1] == "summary.op." || strings.HasSuffix(k[1], ".yaml") {
				continue
			}
			if _, ok := m[k[1]]; !ok {
				t.Errorf("%s names %q, which messages.yaml lacks", p, k[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 30 {
		t.Errorf("found only %d message keys in the code", seen)
	}
	if m.Text("input.empty", "where", "a.txt") != "a.txt：文件是空的，没有可读取的内容" {
		t.Errorf("input.empty = %q", m.Text("input.empty", "where", "a.txt"))
	}
}

// A misspelt key in a messages.yaml override is an error at its line.
func TestMessagesUnknownKey(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, MessagesFile), []byte("input.empty: 空\ninput.emtpy: 空\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = LoadMessages(set)
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrUnknownKey) || e.Line != 2 || e.Suggest != "input.empty" {
		t.Fatalf("got %v", err)
	}
}

func TestFill(t *testing.T) {
	for _, tc := range []struct {
		s     string
		pairs []string
		want  string
	}{
		{"第{n}项", []string{"n", "3"}, "第3项"},
		{"{a}{b}", []string{"a", "{b}", "b", "x"}, "{b}x"}, // values are not scanned again
		{"{missing} {", []string{"a", "1"}, "{missing} {"},
		{"无", nil, "无"},
	} {
		if got := Fill(tc.s, tc.pairs...); got != tc.want {
			t.Errorf("Fill(%q, %q) = %q, want %q", tc.s, tc.pairs, got, tc.want)
		}
	}
}

// Nested book titles take 〈〉 inside 《》 and 《》 again inside that
// (GB/T 15834); the outer level stays as written.
func TestBookTitles(t *testing.T) {
	for _, tc := range []struct{ s, want string }{
		{"为推动《落实《政府工作报告》重点工作分工的意见》各项任务", "为推动《落实〈政府工作报告〉重点工作分工的意见》各项任务"},
		{"《落实〈政府工作报告〉重点工作分工的意见》", "《落实〈政府工作报告〉重点工作分工的意见》"}, // already right
		{"《甲《乙《丙》乙》甲》", "《甲〈乙《丙》乙〉甲》"},
		{"《甲》和《乙》", "《甲》和《乙》"},
		{"〈篇名〉", "〈篇名〉"},                     // the outer level as written
		{"〈甲《乙》〉", "〈甲《乙》〉"},                 // inside 〈〉, 《》
		{"落实《政府工作报告》重点工作", "落实《政府工作报告》重点工作"}, // a title alone
		{"甲》乙", "甲》乙"},                       // a closing mark alone
		{"《未闭合〈乙〉", "《未闭合〈乙〉"},
		{"无书名号", "无书名号"},
	} {
		if got := BookTitles(tc.s); got != tc.want {
			t.Errorf("BookTitles(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	if got := Date(time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)); got != "2022年3月1日" {
		t.Errorf("Date = %q", got)
	}
}
