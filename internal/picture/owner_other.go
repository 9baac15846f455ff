//go:build !unix

package picture

import "os"

func ownedByMe(os.FileInfo) bool { return true }
