package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Conversion helpers shared with the other tests of the package: each
// turns the same text into another input format, so that a test can check
// that Read gives the same lines for all of them.

// toGB18030 encodes UTF-8 text as GB18030.
func toGB18030(s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(fmt.Sprintf("toGB18030: %v", err)) // only for invalid UTF-8
	}
	return b
}

// toUTF16 encodes UTF-8 text as UTF-16 with a byte order mark.
func toUTF16(s string, order unicode.Endianness) []byte {
	b, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(fmt.Sprintf("toUTF16: %v", err))
	}
	return b
}

// toDocx builds a minimal .docx with one paragraph per line.
func toDocx(lines []string) []byte {
	var body strings.Builder
	for _, l := range lines {
		body.WriteString(wPara("", l))
	}
	return buildZip(docxParts(body.String(), "")...)
}

// toHTML builds an HTML page with one <p> per line, wrapped in the things
// a reader must not see (head, title, script, style, comments) and with
// entities for some characters.
func toHTML(lines []string) []byte {
	return []byte(htmlPage(lines, `<meta charset="utf-8">`))
}

func htmlPage(lines []string, meta string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n" + meta + "\n<title>分工意见标题不应出现</title>\n")
	b.WriteString("<style>p { margin: 0 } /* 样式不应出现 */</style>\n</head>\n<body>\n")
	b.WriteString("<script>document.write('脚本不应出现 <p>');</script>\n<!-- 注释不应出现 -->\n")
	ent := strings.NewReplacer("“", "&ldquo;", "”", "&rdquo;", "、", "&#x3001;", "。", "&#12290;")
	for i, l := range lines {
		e := ent.Replace(html.EscapeString(l))
		if i%3 == 1 {
			e = "&nbsp;&nbsp;" + e // indent that normalisation trims
		}
		fmt.Fprintf(&b, "<p class=\"MsoNormal\">%s</p>\n", e)
	}
	b.WriteString("<noscript>无脚本提示不应出现</noscript>\n</body>\n</html>\n")
	return b.String()
}

type zipPart struct{ name, body string }

// buildZip writes a zip archive of the parts, in order.
func buildZip(parts ...zipPart) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err == nil {
			_, err = io.WriteString(w, p.body)
		}
		if err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// docxParts returns the parts of a .docx with the given body (w:p
// elements) and, if not empty, numbering definitions (w:abstractNum and
// w:num elements).
func docxParts(body, numbering string) []zipPart {
	parts := []zipPart{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document ` + docxNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`},
	}
	if numbering != "" {
		parts = append(parts, zipPart{"word/numbering.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:numbering ` + docxNS + `>` + numbering + `</w:numbering>`})
	}
	return parts
}

// wPara is a paragraph with optional properties (the inside of w:pPr)
// and one run of text.
func wPara(pPr, text string) string {
	if pPr != "" {
		pPr = "<w:pPr>" + pPr + "</w:pPr>"
	}
	if text == "" {
		return "<w:p>" + pPr + "</w:p>"
	}
	var esc bytes.Buffer
	_ = xmlEscape(&esc, text)
	return `<w:p>` + pPr + `<w:r><w:t xml:space="preserve">` + esc.String() + `</w:t></w:r></w:p>`
}

func xmlEscape(w io.Writer, s string) error {
	_, err := io.WriteString(w, strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s))
	return err
}

func numPr(numID string, ilvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%s"/></w:numPr>`, ilvl, numID)
}

// itemNumber matches the number of an item line: "12."
var itemNumber = regexp.MustCompile(`^([0-9]+)\.`)

