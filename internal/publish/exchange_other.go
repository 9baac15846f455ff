//go:build !linux && !darwin

package publish

import "errors"

// exchange is not offered by this system: Commit falls back to two renames.
func exchange(a, b string) error {
	return errors.ErrUnsupported
}
