// Package publish puts a finished build in place of the output folder,
// and refuses output folders that are not the builder's to replace.
//
// # What the output may be
//
// A build may replace only a folder it wrote itself, or one that is empty
// or missing. Every folder the builder writes holds a small marker file,
// [Marker]; a folder that has files but no marker is somebody else's and
// is refused. When the site root on disk is known, an output that is the
// root, holds the root, or lies inside content/, layouts/ or static/ is
// refused too, even when empty: the build would write into its own sources.
// An output that is a symbolic link or a file is refused. Every refusal is
// an [Error] that says what is wrong and what to do (package msg).
//
// # The swap
//
// [Begin] checks the output, removes what an interrupted build left beside
// it, and makes a fresh folder beside it (.public.tmp-…) with the marker
// in it. The build writes there. [Folder.Commit] swaps it in:
//
//   - on Linux with renameat2(RENAME_EXCHANGE), and on macOS with
//     renamex_np(RENAME_SWAP), the new and the old folder trade places in
//     one atomic step, and the old one is then removed. At no instant is
//     the output missing.
//   - elsewhere, or on a file system without the exchange, the old output
//     is renamed aside (.public.old-…) and the new one renamed into its
//     place: two renames, with an instant in between where the output is
//     missing. If the second rename fails the old output is put back; if
//     that fails too, the error says where the old output is.
//
// A build killed at any point (even SIGKILL) leaves the output whole, old
// or new, and at most .public.tmp-… or .public.old-… folders beside it,
// which the next build removes. A legacy public.old folder is removed only
// when it holds the marker. [Folder.Abort] removes the unfinished folder;
// the command calls it on SIGINT and SIGTERM.
//
// Two builds into the same output at the same time are not supported: the
// second removes the first one's unfinished folder, and the first fails.
package publish

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// Marker is the name of the file in every output folder the builder wrote.
// Netlify does not publish files whose name starts with a dot.
const Marker = ".hbtq-build"

// markerText is what the marker says to a person who finds it.
const markerText = "Den här mappen skrevs av webbplatsbyggaren (go run ./cmd/build).\n" +
	"Nästa bygge ersätter allt i den. Lägg inga egna filer här.\n"

// Error is an output folder the build refuses, with what to do instead.
type Error struct {
	Out  string      // the output folder as given
	Msg  msg.Message // what is wrong
	Hint msg.Message // what to do; may be empty
}

// In returns "-out DIR: message (hint)" in l.
func (e *Error) In(l msg.Lang) string {
	s := "-out " + e.Out + ": " + e.Msg.In(l)
	if !e.Hint.IsZero() {
		s += " (" + e.Hint.In(l) + ")"
	}
	return s
}

// Error returns the error in Swedish.
func (e *Error) Error() string { return e.In(msg.SV) }

// sources are the folders of a site root the output may not lie in.
var sources = []string{"content", "layouts", "static"}

// Check reports whether out may be replaced by a build of the site whose
// root on disk is root ("" when the root is not a folder on disk).
func Check(out, root string) error {
	refuse := func(m, hint msg.Message) error { return &Error{Out: out, Msg: m, Hint: hint} }
	none := msg.Message{}
	absOut, err := resolve(out)
	if err != nil {
		return refuse(msg.OutUnreadable.With(err), none)
	}
	if root != "" {
		absRoot, err := resolve(root)
		if err != nil {
			return refuse(msg.OutRootUnreadable.With(root, err), none)
		}
		switch {
		case absOut == absRoot:
			return refuse(msg.OutIsRoot.With(), msg.HintOutOwn.With())
		case within(absRoot, absOut):
			return refuse(msg.OutHoldsRoot.With(), msg.HintOutOwn.With())
		}
		for _, s := range sources {
			if within(absOut, filepath.Join(absRoot, s)) {
				return refuse(msg.OutInSources.With(s), msg.HintOutSources.With())
			}
		}
	}
	fi, err := os.Lstat(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return refuse(msg.OutUnreadable.With(err), none)
	case fi.Mode()&os.ModeSymlink != 0:
		return refuse(msg.OutSymlink.With(), msg.HintOutSymlink.With())
	case !fi.IsDir():
		return refuse(msg.OutFile.With(), msg.HintOutOwn.With())
	}
	if ours(out) {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return refuse(msg.OutUnreadable.With(err), none)
	}
	if len(entries) > 0 {
		return refuse(msg.OutForeign.With(Marker), msg.HintOutForeign.With())
	}
	return nil
}

