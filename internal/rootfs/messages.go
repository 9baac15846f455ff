package rootfs

import "github.com/hbtq-diplomering/webbplats/internal/msg"

// Messages of the site root on disk.
var (
	// Link is the text of the error of a path through a symbolic link
	// (what os.PathError says after the path).
	Link = msg.Def("rootfs.link",
		"är en symbolisk länk, som bygget inte följer",
		"is a symbolic link, which the build does not follow")
)
