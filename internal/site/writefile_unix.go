//go:build unix

package site

import (
	"os"
	"syscall"
)

// writeFile writes data to the file name, made or emptied, in three system
// calls: os.WriteFile takes eight on Linux for a file it only writes (it
// makes the file non-blocking and offers it to the poller, which refuses
// a regular file, then undoes both), and a build writes tens of thousands.
func writeFile(name string, data []byte) error {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data[:min(len(data), 1<<30)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}
