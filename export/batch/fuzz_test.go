package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/xuri/excelize/v2"

	"fengong/extract"
	"fengong/seeds"
)

// scriptMark is put into names and task texts by the seeds below; no
// page may carry it as a live script element.
const scriptMark = "<script>alert(7)</script>"

// fuzzSeeds are small inputs shaped like the seed, each with one kind of
// damage a clerk's file or a hostile one has: flipped bytes, deleted and
// duplicated lines, a huge line, characters outside the BMP, direction
// marks, many depts, markup in names.
func fuzzSeeds() [][]byte {
	lines := strings.Split(string(seeds.Hunan2022), "\n")
	head := strings.Join(lines[:min(14, len(lines))], "\n") + "\n"
	var out [][]byte
	add := func(s string) { out = append(out, []byte(s)) }
	add(head)
	flipped := []byte(head)
	for i := 40; i < len(flipped); i += 97 {
		flipped[i] ^= 0x20
	}
	out = append(out, flipped)
	add(strings.Join(append(append([]string{}, lines[:3]...), lines[5:14]...), "\n"))
	add(strings.Join(append(append([]string{}, lines[:8]...), lines[6:14]...), "\n"))
	add(head + "99.推进" + strings.Repeat("长期工作（", 20000) + "。（省财政厅牵头）\n")
	add(head + "99.推进𠀀𪚥工作𝟘𝟙。（省𠀀局牵头，省\u202e厅政财、省\u200f商务厅按职责分工负责）\n")
	var many strings.Builder
	many.WriteString(head)
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&many, "%d.推进第%d项工作。（省第%d局牵头）\n", 100+i, i, i)
	}
	add(many.String())
	add(head + "99.推进" + scriptMark + "工作。（省" + scriptMark + "厅牵头）\n")
	return out
}

var fuzzPDFConfig = sync.OnceValue(func() *model.Configuration {
	model.ConfigPath = "disable"
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
})

// FuzzRun runs the whole pipeline, extraction and every exporter, on
// mutated inputs. A refused input is fine; a panic, an invalid PDF, a
// workbook excelize cannot open or a live script from the input is not.
// Its default run (the seeds only) takes a few seconds.
func FuzzRun(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		dir := t.TempDir()
		out := filepath.Join(dir, "pack")
		in := filepath.Join(dir, "fuzz.txt")
		if err := os.WriteFile(in, input, 0o644); err != nil {
			t.Fatal(err)
		}
		opt := testOptions(out)
		opt.Flags.Input = in
		opt.Flags.Jobs = 2
		_, err := Execute(context.Background(), opt)
		var xe *extract.Error
		switch {
		case errors.As(err, &xe), err != nil && strings.Contains(err.Error(), "no numbered items"):
			return // refused input
		case err != nil:
			t.Fatalf("Execute: %v", err)
		}
		checkPack(t, out)
		conf := *fuzzPDFConfig()
		shown := false // the marked text reached a page, escaped
		err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			switch filepath.Ext(p) {
			case ".pdf":
				c := conf
				if err := api.Validate(bytes.NewReader(b), &c); err != nil {
					t.Errorf("%s: pdfcpu: %v", p, err)
				}
			case ".xlsx":
				x, err := excelize.OpenReader(bytes.NewReader(b))
				if err != nil {
					t.Errorf("%s: excelize: %v", p, err)
				} else {
					x.Close()
				}
			case ".html":
				if bytes.Contains(bytes.ToLower(b), []byte(scriptMark)) {
					t.Errorf("%s: a script from the input is live", p)
				}
				shown = shown || bytes.Contains(b, []byte("alert(7)"))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(input, fuzzSeeds()[len(fuzzSeeds())-1]) && !shown {
			t.Errorf("the marked task text reached no page: the script check proves nothing")
		}
	})
}
