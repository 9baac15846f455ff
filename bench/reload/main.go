// Command reload measures the dev server's edit-to-reload latency: the time
// from writing a changed page to the Server-Sent "reload" event reaching a
// listening client, as a browser would see it, and the CPU time the
// process spent per edit (steadier than the wall on a loaded machine). It
// also reports the time of a full rebuild of the same site in memory.
//
//	go run ./bench/reload -root .                      # the sample site
//	go run ./bench/reload -pages 10000 -units 5000     # a generated site
//	go run ./bench/reload -root . -photo 4000x3000     # a new photo used on a page
//	go run ./bench/reload -pages 1000 -units 0 -title  # title edits: menus, lists, breadcrumbs change
//	go run ./bench/reload -pages 1000 -units 0 -title -cpuprofile /tmp/cpu.out  # where the time goes
//	go run ./bench/reload -root . -edits 300 -memprofile /tmp/mem.out  # what the builds allocate (-sample_index=alloc_space)
//
// With -photo it measures, for a new photo of that size beside a page, the
// time from saving the page that shows it to the first reload: with the
// smaller copies made in the background (the dev server) and made first
// (as it did before), alternately in one run, and the time until the
// copies follow.
//
// The site is copied (or generated) into a temporary folder first, so the
// repository is never edited.
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/serve"
	"github.com/hbtq-diplomering/webbplats/internal/site"
	"github.com/hbtq-diplomering/webbplats/internal/swedish"
)

func main() {
	root := flag.String("root", "", "a site root to copy and measure")
	pages := flag.Int("pages", 0, "generate a site with this many pages instead (with bench/gen)")
	units := flag.Int("units", 0, "units of the generated site")
	edits := flag.Int("edits", 25, "edits to measure")
	photo := flag.String("photo", "", "measure a new photo of this size (like 4000x3000) shown on a page instead")
	title := flag.Bool("title", false, "edit pages' titles (menus, lists and breadcrumbs show them) instead of their text")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the edits (not of the site's generation) to this file")
	memprofile := flag.String("memprofile", "", "write a profile of what the edits allocated (not the site's generation) to this file")
	flag.Parse()
	editTitle = *title
	profileTo = *cpuprofile
	memProfileTo = *memprofile
	var err error
	if *photo != "" {
		err = runPhoto(*root, *photo, *edits)
	} else {
		err = run(*root, *pages, *units, *edits)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "reload:", err)
		os.Exit(1)
	}
}

// editTitle makes run edit titles, not text.
var editTitle bool

// profileTo is where run writes a CPU profile of the edits, when set.
var profileTo string

// memProfileTo is where run writes an allocation profile of the edits,
// when set.
var memProfileTo string

