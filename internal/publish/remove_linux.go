package publish

import (
	"os"
	"sync"

	"golang.org/x/sys/unix"
)

// removeTree removes dir: see removeAt.
func removeTree(dir string, sem chan struct{}) {
	removeAt(unix.AT_FDCWD, dir, sem)
}

// removeAt removes the folder name in the folder parent (a file
// descriptor): the files in it, then its folders (each on a goroutine of
// its own while a slot in sem is free), then it. Every name is taken
// relative to its folder's descriptor, as os.RemoveAll does, and a
// symbolic link is never followed (O_NOFOLLOW; a link is a file here).
func removeAt(parent int, name string, sem chan struct{}) {
	fd, err := unix.Openat(parent, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	f := os.NewFile(uintptr(fd), name)
	defer f.Close()
	// Every name first, then the removing: a folder's entries may move
	// while some are removed, and a second read could miss some (as
	// os.RemoveAll notes, Go issue 20841).
	entries, _ := f.ReadDir(-1)
	var wg sync.WaitGroup
	for _, e := range entries {
		if !e.IsDir() {
			unix.Unlinkat(fd, e.Name(), 0)
			continue
		}
		select {
		case sem <- struct{}{}:
			wg.Go(func() {
				defer func() { <-sem }()
				removeAt(fd, e.Name(), sem)
			})
		default:
			removeAt(fd, e.Name(), sem)
		}
	}
	wg.Wait()
	unix.Unlinkat(parent, name, unix.AT_REMOVEDIR)
}
