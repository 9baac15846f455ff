//go:build unix

package publish

import (
	"errors"
	"os"
	"syscall"
)

var errLocked = errors.New("locked")

// lock takes the lock file name (made when missing) without waiting, and
// returns the function that removes it and lets go. errLocked means
// another process holds it. The file is removed before it is let go; a
// process that locked a file since removed tries again on the new one.
func lock(name string) (func(), error) {
	for range 10 {
		f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o644)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, errLocked
			}
			return nil, err
		}
		held, err1 := f.Stat()
		now, err2 := os.Lstat(name)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() {
				os.Remove(name)
				f.Close()
			}, nil
		}
		f.Close() // removed by the build that held it: take the new one
	}
	return nil, errLocked
}