// toDocxNumbered is toDocx with Word's automatic numbering: the items
// 1., 2., … that follow each other become numbered list paragraphs
// without the number in their text.
func toDocxNumbered(lines []string) []byte {
	var body strings.Builder
	next := 1
	for _, l := range lines {
		if m := itemNumber.FindStringSubmatch(l); m != nil && m[1] == fmt.Sprint(next) {
			body.WriteString(wPara(numPr("1", 0), l[len(m[0]):]))
			next++
			continue
		}
		body.WriteString(wPara("", l))
	}
	numbering := `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
	return buildZip(docxParts(body.String(), numbering)...)
}

func readTestSeed(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("../seeds/hunan-2022.txt")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func nonEmpty(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func diffLines(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d lines, want %d", len(got), len(want))
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			t.Errorf("line %d:\ngot  %q\nwant %q", i+1, got[i], want[i])
			return
		}
	}
}

// TestReadFormats checks that every encoding and format of the seed reads
// as the same lines as the plain UTF-8 seed.
func TestReadFormats(t *testing.T) {
	seed := readTestSeed(t)
	ref, err := Read("hunan-2022.txt", seed)
	if err != nil {
		t.Fatal(err)
	}
	if len(ref.Lines) != 86 {
		t.Fatalf("seed: got %d lines, want 86", len(ref.Lines))
	}
	raw := strings.Split(string(seed), "\n")
	crlf := "\xEF\xBB\xBF" + strings.ReplaceAll(string(seed), "\n", "\r\n") + "\r\n"
	cr := strings.ReplaceAll(string(seed), "\n", "\r")
	ls := strings.ReplaceAll(string(seed), "\n", "\u2028")
	tests := []struct {
		name, file  string
		data        []byte
		enc, format string
		dropEmpty   bool
	}{
		{"utf-8", "a.txt", seed, "utf-8", "text", false},
		{"gb18030", "a.txt", toGB18030(string(seed)), "gb18030", "text", false},
		{"utf-16le bom", "a.txt", toUTF16(string(seed), unicode.LittleEndian), "utf-16le", "text", false},
		{"utf-16be bom", "a.txt", toUTF16(string(seed), unicode.BigEndian), "utf-16be", "text", false},
		{"utf-8 bom crlf", "a.txt", []byte(crlf), "utf-8-bom", "text", false},
		{"lone cr", "a.txt", []byte(cr), "utf-8", "text", false},
		{"line separator", "a.txt", []byte(ls), "utf-8", "text", false},
		{"gb18030 crlf", "a.txt", toGB18030(strings.ReplaceAll(string(seed), "\n", "\r\n")), "gb18030", "text", false},
		{"docx", "a.docx", toDocx(raw), "utf-8", "docx", false},
		{"docx numbered", "a.docx", toDocxNumbered(raw), "utf-8", "docx", false},
		{"docx misnamed", "a.txt", toDocx(raw), "utf-8", "docx", false},
		{"html", "a.html", toHTML(raw), "utf-8", "html", true},
		{"html gb2312", "a.htm", toGB18030(htmlPage(raw, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`)), "gb18030", "html", true},
		{"html gbk no meta", "a.html", toGB18030(htmlPage(raw, "")), "gb18030", "html", true},
		{"html misnamed", "a.txt", toHTML(raw), "utf-8", "html", true},
		{"html utf-8 bom", "a.html", append([]byte("\xEF\xBB\xBF"), toHTML(raw)...), "utf-8-bom", "html", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got.Encoding != tt.enc || got.Format != tt.format || got.Name != tt.file {
				t.Errorf("got %q %q %q, want %q %q %q", got.Name, got.Encoding, got.Format, tt.file, tt.enc, tt.format)
			}
			if len(got.SHA256) != 64 {
				t.Errorf("got SHA256 %q", got.SHA256)
			}
			want := ref.Lines
			if tt.dropEmpty {
				want = nonEmpty(want)
			}
			diffLines(t, got.Lines, want)
		})
	}
}

func TestReadSHA256(t *testing.T) {
	got, err := Read("a.txt", []byte("abc"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got.SHA256 != want {
		t.Errorf("got %q, want %q", got.SHA256, want)
	}
}

func TestReadLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\n\n", []string{"a", ""}},
		{"\na", []string{"", "a"}},
		{"a\r\nb\rc\n\nd\n", []string{"a", "b", "c", "", "d"}},
		{"a\r\rb", []string{"a", "", "b"}},
		{"a\u2028b\u2029c", []string{"a", "b", "c"}},
		{"  a  \n\t\u3000b\u00a0\u00a0c\u3000\n", []string{"a", "b c"}},
		{"\ufeffa\u200bb\u200cc\u200dd\u2060e\ufeff", []string{"abcde"}},
		{"a\x01b\x7fc\u200ed\u00ade", []string{"abcde"}},
		{"a\fb\vc", []string{"a b c"}},
	}
	for _, tt := range tests {
		got, err := Read("a.txt", []byte(tt.in))
		if err != nil {
			t.Errorf("Read(%q): %v", tt.in, err)
			continue
		}
		if strings.Join(got.Lines, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Read(%q): got %q, want %q", tt.in, got.Lines, tt.want)
		}
	}
}

func TestNormalizeLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain ASCII (kept), as is: yes; ok? fine!", "plain ASCII (kept), as is: yes; ok? fine!"},
		{"ＡＢＣ，ＤＥＦ（ｇ）", "ABC,DEF(g)"},
		{"(省财政厅牵头)", "（省财政厅牵头）"},
		{"负责,省", "负责，省"},
		{"增长6.5%以上,规模", "增长6.5%以上，规模"},
		{"增长７．２％,固定", "增长7.2%，固定"},
		{"１．以习近平", "1.以习近平"},
		{"1,000元", "1,000元"},
		{"共1,000,000元", "共1,000,000元"},
		{"10:30开会", "10:30开会"},
		{"时间:10:30", "时间：10:30"},
		{"负责))", "负责））"},
		{"((省", "（（省"},
		{"牵头(", "牵头（"},
		{")在", "）在"},
		{"推进(RCEP)合作", "推进（RCEP）合作"},
		{"(RCEP)", "(RCEP)"},
		{"(1)加强", "（1）加强"},
		{"（1）加强", "（1）加强"},
		{"吗?对!是;否:", "吗？对！是；否："},
		{"“三高四新”(战略)", "“三高四新”（战略）"},
		{"①(省", "①（省"},
		{"　　一、总体要求　　", "一、总体要求"},
		{"a\t\tb", "a b"},
		{"5G基站2.5万个", "5G基站2.5万个"},
		{"IPv6规模化部署,新建", "IPv6规模化部署，新建"},
		{"\ufeff\u200b", ""},
		{"a\u00a0\u2003\u3000b", "a b"},
		{"a \u200b b", "a b"},
		{"省)", "省）"},
		{"A,(省", "A，（省"},
		{"\x00\x1b[0m", "[0m"},
		{"\xff\xfe", "\ufffd\ufffd"},
	}
	for _, tt := range tests {
		got := normalizeLine(tt.in)
		if got != tt.want {
			t.Errorf("normalizeLine(%q): got %q, want %q", tt.in, got, tt.want)
		}
		if again := normalizeLine(got); again != got {
			t.Errorf("normalizeLine(%q) is not idempotent: got %q, then %q", tt.in, got, again)
		}
	}
}

// fullWidthASCII spells every printable ASCII character of s, except the
// space, in its full-width form: "6.5%" becomes "６．５％".
func fullWidthASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7F {
			return r + 0xFEE0
		}
		return r
	}, s)
}

// TestReadWidthVariants checks that the half-width and the full-width
// spelling of each seed line read the same.
func TestReadWidthVariants(t *testing.T) {
	seed := readTestSeed(t)
	half, err := Read("half.txt", seed)
	if err != nil {
		t.Fatal(err)
	}
	full, err := Read("full.txt", []byte(fullWidthASCII(string(seed))))
	if err != nil {
		t.Fatal(err)
	}
	diffLines(t, full.Lines, half.Lines)
	if want := "2.地区生产总值增长6.5%以上，规模工业增加值增长7.2%，"; !strings.HasPrefix(half.Lines[5], want) {
		t.Errorf("line 6: got %q, want prefix %q", half.Lines[5], want)
	}
	if want := "（省发展改革委、省工业和信息化厅、省财政厅、省人力资源社会保障厅、省生态环境厅、省农业农村厅等按职责分工负责）"; !strings.HasSuffix(half.Lines[5], want) {
		t.Errorf("line 6: got %q, want suffix %q", half.Lines[5], want)
	}
}

