package draw

import (
	"bytes"
	"testing"

	"fengong/export/pdf/font"
)

// TestCutLeavesFontAlone: cutting a face never writes into the bytes it
// was given (the embedded faces are shared by every document of a batch,
// cut by several at once). The runes include glyphs past the faces' last
// long horizontal metric, whose metrics fpdf used to append onto a slice of
// the font itself.
func TestCutLeavesFontAlone(t *testing.T) {
	runes := []rune("一二三四五六七八九十ABCxyz，。、（）《》０１２３中华人民共和国政府工作报告")
	for name, face := range map[string][]byte{"song": font.Song(), "song bold": font.SongBold(), "hei": font.Hei(), "kai": font.Kai()} {
		src := bytes.Clone(face)
		if _, err := Cut(src, runes); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(src, face) {
			t.Errorf("%s: cutting the face changed its bytes", name)
		}
	}
}
