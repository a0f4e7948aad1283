package fpdf

import "slices"

// fengong patch: a document's font subsets taken from a cache. Cutting a
// UTF-8 font to the runes a document sets, and deflating the cut, is most
// of a document's time; the same font cut to the same runes always gives
// the same stream, so a document may take it from an earlier one.

// SubsetCache gives a document the zlib stream of a font's subset made
// before, and is told every subset the document embeds. fontKey is the
// font's key in the document (its family and style, as AddUTF8Font*
// were given them); runes are the runes the document sets with it, sorted.
// Subset returns nil when it has no such stream. The stream it returns
// must be what this fpdf makes of that font and those runes: fpdf does
// not cut the font to check it. Keep is told where each subset's stream
// starts in the document and its length, once the stream is written.
type SubsetCache interface {
	Subset(fontKey string, runes []int) (z []byte, raw int)
	Keep(fontKey string, runes []int, raw, offset, length int)
}

// SetSubsetCache makes the document take its UTF-8 fonts' subsets from c
// and tell c of every subset it embeds. It has no effect on an encrypted
// document, nor with SetStockStreams.
func (f *Fpdf) SetSubsetCache(c SubsetCache) { f.subsets = c }

// usesSubsetCache reports whether the document takes its subsets from a
// cache.
func (f *Fpdf) usesSubsetCache() bool {
	return f.subsets != nil && !f.protect.encrypted && !stockStreams.Load()
}

// sortedRunes lists a font's used runes, sorted.
func sortedRunes(used map[int]int) []int {
	runes := make([]int, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	return runes
}

// planCut sets what a document's font objects read of a cut
// (CodeSymbolDictionary, LastRune) as GenerateCutFont does, without
// cutting: for a subset whose stream comes from a SubsetCache.
func (utf *utf8FontFile) planCut(usedRunes map[int]int) bool {
	p := utf.cutPrep
	if p == nil {
		if p = utf.prepareCut(); p == nil {
			return false
		}
	}
	utf.charSymbolDictionary = p.charSymbol
	utf.LastRune = 0
	utf.planSymbols(usedRunes)
	return true
}

// SubsetVersion names what this copy of fpdf makes of a font cut to some
// runes: the cut and its deflate. Change it whenever either gives other
// bytes, so that no cache hands out a stream made the old way.
const SubsetVersion = "fengong-fpdf-subset-1"
