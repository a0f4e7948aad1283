package batch

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fengong/export"
)

// TestChangesHTMLInChromium opens 变更.html in headless Chromium with the
// network closed and checks what it shows: the struck and highlighted
// words, the depts to send files to, and no script ran or was needed.
func TestChangesHTMLInChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (CI installs the Debian package)")
	}
	prev, cur := changeBase(), changeBase()
	cur.Items[0].Tasks[1].Text = "城镇新增就业72万人以上。"
	cur.Items[1].Tasks[1].Text = "加大消费者权益维护力度。"
	_, page, err := renderChangeReports(prev, cur, export.Options{Date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("<script")) || bytes.Contains(page, []byte("http")) {
		t.Error("变更.html has a script or a network address; it must open offline as it is")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "变更.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--dump-dom", "file://"+file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	dom := stdout.String()
	for _, want := range []string{
		"<title>变更情况 - 关于测试重点工作分工的意见</title>",
		"城镇新增就业<del>70</del><ins>72</ins>万人以上。",
		"加大消费者权益<del>保</del><ins>维</ins>护力度。",
		"<li>省市场监督管理局</li>",
		"<li>省人力资源社会保障厅</li>",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the loaded page lacks %q:\n%s", want, dom)
		}
	}
}
