package publish

import (
	"os"
	"runtime"
)

// removeAll removes dir and everything in it, as os.RemoveAll does, with
// its folders emptied on every core where the system allows (removeTree):
// the old output a build replaces holds a file per page and a folder per
// address (35 000 files and 15 000 folders at 10 000 pages), and removing
// it on one core was the last half second of such a build. A symbolic
// link is removed, never followed. What is left (what removeTree could
// not remove) goes to os.RemoveAll, whose errors are ignored as before.
func removeAll(dir string) {
	removeTree(dir, make(chan struct{}, runtime.GOMAXPROCS(0)))
	os.RemoveAll(dir)
}
