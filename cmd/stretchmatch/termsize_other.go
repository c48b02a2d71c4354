//go:build !unix

package main

import "os"

// terminalColumns returns 0: the size is not asked of the system here, and
// COLUMNS or 80 is used instead.
func terminalColumns(*os.File) int { return 0 }