func TestReadDocxNumbering(t *testing.T) {
	numbering := `<w:abstractNum w:abstractNumId="7">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="Heading1"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlRestart w:val="0"/></w:lvl>` +
		`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/></w:lvl>` +
		`<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%4"/></w:lvl>` +
		`</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="10"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>` +
		`<w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>` +
		`<w:num w:numId="6"><w:abstractNumId w:val="10"/></w:num>`
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + docxNS + `>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>` +
		`</w:styles>`
	body := wPara(numPr("1", 0), "总体要求") +
		wPara(numPr("1", 1), "稳增长") +
		wPara(numPr("1", 1), "促改革") +
		wPara(numPr("1", 2), "甲") +
		wPara(numPr("1", 2), "乙") +
		wPara(numPr("1", 3), "细目") +
		wPara(`<w:pStyle w:val="MyHeading"/>`, "重点任务") + // numbered by its style
		wPara(numPr("2", 1), "扩内需") + // same definition: continues, no restart
		wPara(numPr("1", 2), "丙") + // level 2 restarted by level 1
		wPara(numPr("3", 1), "另起") + // own counters from 10
		wPara(numPr("3", 1), "再起") +
		wPara(numPr("0", 0), "不编号") +
		wPara(numPr("4", 0), "圆点") +
		wPara(numPr("5", 0), "括号") +
		wPara(numPr("6", 0), "条款") +
		wPara(numPr("1", 0), "") + // an empty numbered paragraph still counts
		wPara(numPr("1", 0), "保障措施") +
		wPara(numPr("99", 0), "未定义")
	parts := append(docxParts(body, numbering), zipPart{"word/styles.xml", styles})
	got, err := Read("n.docx", buildZip(parts...))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"一、总体要求",
		"1.稳增长",
		"2.促改革",
		"①甲",
		"②乙",
		"2.1 细目",
		"二、重点任务",
		"3.扩内需",
		"①丙",
		"10.另起",
		"11.再起",
		"不编号",
		"圆点",
		"（1）括号",
		"第一条 条款",
		"三、",
		"四、保障措施",
		"未定义",
	}
	diffLines(t, got.Lines, want)
}

