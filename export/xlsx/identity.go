package xlsx

import (
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
// order so the bytes are the same run after run.
func (b *book) setIdentity(id Identity) error {
	for _, p := range []excelize.CustomProperty{
		{Name: propFingerprint, Value: id.Fingerprint},
		{Name: propTitle, Value: clean(id.Title)},
		{Name: propYear, Value: id.Year},
		{Name: propDept, Value: clean(id.Dept)},
		{Name: propLayout, Value: id.Layout},
	} {
		if err := b.f.SetCustomProps(p); err != nil {
			return fmt.Errorf("custom property %s: %w", p.Name, err)
		}
	}
	return nil
}

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
