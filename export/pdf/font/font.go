// Package font holds the default font of the PDF briefs, WenQuanYi Micro
// Hei (Apache-2.0, see LICENSE-wqy-microhei.txt), and reads the parts of
// a TrueType file the briefs need before the PDF library sees it: that it
// is a single glyf-outline face, and which runes it covers.
//
// wqy-microhei.ttf is face 0 of Debian's fonts-wqy-microhei collection,
// made standalone by cmd/ttc2ttf. Regenerate it with:
//
//	apt-get install -y fonts-wqy-microhei
//	go run ./cmd/ttc2ttf -index 0 -o export/pdf/font/wqy-microhei.ttf /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
package font

import _ "embed"

//go:embed wqy-microhei.ttf
var wqyMicroHei []byte

// Default returns the bytes of the embedded WenQuanYi Micro Hei face. The
// slice is shared: callers must not modify it.
func Default() []byte { return wqyMicroHei }
