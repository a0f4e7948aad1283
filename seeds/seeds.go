// Package seeds bundles the sample input, so `fengong run` works on a
// fresh machine with no file at hand.
package seeds

import _ "embed"

// Hunan2022 is the 2022 Hunan provincial 分工意见, byte for byte as
// published (with its damage: displaced item numbers, glued headings).
//
//go:embed hunan-2022.txt
var Hunan2022 []byte

// Hunan2022Name is its file name.
const Hunan2022Name = "hunan-2022.txt"
