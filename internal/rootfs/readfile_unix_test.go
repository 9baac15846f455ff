//go:build unix

package rootfs

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadSizedWrong: a file told smaller or larger than it is (it grew
// after fstat, or a file system told it wrong) is read whole all the same.
func TestReadSizedWrong(t *testing.T) {
	name := filepath.Join(t.TempDir(), "x.md")
	want := bytes.Repeat([]byte("hbtq "), 2000)
	os.WriteFile(name, want, 0o644)
	for _, size := range []int{0, 1, 511, 512, 5000, 9999, 10000, 10001, 20000} {
		fd, err := syscall.Open(name, syscall.O_RDONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		have, err := readSized(fd, size, "x.md")
		syscall.Close(fd)
		if err != nil || !bytes.Equal(have, want) {
			t.Errorf("told %d bytes: read %d bytes, %v; want %d", size, len(have), err, len(want))
		}
	}
}
