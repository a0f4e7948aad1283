// Copyright 2017 Google Inc.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

//go:build !js

package uuid

// getHardwareInterface returns nil values, as node_js.go does: this fork
// (fengong's, FORK.md) does not import net to read a network interface's
// hardware address, so a version 1 or 6 UUID's node ID is random. net
// links the C library into every default (cgo) build of a program that
// imports it.
func getHardwareInterface(name string) (string, []byte) { return "", nil }
