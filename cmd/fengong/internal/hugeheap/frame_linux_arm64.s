#include "textflag.h"

// func deepFrame()
//
// A frame of Size less a MiB (63 MiB), never written: calling it grows
// the goroutine's stack to Size (hugeheap_linux.go).
TEXT ·deepFrame(SB), 0, $66060288-0
	RET
