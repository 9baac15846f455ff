// Package publish puts a finished build in place of the output folder,
// and refuses output folders that are not the builder's to replace.
//
// # What the output may be
//
// A build may replace only a folder it wrote itself, or one that is empty
// or missing. Every folder the builder writes holds a small marker file,
// [Marker], that lists every file the build wrote there (a manifest). A
// folder is the builder's only when its marker holds a manifest and the
// folder holds nothing else: no file the manifest does not list, no
// symbolic link, nothing but files and folders. A folder with files and no
// marker, with a marker that is not a manifest (any file named
// .hbtq-build), or with a file put there since (a photo copied into
// public/) is somebody else's, or holds somebody's file, and is refused
// with the names of what it holds that the build did not write; nothing in
// it is removed. When the site root on disk is known, an output that is the
// root, holds the root, or lies inside content/, layouts/ or static/ is
// refused too, even when empty: the build would write into its own sources.
// An output that is a symbolic link or a file is refused. Every refusal is
// an [Error] that says what is wrong and what to do (package msg).
//
// # The swap
//
// [Begin] checks the output, removes what an interrupted build left beside
// it, and makes a fresh folder beside it (.public.tmp-…) with the marker
// in it. The build writes there. [BeginChecking] does the same but leaves
// the walk of the output for files the build did not write running while
// the build reads its site; [Folder.Checked] gives its verdict, which
// Commit asks first. [Folder.Commit] swaps it in:
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
// # One build at a time
//
// [Begin] takes a lock on .public.lock beside the output (flock, so it is
// let go when the process ends, however it ends) and holds it until
// Commit or Abort. A second build into the same output while the first
// runs is refused at once with a message that says another build is
// running; it touches nothing of the first.
package publish

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hbtq-diplomering/webbplats/internal/msg"
)

// Marker is the name of the file in every output folder the builder wrote.
// Netlify does not publish files whose name starts with a dot.
const Marker = ".hbtq-build"

// markerText is what the marker says to a person who finds it.
const markerText = "Den här mappen skrevs av webbplatsbyggaren (go run ./cmd/build).\n" +
	"Nästa bygge ersätter allt i den. Lägg inga egna filer här.\n"

// manifestHead starts the manifest in the marker: after it, one line for
// each file the build wrote, its slash-separated path from the output.
const manifestHead = "# filer som bygget skrev:\n"

// maxMarker is the largest marker read: a manifest of 100 000 files.
const maxMarker = 32 << 20

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
	walk, err := check(out, root)
	if err != nil || walk == nil {
		return err
	}
	return walk()
}

// check is Check but for its last step, the walk of out for files the
// build did not write, which it returns (nil when out holds nothing).
func check(out, root string) (walk func() error, _ error) {
	refuse := func(m, hint msg.Message) error { return &Error{Out: out, Msg: m, Hint: hint} }
	none := msg.Message{}
	absOut, err := resolve(out)
	if err != nil {
		return nil, refuse(OutUnreadable.With(err), none)
	}
	if root != "" {
		absRoot, err := resolve(root)
		if err != nil {
			return nil, refuse(OutRootUnreadable.With(root, err), none)
		}
		switch {
		case absOut == absRoot:
			return nil, refuse(OutIsRoot.With(), HintOutOwn.With())
		case within(absRoot, absOut):
			return nil, refuse(OutHoldsRoot.With(), HintOutOwn.With())
		}
		for _, s := range sources {
			if within(absOut, filepath.Join(absRoot, s)) {
				return nil, refuse(OutInSources.With(s), HintOutSources.With())
			}
		}
	}
	fi, err := os.Lstat(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, refuse(OutUnreadable.With(err), none)
	case fi.Mode()&os.ModeSymlink != 0:
		return nil, refuse(OutSymlink.With(), HintOutSymlink.With())
	case !fi.IsDir():
		return nil, refuse(OutFile.With(), HintOutOwn.With())
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil, refuse(OutUnreadable.With(err), none)
	}
	if len(entries) == 0 {
		return nil, nil
	}
	manifest, ok := readManifest(out)
	if !ok {
		if _, err := os.Lstat(filepath.Join(out, Marker)); err == nil {
			return nil, refuse(OutMarkerNoList.With(Marker), HintOutForeign.With())
		}
		return nil, refuse(OutForeign.With(Marker), HintOutForeign.With())
	}
	return func() error {
		if extra := notWritten(out, manifest); len(extra) > 0 {
			n := len(extra)
			if n > 3 {
				extra = extra[:3]
			}
			return refuse(OutForeignFiles.With(n, strings.Join(extra, ", ")), HintOutForeignFiles.With())
		}
		return nil
	}, nil
}

