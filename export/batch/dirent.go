package batch

// folderEntry is one entry of a folder's listing (listFolder).
type folderEntry struct {
	name string
	kind entryKind
	ino  uint64 // 0: not known
}

type entryKind int

const (
	entryOther entryKind = iota // a link, a device, a socket: never followed
	entryDir
	entryFile
)
