package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fengong/export"
	"fengong/templates"
)

// Config is what fengong.yaml sets. Flags override it field by field.
// Relative paths in a config file are resolved against the file's folder.
type Config struct {
	Input     string   `yaml:"input"`      // the 分工意见; "" = the bundled seed
	Output    string   `yaml:"output"`     // DIR; default "out"
	Title     string   `yaml:"title"`      // overrides the document's own title
	Date      string   `yaml:"date"`       // generation date, YYYY-MM-DD
	Formats   []string `yaml:"formats"`    // any of xlsx, pdf, charts; default all
	Templates string   `yaml:"templates"`  // directory overriding the embedded templates
	DeptsFile string   `yaml:"depts_file"` // dept directory replacing templates/depts.yaml
	Depts     []string `yaml:"depts"`      // only these depts get their own files; default all
	Fonts     Fonts    `yaml:"fonts"`      // TrueType fonts for the PDFs
	Names     Names    `yaml:"names"`      // output names
	Jobs      int      `yaml:"jobs"`       // parallel workers; default the number of CPUs
	// Return says when and to whom depts return their filled workbooks,
	// as the workbooks' 说明 sheet tells them.
	Return Return `yaml:"return"`
	// Ledger is the SQLite ledger `fengong collect` fills with the units'
	// returns; with one, the run evaluates the 督办 status of Period (YYYY-MM;
	// default the last period ended before the date) and the workbooks,
	// brief and dashboard show it.
	Ledger string `yaml:"ledger"`
	Period string `yaml:"period"`
	// Fsync flushes the pack to disk before swapping it in, so that it
	// survives a power cut too; atomicity against a killed run needs no
	// flush.
	Fsync bool `yaml:"fsync"`
}

// Fonts are paths to TrueType (.ttf, glyf) fonts for the PDF briefs, by
// GB/T 9704 role. Empty means a standard face found on the machine (the
// CLI looks), else the embedded one (see package export/pdf).
type Fonts struct {
	Body       string `yaml:"body"`       // e.g. 仿宋
	Heading    string `yaml:"heading"`    // 一、 headings, e.g. 黑体
	Subheading string `yaml:"subheading"` // （一） headings, e.g. 楷体
	Title      string `yaml:"title"`      // e.g. 小标宋
}

// Return is the return: block of the config.
type Return struct {
	Due string `yaml:"due"` // 2022-03-15, shown as 2022年3月15日; other text as written
	To  string `yaml:"to"`  // 省政府办公厅督查室
}

// orNil is r, or nil when the config has no return: block.
func (r Return) orNil() *Return {
	if r == (Return{}) {
		return nil
	}
	return &r
}

// dueText is how the workbooks show the due date.
func (r Return) dueText() string {
	if d, err := time.Parse("2006-01-02", strings.TrimSpace(r.Due)); err == nil {
		return templates.Date(d)
	}
	return strings.TrimSpace(r.Due)
}

// Names are the names of the output layout, each a single path element.
type Names struct {
	MasterDir      string `yaml:"master_dir"`      // 汇总
	DeptsDir       string `yaml:"depts_dir"`       // 单位
	ChartsDir      string `yaml:"charts_dir"`      // charts
	MasterWorkbook string `yaml:"master_workbook"` // 汇总表.xlsx
	Brief          string `yaml:"brief"`           // 总体简报.pdf
	Changes        string `yaml:"changes"`         // 变更.md
	NoticeDir      string `yaml:"notice_dir"`      // 通报
	Notice         string `yaml:"notice"`          // 督查通报.pdf, written 督查通报-2022-03.pdf
}

// The formats.
const (
	FormatXLSX   = "xlsx"
	FormatPDF    = "pdf"
	FormatCharts = "charts"
)

// DefaultNames is the documented output layout.
func DefaultNames() Names {
	return Names{MasterDir: "汇总", DeptsDir: "单位", ChartsDir: "charts", MasterWorkbook: "汇总表.xlsx", Brief: "总体简报.pdf", Changes: "变更.md",
		NoticeDir: "通报", Notice: "督查通报.pdf"}
}

