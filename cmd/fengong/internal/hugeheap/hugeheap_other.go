//go:build !linux || !(amd64 || arm64)

package hugeheap

// Elsewhere the heap is left as the runtime maps it.
