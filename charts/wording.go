package charts

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"fengong/export"
	"fengong/extract"
	"fengong/progress"
	"fengong/templates"
)

var colour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// wordingFile is the name of this package's wording in a templates set.
const wordingFile = "charts.yaml"

// kept decoded (templates.Decoded)
var _ = templates.Decoded(wordingFile, (*wording)(nil))

// wording is templates/charts.yaml: every string a reader sees.
type wording struct {
	msgs templates.Messages // messages.yaml: a task's responsibility (summary keys)

	Generated string `yaml:"generated"`
	Source    string `yaml:"source"`
	Back      string `yaml:"back"`

	Nav struct {
		Dashboard string `yaml:"dashboard"`
		Workload  string `yaml:"workload"`
		Sections  string `yaml:"sections"`
		Network   string `yaml:"network"`
		Heatmap   string `yaml:"heatmap"`
		Targets   string `yaml:"targets"`
		Warnings  string `yaml:"warnings"`
	} `yaml:"nav"`

	Counts struct {
		Items    string `yaml:"items"`
		Tasks    string `yaml:"tasks"`
		Depts    string `yaml:"depts"`
		Targets  string `yaml:"targets"`
		Warnings string `yaml:"warnings"`
	} `yaml:"counts"`

	Columns struct {
		Dept       string `yaml:"dept"`
		Kind       string `yaml:"kind"`
		Lead       string `yaml:"lead"`
		Respective string `yaml:"respective"`
		Co         string `yaml:"co"`
		All        string `yaml:"all"`
		Total      string `yaml:"total"`
	} `yaml:"columns"`

	Roles struct {
		Lead       string `yaml:"lead"`
		Respective string `yaml:"respective"`
		Co         string `yaml:"co"`
		All        string `yaml:"all"`
	} `yaml:"roles"`

	Unsectioned string `yaml:"unsectioned"`
	UnknownKind string `yaml:"unknown_kind"`

	Dashboard struct {
		DeptIndex     string `yaml:"dept_index"`
		DeptIndexNote string `yaml:"dept_index_note"`
		NoDepts       string `yaml:"no_depts"`
		CardsNote     string `yaml:"cards_note"`
	} `yaml:"dashboard"`

	Search struct {
		Label       string `yaml:"label"`
		Placeholder string `yaml:"placeholder"`
		Depts       string `yaml:"depts"`
		Tasks       string `yaml:"tasks"`
		None        string `yaml:"none"`
		More        string `yaml:"more"`
	} `yaml:"search"`

	Workload struct {
		Title string `yaml:"title"`
		Note  string `yaml:"note"`
		Axis  string `yaml:"axis"`
	} `yaml:"workload"`

	Sections struct {
		Title   string `yaml:"title"`
		Note    string `yaml:"note"`
		Items   string `yaml:"items"`
		Tasks   string `yaml:"tasks"`
		Tooltip string `yaml:"tooltip"`
	} `yaml:"sections"`

	Network struct {
		Title      string `yaml:"title"`
		Note       string `yaml:"note"`
		Series     string `yaml:"series"`
		Picker     string `yaml:"picker"`
		PickerAll  string `yaml:"picker_all"`
		Partners   string `yaml:"partners"`
		NoPartners string `yaml:"no_partners"`
	} `yaml:"network"`

	Heatmap struct {
		Title   string `yaml:"title"`
		Note    string `yaml:"note"`
		Series  string `yaml:"series"`
		Tooltip string `yaml:"tooltip"`
	} `yaml:"heatmap"`

	Targets struct {
		Title   string `yaml:"title"`
		Note    string `yaml:"note"`
		None    string `yaml:"none"`
		Item    string `yaml:"item"`
		Axis    string `yaml:"axis"`
		Columns struct {
			Task      string `yaml:"task"`
			Indicator string `yaml:"indicator"`
			Target    string `yaml:"target"`
			Lead      string `yaml:"lead"`
			Text      string `yaml:"text"`
		} `yaml:"columns"`
		Ops map[string]string `yaml:"ops"`
	} `yaml:"targets"`

	Warnings struct {
		Title   string `yaml:"title"`
		Note    string `yaml:"note"`
		None    string `yaml:"none"`
		General string `yaml:"general"`
		Columns struct {
			Line    string `yaml:"line"`
			Message string `yaml:"message"`
		} `yaml:"columns"`
	} `yaml:"warnings"`

	Dept struct {
		Files       string `yaml:"files"`
		Brief       string `yaml:"brief"`
		Workbook    string `yaml:"workbook"`
		Kind        string `yaml:"kind"`
		Aliases     string `yaml:"aliases"`
		Unlisted    string `yaml:"unlisted"`
		Counts      string `yaml:"counts"`
		Tasks       string `yaml:"tasks"`
		Targets     string `yaml:"targets"`
		NoTasks     string `yaml:"no_tasks"`
		NoTargets   string `yaml:"no_targets"`
		TextMissing string `yaml:"text_missing"`
		Columns     struct {
			ID       string `yaml:"id"`
			Role     string `yaml:"role"`
			Section  string `yaml:"section"`
			Text     string `yaml:"text"`
			Deadline string `yaml:"deadline"`
			Clause   string `yaml:"clause"`
		} `yaml:"columns"`
	} `yaml:"dept"`

	Progress struct {
		Nav          string            `yaml:"nav"`
		Title        string            `yaml:"title"`
		Note         string            `yaml:"note"`
		Period       string            `yaml:"period"`
		Colors       map[string]string `yaml:"colors"`
		Axis         string            `yaml:"axis"`
		Trend        string            `yaml:"trend"`
		BySection    string            `yaml:"by_section"`
		ByDept       string            `yaml:"by_dept"`
		ByDeptNote   string            `yaml:"by_dept_note"`
		Cards        string            `yaml:"cards"`
		DeptPeriod   string            `yaml:"dept_period"`
		Column       string            `yaml:"column"`
		ReportColumn string            `yaml:"report_column"`
		NoReport     string            `yaml:"no_report"`
	} `yaml:"progress"`

	// labels are status.yaml's words for the statuses and a dept's
	// standing; set only with a snapshot
	labels progress.Words
}

