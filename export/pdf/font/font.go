// Package font holds the embedded faces of the PDF briefs and reads the
// parts of a TrueType file the briefs need before the PDF library sees
// it: that it is a single glyf-outline face, which runes it covers and its
// PostScript name.
//
// The embedded faces stand in for the GB/T 9704 typefaces on a machine
// that has none of them, each cut to GB 2312 (level 1 for all but the hei
// face), the Traditional forms of its characters (as mirror sites print a
// document) and the characters the documents use:
//
//	SongBold  Noto Serif CJK SC Bold, renamed Fengong Serif SC Bold (OFL-1.1): the title (小标宋)
//	Song      Noto Serif CJK SC, renamed Fengong Serif SC (OFL-1.1): the body; no free 仿宋 face covers simplified Chinese
//	Hei       WenQuanYi Micro Hei (Apache-2.0): 一、 headings (黑体), and the last resort of every role
//	Kai       LXGW WenKai, renamed Fengong WenKai (OFL-1.1): （一） headings (楷体)
//
// The licences are beside the files. cutfonts.py made them from Debian's
// packages, with fonttools; the build and the tests never need it:
//
//	apt-get install -y python3-fonttools fonts-noto-cjk fonts-wqy-microhei fonts-lxgw-wenkai
//	/usr/bin/python3 export/pdf/font/cutfonts.py
package font

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
)

var (
	//go:embed serif-sc-bold.ttf
	songBold []byte
	//go:embed serif-sc.ttf
	song []byte
	//go:embed wqy-microhei.ttf
	hei []byte
	//go:embed wenkai.ttf
	kai []byte
)

// SongBold is the embedded bold serif face for titles. The slices the
// functions return are shared: callers must not modify them.
func SongBold() []byte { return songBold }

// Song is the embedded 宋 face for body text.
func Song() []byte { return song }

// Hei is the embedded sans (黑) face, covering all of GB 2312.
func Hei() []byte { return hei }

// Kai is the embedded 楷 face.
func Kai() []byte { return kai }

// Default returns the embedded face with the widest coverage, Hei.
func Default() []byte { return hei }

// embedded are the embedded faces with their sha256, written here so
// that a batch keys its cuts without reading 11 MB of faces (TestSums
// holds them to the bytes: after cutfonts.py, paste the sums it prints).
var embedded = []struct {
	data []byte
	sum  string
}{
	{songBold, "fa134c2d87c377db92949ea1fcecb14ea9bbd412af0f6cc2dec72bab99335ca0"},
	{song, "b2224d552f0a22399c5e65fe66bafed88cca79d14b9dca9d38256dec1ed58e38"},
	{hei, "e96667b075110629540a86bbfeee43238834165a7565d2088192febb0caebf50"},
	{kai, "606b5fc5ac5546bf34514f51730d97f650ab44b2febc76261a42a795c85bebf3"},
}

// Sum is the sha256 of a face's bytes: written down for the embedded
// faces (the very slices the functions above return), computed for
// any other.
func Sum(data []byte) [32]byte {
	for _, e := range embedded {
		if len(data) > 0 && len(data) == len(e.data) && &data[0] == &e.data[0] {
			var s [32]byte
			if n, err := hex.Decode(s[:], []byte(e.sum)); err == nil && n == len(s) {
				return s
			}
		}
	}
	return sha256.Sum256(data)
}
