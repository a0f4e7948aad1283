package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Fingerprint identifies the document, the sha256 in hex of the canonical
// JSON of its title, year, issuer and level. It names the document, not
// its text: the same document read from a renamed file or another format,
// or revised (a deadline corrected, a task added), keeps its fingerprint,
// so workbooks sent out before a revision are still matched to it (their
// task IDs are checked against the current model); another document, or
// the same title of another year or another government, has another. The
// dept workbooks carry it, and a returned workbook is matched to its
// document by it, never by file name. It reads only document-wide fields,
// so a dept's workbook still depends on nothing but its own view of the
// model, and --incremental still reuses it.
func (d *Document) Fingerprint() string {
	// a struct of strings and an int: the bytes are canonical and
	// Marshal cannot fail
	b, _ := json.Marshal(struct {
		Title  string `json:"title"`
		Year   int    `json:"year"`
		Issuer string `json:"issuer"`
		Level  string `json:"level"`
	}{d.Title, d.Year, d.Issuer, d.Level})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
