package xlsx

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fengong/export"
	"fengong/extract"

	"fengong/templates"
)

// TemplateFile is the name of this package's wording inside a templates set.
const TemplateFile = "xlsx.yaml"

// kept decoded (templates.Decoded)
var _ = templates.Decoded(TemplateFile, (*wording)(nil))

// wording is templates/xlsx.yaml.
type wording struct {
	Font          string            `yaml:"font"`
	FontSize      float64           `yaml:"font_size"`
	Role          roleWords         `yaml:"role"`
	Op            map[string]string `yaml:"op"`
	SourceLine    string            `yaml:"source_line"`
	MissingText   string            `yaml:"missing_text"`
	PageFooter    string            `yaml:"page_footer"`
	ListSeparator string            `yaml:"list_separator"`
	Dept          deptWords         `yaml:"dept"`
	Master        masterWords       `yaml:"master"`
	Progress      progressWords     `yaml:"progress"`
}

// progressWords are the 督办 sheets' words (progress.go).
type progressWords struct {
	Sheets struct {
		Ledger  string `yaml:"ledger"`
		Returns string `yaml:"returns"`
	} `yaml:"sheets"`
	Period string `yaml:"period"`
	Ledger struct {
		Seq       string `yaml:"seq"`
		ID        string `yaml:"id"`
		Text      string `yaml:"text"`
		Lead      string `yaml:"lead"`
		Deadline  string `yaml:"deadline"`
		Status    string `yaml:"status"`
		Reason    string `yaml:"reason"`
		Dept      string `yaml:"dept"`
		State     string `yaml:"state"`
		Progress  string `yaml:"progress"`
		Problems  string `yaml:"problems"`
		NextSteps string `yaml:"next_steps"`
		Period    string `yaml:"period"`
	} `yaml:"ledger"`
	Returns struct {
		Seq      string `yaml:"seq"`
		Dept     string `yaml:"dept"`
		Status   string `yaml:"status"`
		Received string `yaml:"received"`
		File     string `yaml:"file"`
		Rows     string `yaml:"rows"`
		Red      string `yaml:"red"`
		Yellow   string `yaml:"yellow"`
		Green    string `yaml:"green"`
		Done     string `yaml:"done"`
	} `yaml:"returns"`
	Depts struct {
		Red    string `yaml:"red"`
		Yellow string `yaml:"yellow"`
		Green  string `yaml:"green"`
		Done   string `yaml:"done"`
	} `yaml:"depts"`
}

type roleWords struct {
	Lead       string `yaml:"lead"`
	Co         string `yaml:"co"`
	Respective string `yaml:"respective"`
	All        string `yaml:"all"`
}

type deptWords struct {
	PageHeader string `yaml:"page_header"`
	Sheets     struct {
		Lead    string `yaml:"lead"`
		Co      string `yaml:"co"`
		All     string `yaml:"all"`
		Targets string `yaml:"targets"`
		About   string `yaml:"about"`
	} `yaml:"sheets"`
	Form struct {
		Dept    string `yaml:"dept"`
		Contact string `yaml:"contact"`
		Phone   string `yaml:"phone"`
		Date    string `yaml:"date"`
	} `yaml:"form"`
	Columns struct {
		No        string `yaml:"no"`
		Text      string `yaml:"text"`
		Role      string `yaml:"role"`
		Owner     string `yaml:"owner"`
		Contact   string `yaml:"contact"`
		Deadline  string `yaml:"deadline"`
		Progress  string `yaml:"progress"`
		Problems  string `yaml:"problems"`
		NextSteps string `yaml:"next_steps"`
		Status    string `yaml:"status"`
		Note      string `yaml:"note"`
		Section   string `yaml:"section"`
		Item      string `yaml:"item"`
		Lead      string `yaml:"lead"`
		Co        string `yaml:"co"`
		Targets   string `yaml:"targets"`
		ID        string `yaml:"id"`
	} `yaml:"columns"`
	Status struct {
		Options     []string `yaml:"options"`
		PromptTitle string   `yaml:"prompt_title"`
		Prompt      string   `yaml:"prompt"`
		ErrorTitle  string   `yaml:"error_title"`
		Error       string   `yaml:"error"`
	} `yaml:"status"`
	About struct {
		Columns      []string `yaml:"columns"`
		Title        string   `yaml:"title"`
		Dept         string   `yaml:"dept"`
		Date         string   `yaml:"date"`
		Due          string   `yaml:"due"`
		To           string   `yaml:"to"`
		File         string   `yaml:"file"`
		DueDefault   string   `yaml:"due_default"`
		ToDefault    string   `yaml:"to_default"`
		Lead         string   `yaml:"lead"`
		Co           string   `yaml:"co"`
		All          string   `yaml:"all"`
		Targets      string   `yaml:"targets"`
		Total        string   `yaml:"total"`
		Count        string   `yaml:"count"`
		HowTo        string   `yaml:"howto"`
		Instructions []string `yaml:"instructions"`
		Return       string   `yaml:"return"`
		ReturnNoDue  string   `yaml:"return_no_due"`
	} `yaml:"about"`
}

