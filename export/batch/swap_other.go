//go:build !linux

package batch

import "errors"

// exchange is not available here: swapIn falls back to two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }

// syncTree is a no-op where syncfs is missing; the swap is still atomic
// against a killed process, which is what the pack promises.
func syncTree(string) error { return nil }

// spreadFolders and unspreadFolders place the pack's folders on ext4
// (see swap_linux.go); elsewhere they do nothing.
func spreadFolders(string) error   { return errors.ErrUnsupported }
func unspreadFolders(string) error { return errors.ErrUnsupported }
