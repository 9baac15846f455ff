// Command floor is the benchmark's floor: the least work any build of the
// site must do. It reads each Markdown file under content/, strips the
// front matter, converts the body with goldmark (the same extensions as the
// site) and writes the HTML, with one worker per CPU. No templates, no
// minifying, no validation.
//
//	go run ./bench/floor -root /tmp/site -out /tmp/floor-out
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

func main() {
	root := flag.String("root", ".", "the site root")
	out := flag.String("out", "", "where to write the HTML")
	flag.Parse()
	if err := run(*root, *out); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(root, out string) error {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	var files []string
	err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	work := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range work {
				data, err := os.ReadFile(p)
				if err != nil {
					errs <- err
					continue
				}
				body := data
				if bytes.HasPrefix(data, []byte("---\n")) {
					if i := bytes.Index(data[4:], []byte("\n---\n")); i >= 0 {
						body = data[4+i+5:]
					}
				}
				buf.Reset()
				if err := md.Convert(body, &buf); err != nil {
					errs <- err
					continue
				}
				rel, _ := filepath.Rel(root, p)
				target := filepath.Join(out, strings.TrimSuffix(rel, ".md"), "index.html")
				if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
					errs <- err
					continue
				}
				if err := os.WriteFile(target, buf.Bytes(), 0o644); err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	close(errs)
	return <-errs
}
