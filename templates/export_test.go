package templates

// DecodedHits counts the defaults Decode read from their decoded form.
func DecodedHits() int64 { return decodedHits.Load() }