// LoadConfig reads a YAML config. An unknown key is an error that names it.
func LoadConfig(path string) (Config, error) {
	var c Config
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return c, templates.Fail("config.not_found", fmt.Errorf("config: %w", err), "path", path)
		}
		return c, fmt.Errorf("config: %w", err)
	}
	// an empty file means all defaults; errors name the file, line and key
	if err := templates.DecodeFile(path, data, &c); err != nil {
		return c, err
	}
	base := filepath.Dir(path)
	for _, p := range []*string{&c.Input, &c.Output, &c.Templates, &c.DeptsFile, &c.Ledger, &c.Fonts.Body, &c.Fonts.Heading, &c.Fonts.Subheading, &c.Fonts.Title} {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	return c, nil
}

// Override returns c with every non-zero field of o put over it.
func (c Config) Override(o Config) Config {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&c.Input, o.Input)
	set(&c.Output, o.Output)
	set(&c.Title, o.Title)
	set(&c.Date, o.Date)
	set(&c.Templates, o.Templates)
	set(&c.DeptsFile, o.DeptsFile)
	set(&c.Fonts.Body, o.Fonts.Body)
	set(&c.Fonts.Heading, o.Fonts.Heading)
	set(&c.Fonts.Subheading, o.Fonts.Subheading)
	set(&c.Fonts.Title, o.Fonts.Title)
	set(&c.Ledger, o.Ledger)
	set(&c.Period, o.Period)
	set(&c.Return.Due, o.Return.Due)
	set(&c.Return.To, o.Return.To)
	if len(o.Formats) > 0 {
		c.Formats = o.Formats
	}
	if len(o.Depts) > 0 {
		c.Depts = o.Depts
	}
	if o.Jobs > 0 {
		c.Jobs = o.Jobs
	}
	c.Fsync = c.Fsync || o.Fsync
	return c
}

// normalise fills defaults and checks what can be checked without I/O.
func (c *Config) normalise() error {
	if c.Output == "" {
		c.Output = "out"
	}
	if len(c.Formats) == 0 {
		c.Formats = []string{FormatXLSX, FormatPDF, FormatCharts}
	}
	seen := map[string]bool{}
	for i, f := range c.Formats {
		f = strings.ToLower(strings.TrimSpace(f))
		switch f {
		case FormatXLSX, FormatPDF, FormatCharts:
		default:
			return templates.Fail("config.format", fmt.Errorf("config: unknown format %q (want xlsx, pdf or charts)", f), "value", f)
		}
		if seen[f] {
			return templates.Fail("config.format_twice", fmt.Errorf("config: format %q listed twice", f), "value", f)
		}
		seen[f] = true
		c.Formats[i] = f
	}
	def := DefaultNames()
	for _, n := range []struct {
		field    string
		val      *string
		fallback string
		ext      string
	}{
		{"master_dir", &c.Names.MasterDir, def.MasterDir, ""},
		{"depts_dir", &c.Names.DeptsDir, def.DeptsDir, ""},
		{"charts_dir", &c.Names.ChartsDir, def.ChartsDir, ""},
		{"master_workbook", &c.Names.MasterWorkbook, def.MasterWorkbook, ".xlsx"},
		{"brief", &c.Names.Brief, def.Brief, ".pdf"},
		{"changes", &c.Names.Changes, def.Changes, ".md"},
		{"notice_dir", &c.Names.NoticeDir, def.NoticeDir, ""},
		{"notice", &c.Names.Notice, def.Notice, ".pdf"},
	} {
		if *n.val == "" {
			*n.val = n.fallback
		}
		if export.SafeStem(*n.val) != *n.val || *n.val == "manifest.json" || *n.val == "model.json" {
			return templates.Fail("config.name_plain", fmt.Errorf("config: names.%s %q must be a plain file or folder name", n.field, *n.val), "key", n.field, "value", *n.val)
		}
		if n.ext != "" && !strings.HasSuffix(strings.ToLower(*n.val), n.ext) {
			return templates.Fail("config.name_ext", fmt.Errorf("config: names.%s %q must end in %s", n.field, *n.val, n.ext), "key", n.field, "value", *n.val, "ext", n.ext)
		}
	}
	if c.Jobs < 0 {
		return templates.Fail("config.jobs", fmt.Errorf("config: jobs must be positive, not %d", c.Jobs), "value", strconv.Itoa(c.Jobs))
	}
	return nil
}

func (c *Config) wants(format string) bool {
	for _, f := range c.Formats {
		if f == format {
			return true
		}
	}
	return false
}
