//go:build !unix

package rootfs

import "os"

// readFile reads the file at full; name is its path in the root.
func readFile(full, name string) ([]byte, error) {
	data, err := os.ReadFile(full)
	if e, ok := err.(*os.PathError); ok {
		e.Path = name
	}
	return data, err
}
