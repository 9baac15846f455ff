package site

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/unicode/norm"

	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/msg"

	"github.com/tdewolff/minify/v2"
	mcss "github.com/tdewolff/minify/v2/css"
	mjs "github.com/tdewolff/minify/v2/js"
	mjson "github.com/tdewolff/minify/v2/json"
	msvg "github.com/tdewolff/minify/v2/svg"
	mxml "github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"
)

// newMinifier returns the minifier for every kind of text the site writes.
// HTML keeps its document and end tags and quotes: the output stays easy to
// read in a browser's view-source and valid for the HTML checker.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", htmlMinifier)
	m.AddFunc("text/css", mcss.Minify)
	m.AddFunc("text/javascript", mjs.Minify)
	m.AddFunc("image/svg+xml", msvg.Minify)
	m.AddFunc("application/json", mjson.Minify)
	m.AddFunc("application/xml", mxml.Minify)
	return m
}

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml",
}

// output writes the files of one build into a fresh folder, or into
// memory when mem is not nil (for the dev server).
type output struct {
	dir   string
	mem   map[string][]byte
	min   *minify.M
	mu    sync.Mutex
	files map[string]string // published path → source that wrote it
	nfc   map[string]string // the paths not in NFC, by their NFC, for names that differ only in how letters are written
	dirMu sync.Mutex
	dirs  map[string]bool // folders created so far
	count atomic.Int64
	bytes atomic.Int64
}

// write stores data at the slash-separated path p, minified by its type.
// src names who wrote it, for the error when two writers claim one path.
func (o *output) write(p, src string, data []byte) error {
	data, err := o.minified(p, data)
	if err != nil {
		return err
	}
	return o.copyBytes(p, src, data)
}

// minifyTo writes data to w, minified by the type of the path p.
func (o *output) minifyTo(w *bytes.Buffer, p string, data []byte) error {
	if mt, ok := mediaTypes[path.Ext(p)]; ok && o.min != nil {
		if mt == "text/html" {
			return o.minifyPage(w, p, data)
		}
		if err := o.min.Minify(mt, w, buffer.NewReader(data)); err != nil {
			return NotMinifiedAt.With(p, err)
		}
		return nil
	}
	w.Write(data)
	return nil
}

// minified returns data minified by the type of the path p.
func (o *output) minified(p string, data []byte) ([]byte, error) {
	if mt, ok := mediaTypes[path.Ext(p)]; ok && o.min != nil {
		out, err := o.min.Bytes(mt, data)
		if err != nil {
			return nil, NotMinifiedAt.With(p, err)
		}
		data = out
	}
	return data, nil
}

// copyFile stores a file from fsys unchanged.
func (o *output) copyFile(fsys fs.FS, src, p string) error {
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		return diag.New(src, 0, 0, msg.FileUnreadable.With(err))
	}
	return o.copyBytes(p, src, data)
}

// MaxNameBytes is the longest name of a file or folder the build writes:
// what ext4, APFS, NTFS and the others all take.
const MaxNameBytes = 255

