//go:build !linux

package hugeheap

// Elsewhere the heap is left as the runtime maps it.
