package fpdf

import (
	"math"
	"slices"
	"testing"

	"fengong/export/pdf/font"
)

// TestCmapWidths: the widths parseFile takes from the cmap (cmapWidths)
// are those stock fpdf took from the map of each glyph's runes
// (stockHMTXWidths, its parseHMTXTable as it was), for every embedded face
// and for a cut of one.
func TestCmapWidths(t *testing.T) {
	faces := map[string][]byte{"song": font.Song(), "song-bold": font.SongBold(), "hei": font.Hei(), "kai": font.Kai()}
	faces["hei-cut"] = UTF8CutFont(font.Hei(), "，。、（）一二三四五中华人民共和国政府工作报告ABCxyz123%")
	for name, data := range faces {
		u := newUTF8Font(&fileReader{array: data})
		if err := u.parseFile(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ref := stockWidths(t, data)
		if u.DefaultWidth != ref.DefaultWidth {
			t.Errorf("%s: DefaultWidth %v, stock %v", name, u.DefaultWidth, ref.DefaultWidth)
		}
		if !slices.Equal(u.CharWidths, ref.CharWidths) {
			n := 0
			for i := range u.CharWidths {
				if u.CharWidths[i] != ref.CharWidths[i] && n < 5 {
					t.Errorf("%s: width of U+%04X %d, stock %d", name, i, u.CharWidths[i], ref.CharWidths[i])
					n++
				}
			}
		}
		if u.CharWidths[0] == 0 || u.CharWidths['中'] == 0 && name != "hei-cut" {
			t.Errorf("%s: no widths (%d counted)", name, u.CharWidths[0])
		}
	}
}

// stockWidths parses data as stock fpdf's parseTables did.
func stockWidths(t *testing.T, data []byte) *utf8FontFile {
	t.Helper()
	u := newUTF8Font(&fileReader{array: data})
	u.fileReader.readerPosition = 0
	u.charSymbolDictionary = make(map[int]int)
	u.tableDescriptions = make(map[string]*tableDescription)
	u.outTablesData = make(map[string][]byte)
	u.readUint32()
	u.generateTableDescriptions()
	f := u.parseNAMETable()
	u.parseHEADTable()
	n := u.parseHHEATable()
	w := u.parseOS2Table()
	u.parsePOSTTable(w)
	pos := u.parseCMAPTable(f)
	u.SeekTable("maxp")
	u.skip(4)
	numSymbols := u.readUint16()
	symbolChar := make(map[int][]int)
	u.generateSCCSDictionaries(pos, symbolChar, make(map[int]int))
	u.stockHMTXWidths(n, numSymbols, symbolChar, 1000.0/float64(u.fontElementSize))
	return u
}

func (utf *utf8FontFile) stockHMTXWidths(numberOfHMetrics, numSymbols int, symbolToChar map[int][]int, scale float64) {
	var widths int
	start := utf.SeekTable("hmtx")
	arrayWidths := 0
	var arr []int
	utf.CharWidths = make([]uint16, 256*256)
	charCount := 0
	arr = unpackUint16Array(utf.getRange(start, numberOfHMetrics*4))
	for symbol := range numberOfHMetrics {
		arrayWidths = arr[(symbol*2)+1]
		if _, OK := symbolToChar[symbol]; OK || symbol == 0 {

			if arrayWidths >= (1 << 15) {
				arrayWidths = 0
			}
			if symbol == 0 {
				utf.DefaultWidth = scale * float64(arrayWidths)
				continue
			}
			for _, char := range symbolToChar[symbol] {
				if char != 0 && char != 65535 {
					widths = int(math.Round(scale * float64(arrayWidths)))
					if widths == 0 {
						widths = 65535
					}
					if char < len(utf.CharWidths) {
						utf.CharWidths[char] = width16(widths)
						charCount++
					}
				}
			}
		}
	}
	diff := numSymbols - numberOfHMetrics
	for pos := range diff {
		symbol := pos + numberOfHMetrics
		if _, OK := symbolToChar[symbol]; OK {
			for _, char := range symbolToChar[symbol] {
				if char != 0 && char != 65535 {
					widths = int(math.Round(scale * float64(arrayWidths)))
					if widths == 0 {
						widths = 65535
					}
					if char < len(utf.CharWidths) {
						utf.CharWidths[char] = width16(widths)
						charCount++
					}
				}
			}
		}
	}
	utf.CharWidths[0] = uint16(min(charCount, 65534))
}
