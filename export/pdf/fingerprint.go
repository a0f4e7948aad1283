package pdf

import (
	"crypto/sha256"
	"encoding/hex"
)

// Fingerprint identifies what this batch's documents share beyond their
// own text: the fonts cut to the batch's characters, and the compression
// setting. A dept's brief rendered by two renderers with the same
// fingerprint, from the same dept view, wording, title and date, has the
// same bytes; the batch run's --incremental relies on it.
func (r *Renderer) Fingerprint() string {
	h := sha256.New()
	for _, f := range []*face{r.bodyFont, r.headingFont, r.titleFont} {
		if f != nil {
			h.Write(f.cut)
		}
		h.Write([]byte{0})
	}
	if r.compress {
		h.Write([]byte("compress"))
	}
	return hex.EncodeToString(h.Sum(nil))
}
