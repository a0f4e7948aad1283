package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Fingerprint identifies what this batch's documents share beyond their
// own text: the faces cut to the batch's characters and the roles they serve, and the compression
// setting. A dept's brief rendered by two renderers with the same
// fingerprint, from the same dept view, wording, title and date, has the
// same bytes; the batch run's --incremental relies on it.
func (r *Renderer) Fingerprint() string {
	h := sha256.New()
	for _, f := range r.faces {
		h.Write([]byte(f.key + "\x00" + strings.Join(f.roles, ",") + "\x00"))
		h.Write(f.cut)
		h.Write([]byte{0})
	}
	if r.compress {
		h.Write([]byte("compress"))
	}
	return hex.EncodeToString(h.Sum(nil))
}
