package pdf

import (
	"fmt"
	"regexp"

	"fengong/progress"
	"fengong/templates"
)

// wording is templates/pdf.yaml: every word a reader sees in the briefs.
type wording struct {
	DefaultTitle  string `yaml:"default_title"`
	PageNumber    string `yaml:"page_number"`
	Substitute    string `yaml:"substitute"`
	MissingText   string `yaml:"missing_text"`
	Separator     string `yaml:"separator"`
	None          string `yaml:"none"`
	AllDepts      string `yaml:"all_depts"`
	Office        string `yaml:"office"`
	OfficeUnknown string `yaml:"office_unknown"`
	CopyTo        string `yaml:"copy_to"`
	Printed       string `yaml:"printed"`
	Dept          struct {
		Subject        string   `yaml:"subject"`
		Subtitle       string   `yaml:"subtitle"`
		SummaryHeading string   `yaml:"summary_heading"`
		Summary        string   `yaml:"summary"`
		SharedNote     string   `yaml:"shared_note"`
		Targets        string   `yaml:"targets"`
		Target         string   `yaml:"target"`
		LeadHeading    string   `yaml:"lead_heading"`
		LeadColumns    []string `yaml:"lead_columns"`
		CoLeads        string   `yaml:"co_leads"`
		SharedHeading  string   `yaml:"shared_heading"`
		SharedIntro    string   `yaml:"shared_intro"`
		SharedColumns  []string `yaml:"shared_columns"`
		CoHeading      string   `yaml:"co_heading"`
		CoColumns      []string `yaml:"co_columns"`
		Respective     string   `yaml:"respective"`
		NoPartner      string   `yaml:"no_partner"`
		Deadline       string   `yaml:"deadline"`
		AllHeading     string   `yaml:"all_heading"`
		AllIntro       string   `yaml:"all_intro"`
		AllColumns     []string `yaml:"all_columns"`
		ClosingHeading string   `yaml:"closing_heading"`
		Closing        string   `yaml:"closing"`
	} `yaml:"dept"`
	Brief struct {
		Subject         string   `yaml:"subject"`
		Masthead        string   `yaml:"masthead"`
		Issue           string   `yaml:"issue"`
		Subtitle        string   `yaml:"subtitle"`
		OverviewHeading string   `yaml:"overview_heading"`
		Overview        string   `yaml:"overview"`
		TargetsHeading  string   `yaml:"targets_heading"`
		TargetsColumns  []string `yaml:"targets_columns"`
		TasksHeading    string   `yaml:"tasks_heading"`
		TasksColumns    []string `yaml:"tasks_columns"`
		Shared          string   `yaml:"shared"`
		Respective      string   `yaml:"respective"`
		NoSection       string   `yaml:"no_section"`
		ListsHeading    string   `yaml:"lists_heading"`
		ListsColumns    []string `yaml:"lists_columns"`
		ListName        string   `yaml:"list_name"`
		ChartHeading    string   `yaml:"chart_heading"`
		ChartTop        int      `yaml:"chart_top"`
		ChartLead       string   `yaml:"chart_lead"`
		ChartCo         string   `yaml:"chart_co"`
		ChartAll        string   `yaml:"chart_all"`
		IndexHeading    string   `yaml:"index_heading"`
		IndexColumns    []string `yaml:"index_columns"`
	} `yaml:"brief"`
	Notice noticeWording `yaml:"notice"`
}

