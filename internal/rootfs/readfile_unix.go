//go:build unix

package rootfs

import (
	"io/fs"
	"syscall"
)

// readFile reads the file at full (name is its path in the root, for
// errors) in four system calls or so: open, fstat, read until the end,
// close. os.ReadFile takes ten on Linux for a regular file (it makes the
// file non-blocking and offers it to the poller, which refuses it, then
// undoes both), and a build reads every page.
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

// readFD reads the open file fd to its end and closes it.
func readFD(fd int, name string) ([]byte, error) {
	defer syscall.Close(fd)
	size := 0
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG {
		size = int(st.Size)
	}
	// As os.ReadFile: one byte more than the size, so that the read that
	// finds the end needs no second buffer; at least 512 bytes for files
	// that say they are empty (/proc) and may not be.
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
	}
}