// ours reports whether dir is a folder the build wrote and holds nothing
// else.
func ours(dir string) bool {
	m, ok := readManifest(dir)
	return ok && len(notWritten(dir, m)) == 0
}

// readManifest returns the files the marker in dir lists, and whether it
// is a marker the build wrote (a regular file, not a link, with the
// manifest's head).
func readManifest(dir string) (map[string]bool, bool) {
	name := filepath.Join(dir, Marker)
	fi, err := os.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxMarker {
		return nil, false
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	_, list, found := bytes.Cut(data, []byte("\n"+manifestHead))
	if !found {
		return nil, false
	}
	m := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(list))
	sc.Buffer(nil, 1<<16)
	for sc.Scan() {
		if l := sc.Text(); l != "" {
			m[l] = true
		}
	}
	return m, sc.Err() == nil
}

// notWritten returns, sorted, what dir holds that the manifest does not
// list: files, symbolic links and anything else that is not a folder.
func notWritten(dir string, manifest map[string]bool) []string {
	var extra []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			extra = append(extra, p)
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case p == dir || rel == Marker:
		case d.IsDir():
		case !d.Type().IsRegular() || !manifest[rel]:
			extra = append(extra, rel)
		}
		return nil
	})
	slices.Sort(extra)
	return extra
}

// WriteMarker writes the marker of dir as if the build had written every
// file in it. Tests use it to make a published site by hand.
func WriteMarker(dir string) error { return writeManifest(dir) }

// writeManifest writes the marker of dir: its text for a person and the
// list of every file in dir.
func writeManifest(dir string) error {
	var b strings.Builder
	b.WriteString(markerText + "\n" + manifestHead)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.Type().IsRegular() && rel != Marker {
			b.WriteString(rel + "\n")
		}
		return nil
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, Marker), []byte(b.String()), 0o644)
}

// writeList writes the marker of dir listing files, in the order in which
// writeManifest's walk finds them: by name within each folder, a folder's
// files where its name falls.
func writeList(dir string, files []string) error {
	files = slices.Clone(files)
	slices.SortFunc(files, walkOrder)
	var b strings.Builder
	b.WriteString(markerText + "\n" + manifestHead)
	for _, f := range files {
		if f != Marker {
			b.WriteString(f + "\n")
		}
	}
	return os.WriteFile(filepath.Join(dir, Marker), []byte(b.String()), 0o644)
}

// walkOrder compares two paths as filepath.WalkDir orders them: name by
// name, so "a/x" (in folder a) comes before "a-b/x" and "a.html".
func walkOrder(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		switch {
		case x == y:
			continue
		case x == '/':
			return -1
		case y == '/':
			return 1
		case x < y:
			return -1
		default:
			return 1
		}
	}
	return len(a) - len(b)
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
	out    string
	dir    string
	unlock func()
	wrote  []string // what the build says it wrote (Wrote), or nil
	// walked gives the result of the last check of out (see
	// BeginChecking) once; checked keeps it.
	walked  chan error
	checked error
}

// Wrote tells f every file the build wrote in it, as paths relative to
// its folder with slashes ("om/index.html"), in any order: Commit lists
// them in the marker instead of walking the folder (tens of thousands of
// files, at the end of a large build, on one core).
func (f *Folder) Wrote(files []string) { f.wrote = files }

// Begin checks out (see [Check]), removes what interrupted builds left
// beside it, and makes the folder the build writes into.
func Begin(out, root string) (*Folder, error) {
	f, err := BeginChecking(out, root)
	if err != nil {
		return nil, err
	}
	if err := f.Checked(); err != nil {
		f.Abort()
		return nil, err
	}
	return f, nil
}

