package xlsx

import (
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"fengong/extract"
)

// Layout is the version of the dept workbook's layout, written into every
// dept workbook with its Identity. It changes when ReadReturns could no
// longer read a workbook of the previous layout.
const Layout = "2"

// Identity is what a dept workbook says about itself: the document it was
// cut from and the dept it was written for. It travels as custom document
// properties (File → Properties → Custom), which Excel, WPS and LibreOffice
// keep when they re-save the file. A returned workbook is matched to its
// document and dept by it, never by its file name.
type Identity struct {
	Fingerprint string // extract.Document.Fingerprint
	Title       string // the document's title, for a refusal to name
	Year        string // extract.Document.Year, "" when 0
	Dept        string // the dept the workbook was written for
	Layout      string // Layout when written
}

// The custom property names; the prefix keeps them apart from the
// properties an office may add itself.
const (
	propFingerprint = "fengong.fingerprint"
	propTitle       = "fengong.title"
	propYear        = "fengong.year"
	propDept        = "fengong.dept"
	propLayout      = "fengong.layout"
)

// IdentityOf is the Identity a dept workbook of doc for dept carries.
func IdentityOf(doc *extract.Document, dept string) Identity {
	return Identity{Fingerprint: doc.Fingerprint(), Title: doc.Title, Year: yearText(doc.Year), Dept: dept, Layout: Layout}
}

// setIdentity writes id into the workbook's custom properties, in a fixed
// order so the bytes are the same run after run. excelize's
// SetCustomProps parses and re-marshals the whole part for each property
// (a tenth of a dept workbook's time for five), so it is called once, for
// the relationship and the content type, and the part is then written
// whole: the bytes SetCustomProps would have made of the five
// (TestIdentityPartAsExcelize).
func (b *book) setIdentity(id Identity) error {
	props := identityProps(id)
	if err := b.f.SetCustomProps(props[0]); err != nil {
		return fmt.Errorf("custom property %s: %w", props[0].Name, err)
	}
	x := customPart{Vt: "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}
	for i, p := range props {
		v, _ := p.Value.(string)
		x.Property = append(x.Property, customProp{FmtID: customFmtID, PID: i + 2, Name: p.Name, Lpwstr: &v})
	}
	out, err := xml.Marshal(x)
	if err != nil {
		return fmt.Errorf("custom properties: %w", err)
	}
	b.f.Pkg.Store(customPartName, append([]byte(xml.Header), out...))
	return nil
}

// identityProps are id's custom properties, in their order.
func identityProps(id Identity) []excelize.CustomProperty {
	return []excelize.CustomProperty{
		{Name: propFingerprint, Value: id.Fingerprint},
		{Name: propTitle, Value: clean(id.Title)},
		{Name: propYear, Value: id.Year},
		{Name: propDept, Value: clean(id.Dept)},
		{Name: propLayout, Value: id.Layout},
	}
}

// customPart is the docProps/custom.xml part of string properties, as
// excelize marshals it (its xlsxCustomProperties, less the value types
// fengong does not write).
type customPart struct {
	XMLName  xml.Name     `xml:"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties Properties"`
	Vt       string       `xml:"xmlns:vt,attr"`
	Property []customProp `xml:"property"`
}

type customProp struct {
	XMLName xml.Name `xml:"property"`
	FmtID   string   `xml:"fmtid,attr"`
	PID     int      `xml:"pid,attr"`
	Name    string   `xml:"name,attr,omitempty"`
	Lpwstr  *string  `xml:"vt:lpwstr"`
}

const (
	customPartName = "docProps/custom.xml"
	customFmtID    = excelize.EXtURICustomPropertyFmtID
)

// readIdentity reads the Identity back; fields a workbook lacks are "".
func readIdentity(f *excelize.File) (Identity, error) {
	props, err := f.GetCustomProps()
	if err != nil {
		return Identity{}, err
	}
	var id Identity
	for _, p := range props {
		v, ok := p.Value.(string)
		if !ok {
			v = fmt.Sprint(p.Value)
		}
		switch p.Name {
		case propFingerprint:
			id.Fingerprint = v
		case propTitle:
			id.Title = v
		case propYear:
			id.Year = v
		case propDept:
			id.Dept = v
		case propLayout:
			id.Layout = v
		}
	}
	return id, nil
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}
