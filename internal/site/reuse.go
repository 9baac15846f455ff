package site

// Reuse: the dev server's builds (Live) take a page's result from the
// last build when nothing the page is made from changed.
//
// Every Live.Build is a whole build (see live.go), but rendering a page is
// a pure function of what it is made from: its Markdown (its file, the
// line its body starts on, the files of static/), the layout it is
// rendered with and the View that layout sees (the page, the menu, the
// breadcrumbs, the children, each feature's data), and what every page
// shares (the layouts, site.yaml, the assets, the build's day and
// options). A build hashes these (pageKey); when the last build rendered
// the page from the same hash, it takes what that build made of it: the
// bytes written, the page taken apart (pagescan: for the content rules
// and the site search) and its Markdown's headings, links and problems.
// Anything else is rendered as in any build. So a title edit renders the
// page, its section's list and its children (their breadcrumbs) again,
// and every page when the title is in the menu.
//
// What the hash cannot see makes a page be rendered every time: a page
// whose Markdown shows an image (the image's copies and notes are the
// build's), and a page a feature gives data the hash cannot read in full
// (a function, a channel, a lock, a content.Page or the whole build:
// feature.Site). A feature that wants its pages kept gives them plain
// data, as the site search gives its page the A–Ö list made once.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"math"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"github.com/hbtq-diplomering/webbplats/internal/content"
	"github.com/hbtq-diplomering/webbplats/internal/diag"
	"github.com/hbtq-diplomering/webbplats/internal/markdown"
	"github.com/hbtq-diplomering/webbplats/internal/pagescan"
	"github.com/hbtq-diplomering/webbplats/internal/render"
	"github.com/hbtq-diplomering/webbplats/internal/settings"
)

// reuse is what one Live build kept of its pages for the next.
type reuse struct {
	pages    map[string]*keptPage     // by published file
	markdown map[string]*keptMarkdown // by page source
}

func newReuse() *reuse {
	return &reuse{pages: map[string]*keptPage{}, markdown: map[string]*keptMarkdown{}}
}

// keptMarkdown is a page's Markdown rendered.
type keptMarkdown struct {
	key  [32]byte
	res  markdown.Result
	errs diag.List
	text bool // the body is not empty
	// What the key was made from: a page whose body is the same slice
	// (content.Cache gives an unchanged file's) needs no hash. Kept, the
	// slice cannot be freed and another body take its place.
	body      []byte
	bodyLine  int
	staticGen [32]byte
}

// keptPage is a page as a build wrote it.
type keptPage struct {
	key   [32]byte
	html  []byte         // the file written, minified
	scan  *pagescan.Page // html taken apart, with its Sections
	shown map[string]bool
	md    *keptMarkdown
}

// merged returns the entries of r with those of next over them: what to
// keep after a build that failed part way.
func (r *reuse) merged(next *reuse) *reuse {
	m := newReuse()
	for k, v := range r.pages {
		m.pages[k] = v
	}
	for k, v := range r.markdown {
		m.markdown[k] = v
	}
	for k, v := range next.pages {
		m.pages[k] = v
	}
	for k, v := range next.markdown {
		m.markdown[k] = v
	}
	return m
}