// BeginChecking is Begin with the last check of out, the walk of every
// file in it for one the build did not write (a tenth of a second per 10
// 000 files), left running on a goroutine of its own: the build reads the
// site meanwhile, and asks Checked before it writes. Every other check
// is done when it returns; when one of them, or making the folder, fails
// and the walk finds a file too, the walk's error is returned, as Begin
// would.
func BeginChecking(out, root string) (*Folder, error) {
	out = filepath.Clean(out)
	walk, err := check(out, root)
	if err != nil {
		return nil, err
	}
	walked := make(chan error, 1)
	if walk == nil {
		walked <- nil
	} else {
		go func() { walked <- walk() }()
	}
	fail := func(err error) (*Folder, error) {
		if werr := <-walked; werr != nil {
			return nil, werr
		}
		return nil, err
	}
	parent := filepath.Dir(out)
	notWritable := func(err error) error {
		return &Error{Out: out, Msg: OutNotWritable.With(parent, unwrapPath(err)), Hint: HintOutNotWritable.With()}
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fail(notWritable(err))
	}
	unlock, err := lock(filepath.Join(parent, "."+filepath.Base(out)+".lock"))
	if errors.Is(err, errLocked) {
		return fail(&Error{Out: out, Msg: OutBusy.With(), Hint: HintOutBusy.With()})
	}
	if err != nil {
		return fail(notWritable(err))
	}
	removeLeftovers(out)
	dir, err := os.MkdirTemp(parent, tmpPrefix(out))
	if err != nil {
		unlock()
		return fail(notWritable(err))
	}
	f := &Folder{out: out, dir: filepath.Clean(dir), unlock: unlock}
	if err := os.WriteFile(filepath.Join(f.dir, Marker), []byte(markerText), 0o644); err != nil {
		f.Abort()
		return fail(notWritable(err))
	}
	// MkdirTemp makes the folder 0700; a published site is readable.
	if err := os.Chmod(f.dir, 0o755); err != nil {
		f.Abort()
		return fail(err)
	}
	f.walked = walked
	return f, nil
}

// Checked waits for the last check of the output that BeginChecking left
// running and returns its error (the same on every call): the output may
// be replaced only when it is nil. Commit asks it first.
func (f *Folder) Checked() error {
	if f.walked != nil {
		f.checked = <-f.walked
		f.walked = nil
	}
	return f.checked
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
			removeAll(p)
		case n == filepath.Base(out)+".old" && ours(p):
			removeAll(p)
		}
	}
}

// Dir returns the folder to write the build into.
func (f *Folder) Dir() string { return f.dir }

// Abort removes the unfinished folder and lets go of the lock. It does
// nothing after Commit.
func (f *Folder) Abort() {
	f.Checked() // no walk of the output left running
	if f.dir != "" {
		removeAll(f.dir)
		f.dir = ""
	}
	f.release()
}

func (f *Folder) release() {
	if f.unlock != nil {
		f.unlock()
		f.unlock = nil
	}
}

// unwrapPath returns the system's own words of err, without the path a
// *PathError repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
	defer f.release()
	if err := f.Checked(); err != nil {
		f.Abort()
		return err
	}
	write := func() error { return writeManifest(f.dir) }
	if f.wrote != nil {
		write = func() error { return writeList(f.dir, f.wrote) }
	}
	if err := write(); err != nil {
		f.Abort()
		return OutPlace.With(f.out, err)
	}
	step(ctx, "written")
	if err := ctx.Err(); err != nil {
		f.Abort()
		return err
	}
	if _, err := os.Lstat(f.out); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(f.dir, f.out); err != nil {
			f.Abort()
			return OutPlace.With(f.out, err)
		}
		f.dir = ""
		return nil
	}
	if err := exchange(f.dir, f.out); err == nil {
		// f.dir now holds the old output.
		step(ctx, "exchanged")
		removeAll(f.dir)
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
		return OutAside.With(out, err)
	}
	step(ctx, "moved-aside")
	if err := rename(dir, out); err != nil {
		if err2 := rename(old, out); err2 != nil {
			return OutRollback.With(out, err, err2, old)
		}
		return OutPlaceKept.With(out, err)
	}
	removeAll(old)
	return nil
}
