// Command reload measures the dev server's edit-to-reload latency: the time
// from writing a changed page to the Server-Sent "reload" event reaching a
// listening client, as a browser would see it. It also reports the time of
// a full rebuild of the same site in memory.
//
//	go run ./bench/reload -root .                      # the sample site
//	go run ./bench/reload -pages 10000 -units 5000     # a generated site
//
// The site is copied (or generated) into a temporary folder first, so the
// repository is never edited.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hbtq-diplomering/webbplats/internal/feature/all"
	"github.com/hbtq-diplomering/webbplats/internal/serve"
	"github.com/hbtq-diplomering/webbplats/internal/site"
)

func main() {
	root := flag.String("root", "", "a site root to copy and measure")
	pages := flag.Int("pages", 0, "generate a site with this many pages instead (with bench/gen)")
	units := flag.Int("units", 0, "units of the generated site")
	edits := flag.Int("edits", 25, "edits to measure")
	flag.Parse()
	if err := run(*root, *pages, *units, *edits); err != nil {
		fmt.Fprintln(os.Stderr, "reload:", err)
		os.Exit(1)
	}
}

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
	opt := site.Options{Features: all.Features(), Root: os.DirFS(dir), Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}

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
	var lat []time.Duration
	for i := range edits {
		p := filepath.Join(dir, files[(i*7919)%len(files)])
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		data = append(data, []byte(fmt.Sprintf("\nÄndring nummer %d.\n", i))...)
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
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	sort.Slice(full, func(i, j int) bool { return full[i] < full[j] })
	fmt.Printf("site: %s\n", label)
	fmt.Printf("one-page body edit → reload event: median %s, p90 %s, max %s (%d edits; debounce %s)\n",
		lat[len(lat)/2].Round(time.Millisecond/10), lat[len(lat)*9/10].Round(time.Millisecond/10), lat[len(lat)-1].Round(time.Millisecond/10), len(lat), serve.Debounce)
	fmt.Printf("full rebuild in memory: median %s\n", full[len(full)/2].Round(time.Millisecond))
	return nil
}