type masterWords struct {
	PageHeader string `yaml:"page_header"`
	Sheets     struct {
		Tasks    string `yaml:"tasks"`
		Matrix   string `yaml:"matrix"`
		Depts    string `yaml:"depts"`
		Targets  string `yaml:"targets"`
		Lists    string `yaml:"lists"`
		Warnings string `yaml:"warnings"`
	} `yaml:"sheets"`
	Tasks struct {
		Seq        string `yaml:"seq"`
		Item       string `yaml:"item"`
		Section    string `yaml:"section"`
		Text       string `yaml:"text"`
		Lead       string `yaml:"lead"`
		Co         string `yaml:"co"`
		Respective string `yaml:"respective"`
		All        string `yaml:"all"`
		Deadline   string `yaml:"deadline"`
		Source     string `yaml:"source"`
		ID         string `yaml:"id"`
		AllMark    string `yaml:"all_mark"`
	} `yaml:"tasks"`
	Matrix struct {
		Dept      string    `yaml:"dept"`
		Total     string    `yaml:"total"`
		Marks     roleWords `yaml:"marks"`
		Truncated string    `yaml:"truncated"`
	} `yaml:"matrix"`
	Depts struct {
		Seq        string `yaml:"seq"`
		Dept       string `yaml:"dept"`
		Kind       string `yaml:"kind"`
		Lead       string `yaml:"lead"`
		Co         string `yaml:"co"`
		Respective string `yaml:"respective"`
		All        string `yaml:"all"`
		Total      string `yaml:"total"`
	} `yaml:"depts"`
	Targets struct {
		Seq       string `yaml:"seq"`
		Item      string `yaml:"item"`
		Indicator string `yaml:"indicator"`
		Verb      string `yaml:"verb"`
		Value     string `yaml:"value"`
		Unit      string `yaml:"unit"`
		Op        string `yaml:"op"`
		Text      string `yaml:"text"`
		Depts     string `yaml:"depts"`
		Source    string `yaml:"source"`
	} `yaml:"targets"`
	Lists struct {
		Seq       string `yaml:"seq"`
		Item      string `yaml:"item"`
		Name      string `yaml:"name"`
		Declared  string `yaml:"declared"`
		Actual    string `yaml:"actual"`
		Check     string `yaml:"check"`
		Match     string `yaml:"match"`
		Mismatch  string `yaml:"mismatch"`
		MemberSeq string `yaml:"member_seq"`
		Member    string `yaml:"member"`
		Source    string `yaml:"source"`
	} `yaml:"lists"`
	Warnings struct {
		Seq     string `yaml:"seq"`
		Source  string `yaml:"source"`
		Item    string `yaml:"item"`
		Message string `yaml:"message"`
	} `yaml:"warnings"`
}

// loadWording decodes xlsx.yaml from the options' templates and checks the
// few values the layout depends on.
func loadWording(opt export.Options) (*wording, error) {
	var w wording
	ts := opt.TemplateSet()
	if err := ts.Decode(TemplateFile, &w); err != nil {
		return nil, err
	}
	if err := w.check(); err != nil {
		return nil, fmt.Errorf("template %s: %w", ts.Origin(TemplateFile), err)
	}
	return &w, nil
}

func (w *wording) check() error {
	if strings.TrimSpace(w.Font) == "" {
		return errors.New("font is empty")
	}
	if w.FontSize < 6 || w.FontSize > 72 {
		return fmt.Errorf("font_size %v is outside 6..72", w.FontSize)
	}
	if len(w.Dept.Status.Options) == 0 {
		return errors.New("dept.status.options is empty")
	}
	ds, ms := w.Dept.Sheets, w.Master.Sheets
	for _, names := range [][]string{
		{ds.Lead, ds.Co, ds.All, ds.Targets, ds.About},
		{ms.Tasks, ms.Matrix, ms.Depts, ms.Targets, ms.Lists, ms.Warnings, w.Progress.Sheets.Ledger, w.Progress.Sheets.Returns},
	} {
		for i, a := range names {
			for _, b := range names[:i] {
				// Excel compares sheet names case-insensitively
				if strings.EqualFold(a, b) {
					return fmt.Errorf("sheet name %q is used twice", a)
				}
			}
		}
	}
	if len(w.Dept.About.Columns) != 2 {
		return fmt.Errorf("dept.about.columns has %d headings, want 2", len(w.Dept.About.Columns))
	}
	return nil
}

// roleName is the reader's word for a role.
func (r roleWords) name(role extract.Role) string {
	switch role {
	case extract.RoleLead:
		return r.Lead
	case extract.RoleCo:
		return r.Co
	case extract.RoleRespective:
		return r.Respective
	case extract.RoleAll:
		return r.All
	}
	return string(role)
}

// fill fills the {name} placeholders of s (templates.Fill); pairs are
// "{name}", value, … as this package writes them.
func fill(s string, pairs ...string) string {
	names := make([]string, len(pairs))
	for i, p := range pairs {
		if i%2 == 0 {
			p = strings.TrimSuffix(strings.TrimPrefix(p, "{"), "}")
		}
		names[i] = p
	}
	return templates.Fill(s, names...)
}

// line is the 出处 of a source line: 第12行, or "" when unknown.
func (w *wording) line(n int) string {
	if n <= 0 {
		return ""
	}
	return fill(w.SourceLine, "{line}", strconv.Itoa(n))
}

// taskText is the task's text, or the template's note that the source lost it.
func (w *wording) taskText(t *extract.Task) string {
	if strings.TrimSpace(t.Text) != "" {
		return t.Text
	}
	return fill(w.MissingText, "{line}", strconv.Itoa(t.Line))
}

// opName is the reader's word for a target operator.
func (w *wording) opName(op string) string {
	if s, ok := w.Op[op]; ok {
		return s
	}
	return op
}

func (w *wording) join(list ...[]string) string {
	n := 0
	for _, l := range list {
		n += len(l)
	}
	if n == 0 {
		return ""
	}
	all := make([]string, 0, n)
	for _, l := range list {
		all = append(all, l...)
	}
	return strings.Join(all, w.ListSeparator)
}