func TestReadDocxRuns(t *testing.T) {
	body := `<w:p><w:r><w:t>省</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>财政厅</w:t></w:r><w:r><w:tab/><w:t>牵头</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>看得见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>看不见</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也看得见</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1"><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>插入</w:t></w:r></w:ins></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>文本框</w:t></mc:Choice><mc:Fallback><w:t>副本</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`<w:p/>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单元格二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">  （省财政厅牵头)  </w:t></w:r></w:p>`
	got, err := Read("r.docx", buildZip(docxParts(body, "")...))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"省财政厅 牵头",
		"第一行", "第二行", "第三行",
		"看得见也看得见",
		"保留插入",
		"3",
		"文本框",
		"",
		"单元格一 | 单元格二 |",
		"（省财政厅牵头）",
	}
	diffLines(t, got.Lines, want)
	if got.Cells == nil || !reflect.DeepEqual(got.Cells[9], []string{"单元格一", "单元格二"}) {
		t.Errorf("cells of the table row: got %q", got.Cells)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "decimal", "1"},
		{1, "chineseCounting", "一"},
		{10, "chineseCounting", "十"},
		{11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"},
		{35, "chineseCounting", "三十五"},
		{99, "chineseCounting", "九十九"},
		{101, "chineseCounting", "一○一"},
		{101, "chineseCountingThousand", "一百〇一"},
		{110, "chineseCountingThousand", "一百一十"},
		{1000, "chineseCountingThousand", "一千"},
		{1001, "chineseCountingThousand", "一千〇一"},
		{1234, "chineseCountingThousand", "一千二百三十四"},
		{12, "chineseLegalSimplified", "拾贰"},
		{3, "ideographTraditional", "丙"},
		{11, "ideographTraditional", "11"},
		{3, "decimalEnclosedCircle", "③"},
		{21, "decimalEnclosedCircle", "21"},
		{2, "decimalEnclosedParen", "⑵"},
		{5, "decimalZero", "05"},
		{27, "upperLetter", "AA"},
		{2, "lowerLetter", "b"},
		{14, "lowerRoman", "xiv"},
		{1994, "upperRoman", "MCMXCIV"},
		{12, "decimalFullWidth", "１２"},
		{0, "chineseCounting", "0"},
		{-3, "upperRoman", "-3"},
		{7, "none", ""},
		{7, "cardinalText", "7"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %q): got %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

func TestReadHTML(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		enc  string
		want []string
	}{
		{"blocks", []byte(`<html><body><h1>一、总体要求</h1><div>1.稳增长<br>2.促改革</div><ul><li>甲</li><li>乙</li></ul>` +
			`<table><tr><td>单位</td><td>任务</td></tr></table>text <b>bold</b> tail</body></html>`),
			"utf-8", []string{"一、总体要求", "1.稳增长", "2.促改革", "甲", "乙", "单位 | 任务 |", "text bold tail"}},
		{"skipped", []byte(`<!doctype html><html><head><title>标题</title><style>p{}</style><script>var a="<p>脚本</p>";</script></head>` +
			`<body><noscript>提示</noscript><template><p>模板</p></template><p>正文</p><svg><text>图</text></svg></body></html>`),
			"utf-8", []string{"正文"}},
		{"entities", []byte(`<html><p>A&amp;B &lt;C&gt; &quot;D&quot; &#x4E2D;&#25991; &ldquo;三高四新&rdquo;&nbsp;&nbsp;&copy;</p></html>`),
			"utf-8", []string{`A&B <C> "D" 中文 “三高四新” ©`}},
		{"cjk line breaks", []byte("<html><p>省发展\n  改革委牵头,\nEnglish\nwords\n省财政厅</p></html>"),
			"utf-8", []string{"省发展改革委牵头， English words 省财政厅"}},
		{"pre", []byte("<html><pre>第一行\n  第二行\n\n第三行</pre></html>"),
			"utf-8", []string{"第一行", "第二行", "第三行"}},
		{"word html", []byte(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><!--[if gte mso 9]><xml><w:WordDocument>隐藏</w:WordDocument></xml><![endif]--></head>` +
			`<body><p class=MsoNormal><![if !supportLists]><span>1.<span style='font:7.0pt'>&nbsp;&nbsp; </span></span><![endif]><span>稳增长<o:p></o:p></span></p></body></html>`),
			"utf-8", []string{"1. 稳增长"}},
		{"meta gbk", toGB18030(`<html><head><meta charset="gbk"></head><body><p>省财政厅牵头</p></body></html>`),
			"gb18030", []string{"省财政厅牵头"}},
		{"meta gb2312 ascii", []byte(`<html><head><meta charset="gb2312"></head><body><p>ascii only</p></body></html>`),
			"gb18030", []string{"ascii only"}},
		{"meta gb2312 but utf-8", []byte(`<html><head><meta charset="gb2312"></head><body><p>省财政厅牵头</p></body></html>`),
			"utf-8", []string{"省财政厅牵头"}},
		{"meta big5", big5(`<html><head><meta charset="big5"></head><body><p>省財政廳牽頭</p></body></html>`),
			"big5", []string{"省財政廳牽頭"}},
		{"utf-16le", toUTF16(`<html><body><p>省财政厅牵头</p></body></html>`, unicode.LittleEndian),
			"utf-16le", []string{"省财政厅牵头"}},
		{"unclosed", []byte(`<html><body><p>正文<script>不应出现`), "utf-8", []string{"正文"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read("page.html", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got.Encoding != tt.enc || got.Format != "html" {
				t.Errorf("got %q %q, want %q html", got.Encoding, got.Format, tt.enc)
			}
			diffLines(t, got.Lines, tt.want)
		})
	}
}

func big5(s string) []byte {
	b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestSniffFormat(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"a.txt", "PK\x03\x04rest", "docx"},
		{"a.docx", "PK\x05\x06", "docx"},
		{"a.txt", "<!DOCTYPE html><p>x", "html"},
		{"a.txt", "\xEF\xBB\xBF \n <HTML>", "html"},
		{"a.txt", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "html"},
		{"a.txt", "<落实>正文", "text"},
		{"a.htm", "正文", "html"},
		{"A.HTML", "正文", "html"},
		{"a.txt", "1.正文 <html>", "text"},
		{"a.html", "%PDF-1.4", "text"},
		{"a", "正文", "text"},
	}
	for _, tt := range tests {
		if got := sniffFormat(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("sniffFormat(%q, %q): got %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

// zipBomb returns a .docx whose document.xml is size bytes of zeros,
// deflated as it is written so that neither the test nor the archive
// holds the expanded bytes.
func zipBomb(t testing.TB, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 1<<20)
	for n := 0; n < size; n += len(chunk) {
		if _, err := w.Write(chunk[:min(len(chunk), size-n)]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadErrors(t *testing.T) {
	seed := readTestSeed(t)
	seedDocx := toDocx(strings.Split(string(seed), "\n"))
	// a damaged UTF-8 seed: one stray byte in line 10, after 3 characters
	seedLines := strings.SplitAfter(string(seed), "\n")
	badUTF8 := strings.Join(seedLines[:9], "") + "10.\xff" + seedLines[9][3:] + strings.Join(seedLines[10:], "")
	tests := []struct {
		name      string
		file      string
		data      []byte
		sentinel  error
		line, col int
		msg       string // part of the message
	}{
		{"empty", "empty.txt", nil, ErrEmpty, 0, 0, "empty input"},
		{"white space", "blank.txt", []byte(" \n\t\u3000\r\n\u00a0\n"), ErrEmpty, 0, 0, ""},
		{"white space gb18030", "blank.txt", toGB18030("\u3000\u3000\r\n"), ErrEmpty, 0, 0, ""},
		{"bom only", "bom.txt", []byte("\xEF\xBB\xBF"), ErrEmpty, 0, 0, ""},
		{"empty docx", "e.docx", toDocx([]string{"", " "}), ErrEmpty, 0, 0, ""},
		{"empty html", "e.html", []byte("<html><script>x</script></html>"), ErrEmpty, 0, 0, ""},
		{"png", "pic.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...), ErrBinary, 3, 0, "NUL"},
		{"nul in utf-16", "n.txt", toUTF16("第一行\n第二\x00行", unicode.LittleEndian), ErrBinary, 2, 0, "NUL"},
		{"controls", "c.txt", []byte("ok\nline\x01\x02\x03\x04\x05\x06"), ErrBinary, 2, 0, "control"},
		{"legacy doc", "old.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), ErrBinary, 0, 0, ".doc"},
		{"rtf", "a.doc", []byte(`{\rtf1\ansi\ansicpg936 {\fonttbl}}`), ErrBinary, 0, 0, "RTF"},
		{"pdf", "a.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ErrBinary, 0, 0, "PDF"},
		{"gb18030 invalid", "g.txt", append(toGB18030("第一行\n第二行\n"), "ab\xff\xfe"...), ErrEncoding, 3, 3, "GB18030"},
		{"gb18030 truncated", "g.txt", append(toGB18030("第一行\r\n第二行"), 0xB5), ErrEncoding, 2, 4, "GB18030"},
		{"utf-8 damaged", "u.txt", []byte(badUTF8), ErrEncoding, 10, 4, "0xFF"},
		{"utf-8 bom invalid", "u.txt", []byte("\xEF\xBB\xBF第一行\n\xC0"), ErrEncoding, 2, 1, "0xC0"},
		{"utf-16 odd", "u.txt", []byte("\xFF\xFEa\x00\n\x00b"), ErrEncoding, 2, 1, "odd length"},
		{"docx not zip", "a.docx", []byte("1.正文(省财政厅牵头)"), ErrNotZip, 0, 0, "not a zip"},
		{"docx is ole", "a.docx", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"), ErrNotZip, 0, 0, "password"},
		{"zip without document", "a.docx", buildZip(zipPart{"word/styles.xml", "<w:styles/>"}), ErrDocx, 0, 0, "word/document.xml"},
		{"xlsx", "a.xlsx", buildZip(zipPart{"xl/workbook.xml", "<workbook/>"}), ErrWorkbook, 0, 0, "xlsx"},
		{"truncated zip", "a.docx", seedDocx[:len(seedDocx)/2], ErrDocx, 0, 0, "zip"},
		{"broken xml", "a.docx", buildZip(docxParts(wPara("", "一")+wPara("", "二")+"<w:p><w:r><w:t>三</w:r></w:p>", "")...), ErrDocx, 3, 0, "word/document.xml"},
		{"broken numbering", "a.docx", buildZip(append(docxParts(wPara("", "一"), ""), zipPart{"word/numbering.xml", "<w:numbering"})...), ErrDocx, 0, 0, "numbering.xml"},
		{"zip bomb", "bomb.docx", zipBomb(t, 100<<20), ErrTooLarge, 0, 0, "zip bomb"},
		{"ratio bomb", "bomb.docx", zipBomb(t, 4<<20), ErrTooLarge, 0, 0, "compressed more than 200:1"},
		{"too large", "big.txt", make([]byte, MaxInputSize+1), ErrTooLarge, 0, 0, "64 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, tt.data)
			if err == nil {
				t.Fatalf("got %q, want error %v", got.Lines, tt.sentinel)
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("got %v, want errors.Is %v", err, tt.sentinel)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %T, want *Error", err)
			}
			if e.File != tt.file || !strings.HasPrefix(err.Error(), tt.file+":") {
				t.Errorf("got %q, want it to name %q", err, tt.file)
			}
			if e.Line != tt.line || (tt.col != 0 && e.Column != tt.col) {
				t.Errorf("got line %d column %d, want %d %d (%v)", e.Line, e.Column, tt.line, tt.col, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %q, want it to contain %q", err, tt.msg)
			}
		})
	}
}

// TestReadDocxLimits checks the caps with small limits.
func TestReadDocxLimits(t *testing.T) {
	doc := buildZip(docxParts(strings.Repeat(wPara("", "省财政厅牵头"), 100), "")...)
	tests := []struct {
		lim  docxLimits
		want error
	}{
		{docxLimits{part: 1 << 20, aux: 1 << 20, ratio: 200}, nil},
		{docxLimits{part: 1000, aux: 1 << 20, ratio: 200}, ErrTooLarge},
		{docxLimits{part: 1 << 20, aux: 10, ratio: 200}, nil}, // _rels is only read when needed
	}
	for _, tt := range tests {
		_, err := readDocx("a.docx", doc, tt.lim)
		if !errors.Is(err, tt.want) && !(err == nil && tt.want == nil) {
			t.Errorf("limits %+v: got %v, want %v", tt.lim, err, tt.want)
		}
	}
}

func TestReadDocxOtherMainPart(t *testing.T) {
	parts := docxParts(wPara("", "正文"), "")
	parts[1].body = strings.Replace(parts[1].body, `Target="word/document.xml"`, `Target="/word/main.xml"`, 1)
	parts[2].name = "word/main.xml"
	got, err := Read("m.docx", buildZip(parts...))
	if err != nil {
		t.Fatal(err)
	}
	diffLines(t, got.Lines, []string{"正文"})
}

func TestReadValidUTF8(t *testing.T) {
	// every line Read returns is valid UTF-8 without \r, whatever the input
	inputs := [][]byte{
		[]byte("a\rb\r\n\xe4\xb8"),
		toGB18030("省\r财政厅\r\n"),
		[]byte("\xFE\xFF\x00a\x00\r\x00b"),
	}
	for _, in := range inputs {
		got, err := Read("x.txt", in)
		if err != nil {
			continue
		}
		for _, l := range got.Lines {
			if !utf8.ValidString(l) || strings.ContainsAny(l, "\r\n") {
				t.Errorf("Read(%q): line %q", in, l)
			}
		}
	}
}

func BenchmarkRead(b *testing.B) {
	seed := readTestSeed(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(seed)))
	for b.Loop() {
		if _, err := Read("hunan-2022.txt", seed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadGB18030(b *testing.B) {
	data := toGB18030(string(readTestSeed(b)))
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("hunan-2022.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadDocx(b *testing.B) {
	data := toDocxNumbered(strings.Split(string(readTestSeed(b)), "\n"))
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("hunan-2022.docx", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	data := toHTML(strings.Split(string(readTestSeed(b)), "\n"))
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("hunan-2022.html", data); err != nil {
			b.Fatal(err)
		}
	}
}

// Rows whose cells are apart by tabs (a table copied out of Word or a web
// page) are read as a table's, cell by cell, empty cells kept in place;
// one such line alone is text.
func TestReadTabRows(t *testing.T) {
	txt, err := Read("a.txt", []byte("序号\t工作任务\t牵头单位\n1\t新建学校\t市教育局\n\t新增学位\t\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"序号", "工作任务", "牵头单位"}, {"1", "新建学校", "市教育局"}, {"", "新增学位", ""}}
	if !reflect.DeepEqual(txt.Cells, want) || txt.Lines[1] != "1 | 新建学校 | 市教育局 |" {
		t.Errorf("cells %q, lines %q", txt.Cells, txt.Lines)
	}
	txt, err = Read("a.txt", []byte("一、稳增长\t（市发改委\t牵头）\n1.甲。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if txt.Cells != nil || txt.Lines[0] != "一、稳增长 （市发改委 牵头）" {
		t.Errorf("one tab line: cells %q, lines %q", txt.Cells, txt.Lines)
	}
}

func TestReadBarredCells(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"a table one cell per line, each closed by a bar", "清单\n序号 |\n工作任务 |\n责任单位 |\n1 |\n新建学校3所 |\n县教育局 |\n|\n2 |\n改造小区 |\n||\n",
			[]string{"清单", "序号", "工作任务", "责任单位", "1", "新建学校3所", "县教育局", "|", "2", "改造小区", "||"}},
		{"a pipe table's rows keep their bars", "序号 | 工作任务 | 牵头单位 |\n1 | 新建学校 | 县教育局 |\n2 | 改造小区 |\n3 | 甲 | 乙 |\n4 | 丙 |\n5 |\n",
			[]string{"序号 | 工作任务 | 牵头单位 |", "1 | 新建学校 | 县教育局 |", "2 | 改造小区 |", "3 | 甲 | 乙 |", "4 | 丙 |", "5 |"}},
		{"bars on lines of their own between the cells", "清单\n序号\n|\n工作任务\n|\n责任单位\n|\n1\n|\n新建学校3所\n|\n县教育局\n|\n|\n",
			[]string{"清单", "", "序号", "", "工作任务", "", "责任单位", "", "1", "", "新建学校3所", "", "县教育局", "|"}},
		{"a few bars in prose stay", "甲 |\n乙\n丙 |\n", []string{"甲 |", "乙", "丙 |"}},
		{"a bar opening every cell but a row's first, a bar alone closing the row", "附件\n牵头单位\n| 目 标 任 务\n| 责 任 单 位\n|\n市政\n府办\n公厅\n| 强化行政监督\n| 市直各单位\n|\n推进国家安全工作\n| 市直各单位\n|\n固定资产投资增长20%\n|\n",
			[]string{"附件", "牵头单位 | 目 标 任 务 | 责 任 单 位 |", "", "", "", "市政府办公厅 | 强化行政监督 | 市直各单位 |", "", "", "", "", "",
				"推进国家安全工作 | 市直各单位 |", "", "", "固定资产投资增长20% |", ""}},
		{"text after such a table is no row, though a bar alone comes later", "牵头单位\n| 任务\n| 责任单位\n|\n甲局\n| 做好一\n| 乙局\n|\n做好二\n| 丙局\n|\n做好三\n|\n说明一\n说明二\n说明三\n说明四\n说明五\n说明六\n说明七\n说明八\n说明九\n|\n",
			[]string{"牵头单位 | 任务 | 责任单位 |", "", "", "", "甲局 | 做好一 | 乙局 |", "", "", "", "做好二 | 丙局 |", "", "", "做好三 |", "",
				"说明一", "说明二", "说明三", "说明四", "说明五", "说明六", "说明七", "说明八", "说明九", "|"}},
		{"a cell broken over lines closes with its last line's bar", "清单\n序号 |\n工作任务 |\n进展情况 |\n1 |\n新建学校3所 |\n已完成主体，\n正在装修。 |\n说明前半\n|\n",
			[]string{"清单", "序号", "工作任务", "进展情况", "1", "新建学校3所", "", "已完成主体，正在装修。", "", "说明前半"}},
	} {
		txt, err := Read("a.txt", []byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(txt.Lines, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, txt.Lines, tc.want)
		}
	}
}

// A tab-separated row that a cell's line break split (a Word table copied
// out) is one row again; a line of prose with one tab stays as it is.
func TestReadBrokenTabRows(t *testing.T) {
	in := "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t新建学校3所\t县教育局\t县住建局\t12月底\n2\t改造老旧小区20个，\n完成管网改造。\t县住建局\t各乡镇\t10月\n3\t新增就业\t县人社局\t\t全年\n说明：\t见附件\n"
	txt, err := Read("a.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2", "改造老旧小区20个，完成管网改造。", "县住建局", "各乡镇", "10月"}
	if len(txt.Cells) < 3 || !reflect.DeepEqual(txt.Cells[2], want) {
		t.Fatalf("cells %q, want row 2 %q", txt.Cells, want)
	}
	if txt.Lines[3] != "" || len(txt.Lines) != 6 {
		t.Errorf("lines %q: want the row's second line blank, the lines kept", txt.Lines)
	}
	if last := txt.Lines[5]; last != "说明： 见附件" {
		t.Errorf("prose with one tab: %q", last)
	}
}
