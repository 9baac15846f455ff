//go:build unix

package picture

import (
	"os"
	"syscall"
)

// ownedByMe reports whether the file fi belongs to the user running the
// build. Root too is held to its own files: a cache another user can write
// could be poisoned by them.
func ownedByMe(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	uid := os.Getuid()
	return !ok || int(st.Uid) == uid
}