// reuseGen hashes what every page is made from: the options, the layouts
// (and words.yaml and the assets' sources under them), site.yaml, the
// published assets; and, for the Markdown, the files of static/.
func (b *builder) reuseGen() {
	var w keyWriter
	w.str("gen")
	w.str(b.opt.BaseURL)
	w.str(b.base)
	w.str(strconv.FormatBool(b.opt.Drafts))
	w.str(b.opt.Now.String())
	if k := b.layoutsKept; k != nil && k.tmpl != nil {
		w.buf = append(w.buf, k.key[:]...) // loadLayouts hashed the files under layouts/ this build
	} else {
		w.files(b.opt.Root, render.Dir)
	}
	data, _ := fs.ReadFile(b.opt.Root, settings.File)
	w.str(string(data))
	for _, k := range slices.Sorted(mapKeys(b.assets)) {
		w.str(k)
		w.str(b.assets[k])
	}
	b.gen = sha256.Sum256(w.buf)

	var s keyWriter
	s.str("static")
	fs.WalkDir(b.opt.Root, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			s.str(p)
		}
		return nil
	})
	b.staticGen = sha256.Sum256(s.buf)
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// markdownKey hashes what p's Markdown renders from, and returns what the
// last build made of it when that was made from the same.
func (b *builder) markdownKey(p *content.Page) ([32]byte, *keptMarkdown) {
	k := b.prev.markdown[p.Path]
	if k != nil && k.staticGen == b.staticGen && k.bodyLine == p.BodyLine && len(k.body) == len(p.Body) &&
		(len(p.Body) == 0 || &k.body[0] == &p.Body[0]) {
		return k.key, k
	}
	h := sha256.New()
	var w keyWriter
	w.buf = append(w.buf, b.staticGen[:]...)
	w.str(p.Path)
	w.str(strconv.Itoa(p.BodyLine))
	w.buf = binary.AppendUvarint(w.buf, uint64(len(p.Body)))
	h.Write(w.buf)
	h.Write(p.Body)
	var key [32]byte
	h.Sum(key[:0])
	if k != nil && k.key == key {
		return key, k
	}
	return key, nil
}

// pageKey hashes what the page renders from: its Markdown's key, its
// layout and the View, with what every page shares (gen). It reports
// false when some of the View cannot be hashed.
func (b *builder) pageKey(layout string, md [32]byte, v *View) ([32]byte, bool) {
	bufs := keyBuffers.Get().(*keyBufs)
	defer keyBuffers.Put(bufs)
	w := keyWriter{buf: bufs.buf[:0], scratch: bufs.scratch, cfg: b.cfg, words: b.words, memo: &b.keyMemo}
	defer func() { bufs.buf, bufs.scratch = w.buf, w.scratch }()
	w.buf = append(w.buf, b.gen[:]...)
	w.buf = append(w.buf, md[:]...)
	w.str(layout)
	w.value(reflect.ValueOf(v).Elem())
	if w.bad {
		return [32]byte{}, false
	}
	return sha256.Sum256(w.buf), true
}

// keyBuffers hold what pageKey hashes.
var keyBuffers = sync.Pool{New: func() any { return new(keyBufs) }}

type keyBufs struct{ buf, scratch []byte }

var (
	viewType    = reflect.TypeFor[View]()
	pageType    = reflect.TypeFor[Page]()
	timeType    = reflect.TypeFor[time.Time]()
	locType     = reflect.TypeFor[time.Location]()
	contentType = reflect.TypeFor[content.Page]()
	builderType = reflect.TypeFor[builder]()
)

// keyWriter writes values for a hash: everything a template could read
// of them, unexported fields too (a method may read those). What it
// cannot write whole sets bad.
type keyWriter struct {
	buf   []byte
	bad   bool
	cfg   *settings.Site  // written as a mark: gen holds site.yaml
	words *settings.Words // likewise
	path  []uintptr       // the pointers being written, against cycles
	// scratch holds a map's entries while mapValue orders them.
	scratch []byte
	// memo holds, by pointer, what was written for what it points to,
	// when that was large and referred to no pointer outside itself: the
	// pages of a build share data (the documents' list, a unit in many
	// lists), written once. A build's data does not change while its
	// pages render, and the memo lives as long as the build.
	memo *sync.Map // keyMemoKey -> keyMemoEntry
	// outer is the lowest index in path that what is being written
	// referred back to (len(path) when none).
	outer int
}

// keyMemoEntry is what keyWriter wrote for what a pointer points to (nil
// when it was met once); it holds the pointer, so that the address is not
// reused while it is kept.
type keyMemoEntry struct {
	to    unsafe.Pointer
	bytes []byte
}

// keyMemoKey is a pointer with its type: a struct and its first field
// are at one address.
type keyMemoKey struct {
	ptr uintptr
	t   reflect.Type
}

