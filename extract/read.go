package extract

// Read decodes and normalises raw input into Text. name is the file name
// used in errors and in Source. (stub: being written)
func Read(name string, data []byte) (*Text, error) {
	return nil, &Error{File: name, Err: ErrEmpty}
}
