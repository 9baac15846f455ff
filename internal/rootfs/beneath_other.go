//go:build !linux

package rootfs

// readBeneath is openat2's way of reading, which only Linux has: here it
// always returns errNoBeneath (see the Linux version).
func (f *FS) readBeneath(name string) ([]byte, error) {
	return nil, errNoBeneath
}