// keyMemoMin is the least a pointer's data must write to be kept in the
// memo: smaller data is written again faster than it is looked up.
const keyMemoMin = 256

func (w *keyWriter) str(s string) {
	w.buf = binary.AppendUvarint(w.buf, uint64(len(s)))
	w.buf = append(w.buf, s...)
}

// files writes the path and the bytes (or the error reading them) of
// every file under dir, in lexical order.
func (w *keyWriter) files(fsys fs.FS, dir string) {
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		w.str(p)
		if err != nil {
			w.str(err.Error())
		}
		w.bytes(data)
		return nil
	})
}

func (w *keyWriter) value(v reflect.Value) {
	if w.bad {
		return
	}
	switch v.Kind() {
	case reflect.Invalid:
		w.buf = append(w.buf, 'z')
	case reflect.Bool:
		w.buf = append(w.buf, 'b')
		if v.Bool() {
			w.buf = append(w.buf, 1)
		} else {
			w.buf = append(w.buf, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.buf = append(w.buf, 'i')
		w.buf = binary.AppendVarint(w.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.buf = append(w.buf, 'u')
		w.buf = binary.AppendUvarint(w.buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		w.buf = append(w.buf, 'f')
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		w.buf = append(w.buf, 'c')
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(real(c)))
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(imag(c)))
	case reflect.String:
		w.buf = append(w.buf, 's')
		w.str(v.String())
	case reflect.Pointer:
		w.pointer(v)
	case reflect.Interface:
		if v.IsNil() {
			w.buf = append(w.buf, 'n')
			return
		}
		e := v.Elem()
		w.buf = append(w.buf, 'I')
		w.str(e.Type().PkgPath() + "." + e.Type().String())
		w.value(e)
	case reflect.Slice:
		if v.IsNil() {
			w.buf = append(w.buf, 'n')
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			w.buf = append(w.buf, 'B')
			w.str(string(v.Bytes()))
			return
		}
		fallthrough
	case reflect.Array:
		w.buf = append(w.buf, 'l')
		w.buf = binary.AppendUvarint(w.buf, uint64(v.Len()))
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	case reflect.Map:
		w.mapValue(v)
	case reflect.Struct:
		w.structValue(v)
	default: // functions, channels, unsafe pointers: not data
		w.bad = true
	}
}

func (w *keyWriter) pointer(v reflect.Value) {
	if v.IsNil() {
		w.buf = append(w.buf, 'n')
		return
	}
	ptr := v.Pointer()
	switch {
	case w.cfg != nil && ptr == uintptr(unsafe.Pointer(w.cfg)):
		w.buf = append(w.buf, 'C')
		return
	case w.words != nil && ptr == uintptr(unsafe.Pointer(w.words)):
		w.buf = append(w.buf, 'W')
		return
	case v.Type().Elem() == locType:
		w.buf = append(w.buf, 'L')
		w.str(locOf(v).String())
		return
	}
	for i, p := range w.path {
		if p == ptr {
			// By distance, so that what a pointer's data writes does not
			// depend on where it is met.
			w.buf = append(w.buf, 'r')
			w.buf = binary.AppendUvarint(w.buf, uint64(len(w.path)-1-i))
			w.outer = min(w.outer, i)
			return
		}
	}
	w.buf = append(w.buf, 'p')
	key := keyMemoKey{ptr, v.Type()}
	seen := false // met once before: kept now
	if w.memo != nil {
		if e, ok := w.memo.Load(key); ok {
			if b := e.(keyMemoEntry).bytes; b != nil {
				w.buf = append(w.buf, b...)
				return
			}
			seen = true
		}
	}
	depth, outer := len(w.path), w.outer
	w.outer = math.MaxInt
	w.path = append(w.path, ptr)
	start := len(w.buf)
	w.value(v.Elem())
	w.path = w.path[:depth]
	if w.memo != nil && !w.bad && w.outer >= depth && len(w.buf)-start >= keyMemoMin {
		// Data met once (most of a page's own) is marked, not copied.
		e := keyMemoEntry{to: v.UnsafePointer()}
		if seen {
			e.bytes = bytes.Clone(w.buf[start:])
		}
		w.memo.Store(key, e)
	}
	w.outer = min(outer, w.outer)
}

// locOf returns the *time.Location in v, exported or not.
func locOf(v reflect.Value) *time.Location {
	return (*time.Location)(v.UnsafePointer())
}

func (w *keyWriter) mapValue(v reflect.Value) {
	if v.IsNil() {
		w.buf = append(w.buf, 'n')
		return
	}
	// Each entry written on after the others, then the entries in the
	// order of their bytes.
	type entry struct{ k, v [2]int }
	entries := make([]entry, 0, v.Len())
	start := len(w.buf)
	it := v.MapRange()
	for it.Next() {
		var e entry
		e.k[0] = len(w.buf)
		w.value(it.Key())
		e.k[1], e.v[0] = len(w.buf), len(w.buf)
		w.value(it.Value())
		e.v[1] = len(w.buf)
		entries = append(entries, e)
	}
	if w.bad {
		return
	}
	// The entries as written, in a buffer of the writer's own (the maps
	// inside them are done by now), then back in order.
	w.scratch = append(w.scratch[:0], w.buf[start:]...)
	written := w.scratch
	part := func(r [2]int) []byte { return written[r[0]-start : r[1]-start] }
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(part(a.k), part(b.k)) })
	w.buf = append(w.buf[:start], 'm')
	w.buf = binary.AppendUvarint(w.buf, uint64(len(entries)))
	for _, e := range entries {
		w.bytes(part(e.k))
		w.bytes(part(e.v))
	}
}