// noticeWording is the 督查通报's part of pdf.yaml.
type noticeWording struct {
	Subject         string            `yaml:"subject"`
	Title           string            `yaml:"title"`
	Period          string            `yaml:"period"`
	Addressee       string            `yaml:"addressee"`
	Intro           string            `yaml:"intro"`
	StatusColors    map[string]string `yaml:"status_colors"`
	OverviewHeading string            `yaml:"overview_heading"`
	Overview        string            `yaml:"overview"`
	CountsColumns   []string          `yaml:"counts_columns"`
	Total           string            `yaml:"total"`
	Share           string            `yaml:"share"`
	RedHeading      string            `yaml:"red_heading"`
	RedIntro        string            `yaml:"red_intro"`
	RedNone         string            `yaml:"red_none"`
	YellowHeading   string            `yaml:"yellow_heading"`
	YellowIntro     string            `yaml:"yellow_intro"`
	YellowNone      string            `yaml:"yellow_none"`
	TaskColumns     []string          `yaml:"task_columns"`
	Reason          string            `yaml:"reason"`
	ReportDept      string            `yaml:"report_dept"`
	ReportProgress  string            `yaml:"report_progress"`
	ReportProblems  string            `yaml:"report_problems"`
	NoReport        string            `yaml:"no_report"`
	MissingHeading  string            `yaml:"missing_heading"`
	MissingIntro    string            `yaml:"missing_intro"`
	MissingNone     string            `yaml:"missing_none"`
	MissingColumns  []string          `yaml:"missing_columns"`
	CompareHeading  string            `yaml:"compare_heading"`
	CompareIntro    string            `yaml:"compare_intro"`
	CompareColumns  []string          `yaml:"compare_columns"`
	Up              string            `yaml:"up"`
	Down            string            `yaml:"down"`
	Same            string            `yaml:"same"`
	NoPrevious      string            `yaml:"no_previous"`
	Trend           string            `yaml:"trend"`
	ClosingHeading  string            `yaml:"closing_heading"`
	Closing         string            `yaml:"closing"`
}

// kept decoded (templates.Decoded)
var _ = templates.Decoded("pdf.yaml", (*wording)(nil))

// loadWording decodes the set's pdf.yaml (its keys over the embedded
// default's).
func loadWording(ts *templates.Set) (*wording, error) {
	if ts == nil {
		ts = templates.Default()
	}
	w := &wording{}
	if err := ts.Decode("pdf.yaml", w); err != nil {
		return nil, err
	}
	if w.Brief.ChartTop < 0 {
		return nil, fmt.Errorf("template %s: brief.chart_top: %d is negative", ts.Origin("pdf.yaml"), w.Brief.ChartTop)
	}
	for _, c := range []struct {
		key  string
		cols []string
		n    int
	}{
		{"dept.lead_columns", w.Dept.LeadColumns, 3},
		{"dept.shared_columns", w.Dept.SharedColumns, 3},
		{"dept.co_columns", w.Dept.CoColumns, 3},
		{"dept.all_columns", w.Dept.AllColumns, 2},
		{"brief.targets_columns", w.Brief.TargetsColumns, 3},
		{"brief.lists_columns", w.Brief.ListsColumns, 3},
		{"brief.tasks_columns", w.Brief.TasksColumns, 3},
		{"brief.index_columns", w.Brief.IndexColumns, 7},
		{"notice.counts_columns", w.Notice.CountsColumns, 3},
		{"notice.task_columns", w.Notice.TaskColumns, 4},
		{"notice.missing_columns", w.Notice.MissingColumns, 4},
		{"notice.compare_columns", w.Notice.CompareColumns, 4},
	} {
		if len(c.cols) != c.n {
			return nil, fmt.Errorf("template %s: %s: want %d column titles, got %d", ts.Origin("pdf.yaml"), c.key, c.n, len(c.cols))
		}
	}
	for _, st := range progress.Order {
		if c := w.Notice.StatusColors[string(st)]; !colour.MatchString(c) {
			return nil, fmt.Errorf("template %s: notice.status_colors: %q for %q is not #rrggbb", ts.Origin("pdf.yaml"), c, st)
		}
	}
	return w, nil
}

var colour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// fill fills the {name} placeholders of s (templates.Fill); pairs are
// name, value, …. A title filled inside 《》 takes 〈〉 for its own book
// titles (templates.BookTitles).
func fill(s string, pairs ...string) string { return templates.BookTitles(templates.Fill(s, pairs...)) }
