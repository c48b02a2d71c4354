//go:build !unix

package data

import "testing"

// readOnlyFolder: folders cannot be made read-only the POSIX way here.
func readOnlyFolder(t *testing.T, setup func(dir string)) (string, bool) {
	t.Skip("no POSIX permissions")
	return "", false
}