func (w *keyWriter) bytes(b []byte) {
	w.buf = binary.AppendUvarint(w.buf, uint64(len(b)))
	w.buf = append(w.buf, b...)
}

func (w *keyWriter) structValue(v reflect.Value) {
	t := v.Type()
	switch {
	case t == timeType:
		tm, ok := timeOf(v)
		if !ok {
			w.bad = true
			return
		}
		// The instant and the place: what every format of it shows.
		w.buf = append(w.buf, 't')
		w.buf = binary.AppendVarint(w.buf, tm.Unix())
		w.buf = binary.AppendVarint(w.buf, int64(tm.Nanosecond()))
		w.str(tm.Location().String())
		return
	case t == contentType, t == builderType, t.PkgPath() == "sync", t.PkgPath() == "sync/atomic":
		// A page is a graph of the whole site; the builder is the build;
		// a lock or a once changes while other pages render.
		w.bad = true
		return
	}
	w.buf = append(w.buf, '{')
	for _, i := range keyedFields(t) {
		w.value(v.Field(i))
	}
	w.buf = append(w.buf, '}')
}

// keyedFields returns the fields of the struct type t that keyWriter
// writes, by index: all but those that stand in the key otherwise.
func keyedFields(t reflect.Type) []int {
	if f, ok := fieldsByType.Load(t); ok {
		return f.([]int)
	}
	var idx []int
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case t == viewType && f.Name == "Site":
			continue // site.yaml: in gen
		case t == viewType && f.Name == "shown":
			continue // written while the layout runs
		case t == viewType && f.Name == "parts":
			continue // the build's cache of parts, the layouts' output for the rest of the view
		case t == pageType && f.Name == "Content":
			continue // the Markdown's key stands for it
		}
		idx = append(idx, i)
	}
	fieldsByType.Store(t, idx)
	return idx
}

// fieldsByType holds keyedFields of each type seen.
var fieldsByType sync.Map

// timeOf returns the time.Time in v, exported or not.
func timeOf(v reflect.Value) (time.Time, bool) {
	if v.CanInterface() {
		return v.Interface().(time.Time), true
	}
	if v.CanAddr() {
		return *(*time.Time)(unsafe.Pointer(v.UnsafeAddr())), true
	}
	return time.Time{}, false
}