// ours reports whether dir holds the marker.
func ours(dir string) bool {
	fi, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && fi.Mode().IsRegular()
}

// resolve returns the absolute path of p with every symbolic link in the
// part of it that exists resolved.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(abs, rest), nil
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}

// within reports whether p is dir or lies inside it (both absolute, clean).
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Folder is a build being written beside the output folder.
type Folder struct {
	out string
	dir string
}

// Begin checks out (see [Check]), removes what interrupted builds left
// beside it, and makes the folder the build writes into.
func Begin(out, root string) (*Folder, error) {
	out = filepath.Clean(out)
	if err := Check(out, root); err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeLeftovers(out)
	dir, err := os.MkdirTemp(parent, tmpPrefix(out))
	if err != nil {
		return nil, err
	}
	f := &Folder{out: out, dir: filepath.Clean(dir)}
	if err := os.WriteFile(filepath.Join(f.dir, Marker), []byte(markerText), 0o644); err != nil {
		f.Abort()
		return nil, err
	}
	// MkdirTemp makes the folder 0700; a published site is readable.
	if err := os.Chmod(f.dir, 0o755); err != nil {
		f.Abort()
		return nil, err
	}
	return f, nil
}

func tmpPrefix(out string) string { return "." + filepath.Base(out) + ".tmp-" }
func oldPrefix(out string) string { return "." + filepath.Base(out) + ".old-" }

// removeLeftovers removes the folders interrupted builds left beside out.
func removeLeftovers(out string) {
	parent := filepath.Dir(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		p := filepath.Join(parent, n)
		switch {
		case !e.IsDir():
		case strings.HasPrefix(n, tmpPrefix(out)), strings.HasPrefix(n, oldPrefix(out)):
			os.RemoveAll(p)
		case n == filepath.Base(out)+".old" && ours(p):
			os.RemoveAll(p)
		}
	}
}

// Dir returns the folder to write the build into.
func (f *Folder) Dir() string { return f.dir }

// Abort removes the unfinished folder. It does nothing after Commit.
func (f *Folder) Abort() {
	if f.dir != "" {
		os.RemoveAll(f.dir)
	}
}

// hook, when set by a test, is called at each step of Commit.
var hook func(ctx context.Context, step string)

func step(ctx context.Context, s string) {
	if hook != nil {
		hook(ctx, s)
	}
}

// Commit puts the finished folder in place of the output. When ctx is
// done before the swap, it removes the folder and returns ctx's error.
func (f *Folder) Commit(ctx context.Context) error {
	step(ctx, "written")
	if err := ctx.Err(); err != nil {
		f.Abort()
		return err
	}
	if _, err := os.Lstat(f.out); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(f.dir, f.out); err != nil {
			f.Abort()
			return msg.OutPlace.With(f.out, err)
		}
		f.dir = ""
		return nil
	}
	if err := exchange(f.dir, f.out); err == nil {
		// f.dir now holds the old output.
		step(ctx, "exchanged")
		os.RemoveAll(f.dir)
		f.dir = ""
		return nil
	}
	err := swapByRenames(ctx, f.dir, f.out, os.Rename)
	if err != nil {
		f.Abort()
		return err
	}
	f.dir = ""
	return nil
}

// swapByRenames puts dir in place of out with two renames: out aside,
// then dir into its place. On failure it puts out back, and when even that
// fails, says where the old output is.
func swapByRenames(ctx context.Context, dir, out string, rename func(from, to string) error) error {
	old, err := os.MkdirTemp(filepath.Dir(out), oldPrefix(out))
	if err != nil {
		return err
	}
	os.Remove(old) // only the unique name is needed
	if err := rename(out, old); err != nil {
		return msg.OutAside.With(out, err)
	}
	step(ctx, "moved-aside")
	if err := rename(dir, out); err != nil {
		if err2 := rename(old, out); err2 != nil {
			return msg.OutRollback.With(out, err, err2, old)
		}
		return msg.OutPlaceKept.With(out, err)
	}
	os.RemoveAll(old)
	return nil
}