func run(root string, pages, units, edits int) error {
	work, err := os.MkdirTemp("", "hbtq-reload-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	dir := filepath.Join(work, "site")
	label := root
	if pages > 0 {
		label = fmt.Sprintf("generated: %d pages, %d units", pages, units)
		cmd := exec.Command("go", "run", "./bench/gen", "-pages", fmt.Sprint(pages), "-units", fmt.Sprint(units), "-out", dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("gen: %v\n%s", err, out)
		}
	} else {
		if root == "" {
			return fmt.Errorf("give -root or -pages")
		}
		if err := os.CopyFS(dir, os.DirFS(root)); err != nil {
			return err
		}
		os.RemoveAll(filepath.Join(dir, "public"))
	}
	opt := site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: swedish.DayOf(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))}

	// The full rebuild, for comparison.
	var full []time.Duration
	for range 3 {
		l := site.NewLive(opt)
		start := time.Now()
		if _, err := l.Build(context.Background()); err != nil {
			return err
		}
		full = append(full, time.Since(start))
	}

	s, err := serve.Start(serve.Options{Dir: dir, Addr: "127.0.0.1:0", Site: opt})
	if err != nil {
		return err
	}
	defer s.Close()
	resp, err := http.Get(s.URL() + "_dev/events")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	events := make(chan time.Time, 4)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() == "event: reload" {
				events <- time.Now()
			}
		}
	}()
	var files []string
	fs.WalkDir(os.DirFS(dir), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		return fmt.Errorf("no pages to edit")
	}
	sort.Strings(files)
	if profileTo != "" {
		f, err := os.Create(profileTo)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if memProfileTo != "" {
		runtime.MemProfileRate = 64 * 1024
		runtime.GC()
		// The profile counts from the start of the process: the site's
		// first builds are in it too, at the default rate.
	}
	var lat []time.Duration
	cpu0 := cpuTime()
	for i := range edits {
		p := filepath.Join(dir, files[(i*7919)%len(files)])
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if editTitle {
			data = bytes.Replace(data, []byte("\ntitle: "), []byte(fmt.Sprintf("\ntitle: Ändrad %d ", i)), 1)
		} else {
			data = append(data, []byte(fmt.Sprintf("\nÄndring nummer %d.\n", i))...)
		}
		start := time.Now()
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		select {
		case at := <-events:
			lat = append(lat, at.Sub(start))
		case <-time.After(30 * time.Second):
			return fmt.Errorf("no reload event within 30 s after editing %s", p)
		}
		time.Sleep(30 * time.Millisecond)
	}
	cpu := (cpuTime() - cpu0) / time.Duration(edits)
	if memProfileTo != "" {
		f, err := os.Create(memProfileTo)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return err
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	sort.Slice(full, func(i, j int) bool { return full[i] < full[j] })
	fmt.Printf("site: %s\n", label)
	what := "body"
	if editTitle {
		what = "title"
	}
	fmt.Printf("one-page %s edit → reload event: median %s, p90 %s, max %s (%d edits; debounce %s)\n", what,
		lat[len(lat)/2].Round(time.Millisecond/10), lat[len(lat)*9/10].Round(time.Millisecond/10), lat[len(lat)-1].Round(time.Millisecond/10), len(lat), serve.Debounce)
	fmt.Printf("CPU per edit (the process's, user and system): %s\n", cpu.Round(time.Millisecond/10))
	fmt.Printf("full rebuild in memory: median %s\n", full[len(full)/2].Round(time.Millisecond))
	return nil
}

// cpuTime returns the CPU time the process has used, user and system: on
// a machine others load, a steadier measure than the wall.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// runPhoto measures save-to-reload for a new photo of size ("4000x3000")
// shown on a page of the site at root, trials times each way.
var logTo io.Writer = io.Discard

func runPhoto(root, size string, trials int) error {
	if os.Getenv("RELOAD_LOG") != "" {
		logTo = os.Stderr
	}
	var w, h int
	if _, err := fmt.Sscanf(size, "%dx%d", &w, &h); err != nil {
		return fmt.Errorf("-photo %q: want like 4000x3000", size)
	}
	trials = min(trials, 5)
	work, err := os.MkdirTemp("", "hbtq-reload-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	var times [2][]time.Duration // [0]: background, [1]: copies first
	var follow []time.Duration
	var kb int
	for i := range 2 * trials {
		first := i%2 == 1
		dir := filepath.Join(work, fmt.Sprint("site", i))
		if err := os.CopyFS(dir, os.DirFS(root)); err != nil {
			return err
		}
		os.RemoveAll(filepath.Join(dir, "public"))
		os.RemoveAll(filepath.Join(dir, ".cache"))
		os.MkdirAll(filepath.Join(dir, ".cache"), 0o755)
		opt := site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: swedish.DayOf(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)),
			ImageCache: filepath.Join(dir, ".cache", "bilder")}
		s, err := serve.Start(serve.Options{Dir: dir, Addr: "127.0.0.1:0", Site: opt, ImagesFirst: first, Log: logTo})
		if err != nil {
			return err
		}
		events, stop, err := listen(s.URL())
		if err != nil {
			s.Close()
			return err
		}
		// A photo of its own each time (no copy of it in any cache).
		data := photoJPEG(w, h, i)
		kb = len(data) / 1024
		page := filepath.Join(dir, "content", "om-bild.md")
		if err := os.WriteFile(filepath.Join(dir, "content", "om-bild.jpg"), data, 0o644); err != nil {
			return err
		}
		<-events // the build that sees the photo, not yet used
		time.Sleep(100 * time.Millisecond)
		start := time.Now()
		if err := os.WriteFile(page, []byte("---\ntitle: En bild\n---\n![Två personer vid ett bord](om-bild.jpg)\n"), 0o644); err != nil {
			return err
		}
		select {
		case at := <-events:
			times[b2i(first)] = append(times[b2i(first)], at.Sub(start))
		case <-time.After(120 * time.Second):
			return fmt.Errorf("no reload within 120 s")
		}
		if !first {
			select {
			case at := <-events:
				follow = append(follow, at.Sub(start))
			case <-time.After(120 * time.Second):
				return fmt.Errorf("the copies did not follow within 120 s")
			}
		}
		stop()
		s.Close()
	}
	med := func(d []time.Duration) time.Duration {
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		return d[len(d)/2]
	}
	bg, fg := med(times[0]), med(times[1])
	fmt.Printf("site: %s, a new %dx%d photo (%d kB) shown on a page, %d trials each, alternating\n", root, w, h, kb, trials)
	fmt.Printf("save → reload, copies made first (before): median %s\n", fg.Round(time.Millisecond))
	fmt.Printf("save → reload, copies in the background (now): median %s; the copies follow after %s\n", bg.Round(time.Millisecond), med(follow).Round(time.Millisecond))
	fmt.Printf("ratio before/now: %.1f×\n", float64(fg)/float64(bg))
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// listen opens the event stream of the server at url.
func listen(url string) (<-chan time.Time, func(), error) {
	resp, err := http.Get(url + "_dev/events")
	if err != nil {
		return nil, nil, err
	}
	events := make(chan time.Time, 8)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() == "event: reload" {
				events <- time.Now()
			}
		}
	}()
	return events, func() { resp.Body.Close() }, nil
}

// photoJPEG returns a photo-like JPEG of w × h pixels, different for each
// seed.
func photoJPEG(w, h, seed int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x/7 + seed), uint8(y / 5), uint8((x ^ y) + seed*13), 0xff})
		}
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88})
	return buf.Bytes()
}