// summary writes a task's responsibility: 省财政厅牵头，省商务厅按职责分工负责.
func (w *wording) summary(t *extract.Task) string { return export.Responsibility(t, w.msgs) }

func loadWording(opt export.Options) (*wording, error) {
	var w wording
	ts := opt.TemplateSet()
	if err := ts.Decode(wordingFile, &w); err != nil {
		return nil, err
	}
	msgs, err := templates.LoadMessages(ts)
	if err != nil {
		return nil, err
	}
	w.msgs = msgs
	// the 督办 words are checked only when they are shown
	for _, st := range progress.Order {
		if opt.Progress == nil {
			break
		}
		if c := w.Progress.Colors[string(st)]; !colour.MatchString(c) {
			return nil, fmt.Errorf("template %s: progress.colors: %q for %q is not #rrggbb", ts.Origin(wordingFile), c, st)
		}
	}
	if opt.Progress != nil {
		rules, err := progress.LoadRules(ts)
		if err != nil {
			return nil, err
		}
		w.labels = rules.Labels
	}
	return &w, nil
}

// fill fills a wording template's {name} placeholders (templates.Fill);
// pairs are name, value, ….
func fill(tpl string, pairs ...string) string { return templates.Fill(tpl, pairs...) }

// itemLabel is "第11项".
func (w *wording) itemLabel(n int) string {
	return fill(w.Targets.Item, "n", strconv.Itoa(n))
}

// role names a role for readers.
func (w *wording) role(r extract.Role) string {
	switch r {
	case extract.RoleLead:
		return w.Roles.Lead
	case extract.RoleRespective:
		return w.Roles.Respective
	case extract.RoleCo:
		return w.Roles.Co
	case extract.RoleAll:
		return w.Roles.All
	}
	return string(r)
}

// kind names a dept kind, or the wording for an unknown one.
func (w *wording) kind(k string) string {
	if strings.TrimSpace(k) == "" {
		return w.UnknownKind
	}
	return k
}

// targetValue reads a target as 6.5%以上.
func (w *wording) targetValue(op string, value float64, unit string) string {
	v := strconv.FormatFloat(value, 'f', -1, 64) + unit
	tpl, ok := w.Targets.Ops[op]
	if !ok {
		return op + v
	}
	return fill(tpl, "v", v)
}