// copyBytes stores data at p without minifying it again.
func (o *output) copyBytes(p, src string, data []byte) error {
	if len(p) > MaxNameBytes { // else no part of it is too long
		for part := range strings.SplitSeq(p, "/") {
			if len(part) > MaxNameBytes {
				m := OutNameLong.With(p, diag.Clip(part, 40), len(part), MaxNameBytes)
				if strings.Contains(src, "/") {
					return diag.New(src, 0, 0, m).Tip(HintOutNameLong.With())
				}
				return m
			}
		}
	}
	// Names are compared in NFC: å written as one character or as a and
	// a ring are one name to macOS and to a reader. A path in NFC already
	// (every one the build makes) is its own key in files; o.nfc holds
	// only the others, by their NFC, so that a path is one map entry.
	key := norm.NFC.String(p)
	o.mu.Lock()
	if prev, ok := o.files[p]; ok {
		o.mu.Unlock()
		return collision(p, prev, src)
	}
	if key != p {
		if prev, ok := o.files[key]; ok { // written in NFC before
			o.mu.Unlock()
			return collision(p, prev, src)
		}
	}
	if prev, ok := o.nfc[key]; ok { // written otherwise before, the same in NFC
		o.mu.Unlock()
		return collision(p, prev, src)
	}
	if key != p {
		if o.nfc == nil {
			o.nfc = map[string]string{}
		}
		o.nfc[key] = src
	}
	o.files[p] = src
	if o.mem != nil {
		o.mem[p] = data
		o.mu.Unlock()
		o.count.Add(1)
		o.bytes.Add(int64(len(data)))
		return nil
	}
	o.mu.Unlock()
	full := filepath.Join(o.dir, filepath.FromSlash(p))
	if err := o.mkdir(filepath.Dir(full)); err != nil {
		return OutWrite.With(p, err)
	}
	if err := writeFile(full, data); err != nil {
		return OutWrite.With(p, err)
	}
	o.count.Add(1)
	o.bytes.Add(int64(len(data)))
	return nil
}

// mkdir makes dir and the folders above it that are not made yet. A folder
// whose parent this output made is one system call. The folders made are
// kept in a plain map, not a sync.Map, whose boxed keys and entries were
// 72 000 of the 910 000 objects live after the render of 10 000 pages,
// for the collector to mark in every cycle.
func (o *output) mkdir(dir string) error {
	if dir == o.dir || filepath.Dir(dir) == dir {
		return nil
	}
	o.dirMu.Lock()
	made := o.dirs[dir]
	o.dirMu.Unlock()
	if made {
		return nil
	}
	if err := o.mkdir(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		return err
	}
	o.dirMu.Lock()
	if o.dirs == nil {
		o.dirs = map[string]bool{}
	}
	o.dirs[dir] = true
	o.dirMu.Unlock()
	return nil
}

// collision is the error for two writers of the published path p, at the
// file a communicator can change: a file in static/ first, else the one
// that wrote second, else the first (sources like "pages" are the build's
// own files, not files of the site).
func collision(p, prev, src string) error {
	return &collisionError{prev: prev, err: placeCollision(p, prev, src)}
}

// collisionError is a published path claimed twice; prev is who wrote it
// first.
type collisionError struct {
	prev string
	err  error
}

func (e *collisionError) Error() string { return e.err.Error() }
func (e *collisionError) Unwrap() error { return e.err }

func placeCollision(p, prev, src string) error {
	isFile := func(s string) bool { return strings.Contains(s, "/") }
	at, other := src, prev
	switch {
	case strings.HasPrefix(prev, "static/") && !strings.HasPrefix(src, "static/"):
		at, other = prev, src
	case !isFile(src) && isFile(prev):
		at, other = prev, src
	}
	if !isFile(at) {
		return SiteCollisionBoth.With(p, prev, src)
	}
	if here, there, ok := diag.Difference(at, other); ok {
		return diag.New(at, 0, 0, SiteCollisionNFC.With(p, other, here, there)).Tip(HintCollisionNFC.With())
	}
	var by any = other
	if !isFile(other) {
		by = SiteCollisionBuild.With()
	}
	hint := HintCollision.With()
	if strings.HasPrefix(at, "static/") {
		hint = HintCollisionStatic.With()
	}
	return diag.New(at, 0, 0, SiteCollision.With(p, by)).Tip(hint)
}

// read returns the file written at p (slash-separated).
func (o *output) read(p string) ([]byte, error) {
	if o.mem != nil {
		o.mu.Lock()
		defer o.mu.Unlock()
		if data, ok := o.mem[p]; ok {
			return data, nil
		}
		return nil, &fs.PathError{Op: "read", Path: p, Err: fs.ErrNotExist}
	}
	return os.ReadFile(filepath.Join(o.dir, filepath.FromSlash(p)))
}
