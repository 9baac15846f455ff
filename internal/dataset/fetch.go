package dataset

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Source is one site's open data: an address (https://…/data/verksamheter.json)
// or a file, for tests and CI.
type Source struct {
	Name string // as notes name it: "Region Mittland"
	URL  string // fetched over HTTP(S)
	Path string // or read from disk: absolute, or relative to the site root
}

// Fetched is a source as the build uses it.
type Fetched struct {
	File    File
	Skipped []Skipped // units left out, each at its JSON pointer
	// Stale is set when the source was down or invalid now and its last
	// good copy is used; Problem says what went wrong, Age how old the copy is.
	Stale   bool
	Problem string
	Age     time.Duration
	Fetched time.Time // when the copy was fetched
}

// Fetcher reads sources, keeping the last good copy of each one fetched
// over HTTP in Cache, with its ETag and Last-Modified for the next
// conditional request.
type Fetcher struct {
	Client *http.Client     // with a timeout; http.Client{Timeout: 10 s} when nil
	Root   string           // the site root on disk, for relative paths and the cache; "" for none
	Cache  string           // the cache folder (.cache/oppna-data under Root); "" keeps no copies
	Now    func() time.Time // time.Now when nil
}

// meta is what the cache keeps beside a copy.
type meta struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Fetched      time.Time `json:"fetched"`
}

// ErrNoCopy is returned when a source cannot be used now and there is no
// good copy of it.
var ErrNoCopy = errors.New("no good copy")

// Fetch reads src. A file is read and checked; it has no copy. An address
// is fetched (conditionally, when a copy exists); when it is down, slow,
// answers with an error or sends a file that is not usable, the last good
// copy is used (Stale), or an error is returned when there is none.
func (f *Fetcher) Fetch(ctx context.Context, src Source) (Fetched, error) {
	if src.URL == "" {
		p := src.Path
		if !filepath.IsAbs(p) {
			if f.Root == "" {
				return Fetched{}, fmt.Errorf("%s: a relative path needs a site root on disk", p)
			}
			p = filepath.Join(f.Root, p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return Fetched{}, err
		}
		file, skipped, err := Read(data)
		return Fetched{File: file, Skipped: skipped}, err
	}
	now := time.Now
	if f.Now != nil {
		now = f.Now
	}
	key := hex.EncodeToString(func() []byte { s := sha256.Sum256([]byte(src.URL)); return s[:12] }())
	old, oldData := f.copyOf(key, src.URL)
	data, m, problem := f.get(ctx, src.URL, old)
	if problem == "" && data == nil && oldData != nil { // 304: the copy is current
		data = oldData
	}
	if problem == "" {
		file, skipped, err := Read(data)
		if err == nil {
			m.URL, m.Fetched = src.URL, now()
			f.keep(key, data, m)
			return Fetched{File: file, Skipped: skipped}, nil
		}
		problem = err.Error()
	}
	if oldData == nil {
		return Fetched{Problem: problem}, fmt.Errorf("%s: %w", problem, ErrNoCopy)
	}
	file, skipped, err := Read(oldData)
	if err != nil {
		return Fetched{Problem: problem}, fmt.Errorf("%s: %w", problem, ErrNoCopy)
	}
	return Fetched{File: file, Skipped: skipped, Stale: true, Problem: problem, Age: now().Sub(old.Fetched), Fetched: old.Fetched}, nil
}

// get fetches url, conditionally on the copy's ETag and Last-Modified. It
// returns the body (nil for 304 Not Modified) and the new validators, or a
// problem in words.
func (f *Fetcher) get(ctx context.Context, url string, old meta) ([]byte, meta, string) {
	c := f.Client
	if c == nil {
		c = &http.Client{Timeout: 10 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, meta{}, err.Error()
	}
	if old.URL == url {
		if old.ETag != "" {
			req.Header.Set("If-None-Match", old.ETag)
		}
		if old.LastModified != "" {
			req.Header.Set("If-Modified-Since", old.LastModified)
		}
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return nil, meta{}, err.Error()
	}
	defer resp.Body.Close()
	m := meta{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		if m.ETag == "" {
			m.ETag = old.ETag
		}
		if m.LastModified == "" {
			m.LastModified = old.LastModified
		}
		return nil, m, ""
	case resp.StatusCode != http.StatusOK:
		return nil, meta{}, resp.Status
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, meta{}, err.Error()
	}
	return data, m, ""
}

// copyOf returns the cache's copy of key, or zero values.
func (f *Fetcher) copyOf(key, url string) (meta, []byte) {
	if f.ready() != nil {
		return meta{}, nil
	}
	var m meta
	mb, err1 := readNoFollow(filepath.Join(f.Cache, key+".meta.json"))
	data, err2 := readNoFollow(filepath.Join(f.Cache, key+".json"))
	if err1 != nil || err2 != nil || json.Unmarshal(mb, &m) != nil || m.URL != url {
		return meta{}, nil
	}
	return m, data
}

// keep stores a good copy and its validators, each through a new file
// renamed into place.
func (f *Fetcher) keep(key string, data []byte, m meta) {
	if f.ready() != nil {
		return
	}
	mb, _ := json.Marshal(m)
	writeNew(filepath.Join(f.Cache, key+".json"), data)
	writeNew(filepath.Join(f.Cache, key+".meta.json"), mb)
}

// ready makes the cache folder and checks that neither it nor any folder
// between the root and it is a link or another user's: a copy is never
// read or written through a link.
func (f *Fetcher) ready() error {
	if f.Cache == "" {
		return fs.ErrNotExist
	}
	top := f.Root
	rel, err := filepath.Rel(top, f.Cache)
	if top == "" || err != nil || strings.HasPrefix(rel, "..") {
		return fmt.Errorf("the cache %s is not inside the site root", f.Cache)
	}
	d := top
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		d = filepath.Join(d, part)
		fi, err := os.Lstat(d)
		if errors.Is(err, fs.ErrNotExist) {
			if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
			fi, err = os.Lstat(d)
		}
		if err != nil {
			return err
		}
		if fi.Mode()&os.ModeSymlink != 0 || !fi.IsDir() {
			return fmt.Errorf("%s is a link or not a folder", d)
		}
	}
	return nil
}

func readNoFollow(name string) ([]byte, error) {
	fd, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, err
	}
	defer fd.Close()
	return io.ReadAll(fd)
}

func writeNew(name string, data []byte) {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".new-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil && cerr == nil {
		if os.Rename(tmp.Name(), name) == nil {
			return
		}
	}
	os.Remove(tmp.Name())
}