// assetTable is what the layouts' function asset reads: the published
// address of each asset, set by each build once it has written them, so
// that layouts parsed by an earlier build read this build's.
type assetTable struct{ m map[string]string }

func (t *assetTable) asset(name string) (string, error) {
	u, ok := t.m[name]
	if !ok {
		return "", LayoutNoAsset.With(name)
	}
	return u, nil
}

// keptLayouts is what a Live keeps of the layouts between builds: the
// parsed layouts with the hash of the files under layouts/ they were
// parsed from, and each asset minified with its source.
type keptLayouts struct {
	key      [32]byte
	tmpl     *render.Templates
	table    *assetTable
	minified map[string]minifiedAsset // by path
	// The hash of the files under layouts/ the last build read, with each
	// file's stamp then (nil when one could not be trusted): see filesKey.
	filesKey [32]byte
	stamps   map[string]content.Stamp
}

// filesKey returns the hash of the files under layouts/ in fsys
// (keyWriter.files). It does not read them when no file came or went and
// each has the stamp it had when the last build read it (content.StampOf,
// as content.Cache trusts a page's).
func (k *keptLayouts) filesKeyOf(fsys fs.FS) [32]byte {
	readAt := time.Now()
	var paths []string
	same := k.stamps != nil
	fs.WalkDir(fsys, render.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		paths = append(paths, p)
		if same {
			st, ok := content.StampOf(fsys, p, readAt)
			same = ok && k.stamps[p] == st
		}
		return nil
	})
	if same && len(paths) == len(k.stamps) {
		return k.filesKey
	}
	// The stamps before the bytes: a write after them changes them.
	stamps := make(map[string]content.Stamp, len(paths))
	trusted := true
	for _, p := range paths {
		st, ok := content.StampOf(fsys, p, readAt)
		trusted = trusted && ok
		stamps[p] = st
	}
	var w keyWriter
	w.files(fsys, render.Dir)
	k.filesKey, k.stamps = sha256.Sum256(w.buf), nil
	if trusted {
		k.stamps = stamps
	}
	return k.filesKey
}

type minifiedAsset struct{ src, out []byte }

// loadLayouts parses the layouts, or, in the dev server, takes the last
// build's when no file under layouts/ changed.
func (b *builder) loadLayouts() (*render.Templates, error) {
	k := b.layoutsKept
	if k == nil {
		b.assetTable = &assetTable{}
		if b.opt.asEscaped {
			return render.LoadAsEscaped(b.opt.Root, render.Funcs(b.assetTable.asset))
		}
		return render.Load(b.opt.Root, render.Funcs(b.assetTable.asset))
	}
	key := k.filesKeyOf(b.opt.Root)
	if k.tmpl != nil && k.key == key {
		b.assetTable = k.table
		return k.tmpl, nil
	}
	b.assetTable = &assetTable{}
	tmpl, err := render.Load(b.opt.Root, render.Funcs(b.assetTable.asset))
	k.tmpl = nil
	if err == nil {
		k.key, k.tmpl, k.table = key, tmpl, b.assetTable
	}
	return tmpl, err
}

// minifyAsset returns the asset file f (data) minified as mt; the dev
// server's builds take the last one's when data is the same.
func (b *builder) minifyAsset(f, mt string, data []byte) ([]byte, error) {
	if out, ok := themeMinified(mt, data); ok {
		return out, nil
	}
	k := b.layoutsKept
	if k != nil {
		if m, ok := k.minified[f]; ok && bytes.Equal(m.src, data) {
			return m.out, nil
		}
	}
	// The source as read: the JavaScript minifier renames in the bytes it
	// is given, which then never equal the next build's.
	src := data
	if k != nil {
		src = bytes.Clone(data)
	}
	out, err := b.out.min.Bytes(mt, data)
	if err == nil && k != nil {
		if k.minified == nil {
			k.minified = map[string]minifiedAsset{}
		}
		k.minified[f] = minifiedAsset{src, out}
	}
	return out, err
}
