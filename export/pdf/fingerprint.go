package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Fingerprint identifies what this batch's documents share beyond their
// own text: the faces (as given, not as cut for the batch) and the roles
// they serve, and the compression setting. A brief embeds only the glyphs
// it sets, cut again from the batch's cut, and that subset does not
// depend on which other runes the batch cut holds (TestFingerprint): a
// dept's brief rendered by two renderers with the same fingerprint, from
// the same dept view, wording, title and date, has the same bytes, even
// when the rest of the document brought in new characters. The batch
// run's --incremental relies on it.
func (r *Renderer) Fingerprint() string {
	h := sha256.New()
	for _, f := range r.faces {
		h.Write([]byte(f.key + "\x00" + strings.Join(f.roles, ",") + "\x00"))
		h.Write(f.sum[:])
	}
	if r.compress {
		h.Write([]byte("compress"))
	}
	return hex.EncodeToString(h.Sum(nil))
}
