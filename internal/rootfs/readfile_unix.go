//go:build unix

package rootfs

import (
	"io/fs"
	"syscall"
)

// readFile reads the file at full (name is its path in the root, for
// errors) in four system calls: open, fstat, read, close. os.ReadFile
// takes ten on Linux for a regular file (it makes the file non-blocking
// and offers it to the poller, which refuses it, then undoes both; and it
// reads once more to find the end), and a build reads every page.
func readFile(full, name string) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(full, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return readFD(fd, name)
}

// readFD reads the open file fd to its end and closes it. A regular file
// takes one read: it asks for one byte more than the size fstat gives, so
// a read that gives that size, less than it asked, has reached the end,
// and no read more is made to find it (os.ReadFile makes one). A file that
// grew meanwhile, or whose size was told wrong, gives more, and is read on
// to its end.
func readFD(fd int, name string) ([]byte, error) {
	defer syscall.Close(fd)
	size := 0
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG {
		size = int(st.Size)
	}
	return readSized(fd, size, name)
}

// readSized reads fd to its end, told that it holds size bytes (0: not
// known).
func readSized(fd, size int, name string) ([]byte, error) {
	// At least 512 bytes for files that say they are empty (/proc) and
	// may not be.
	data := make([]byte, 0, max(size+1, 512))
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if size > 0 && len(data) == size && len(data) < cap(data) {
			return data, nil // short of what it asked, at the size: the end
		}
	}
}
