package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"strings"
	"testing"
)

var body = []byte(strings.Repeat("## Rubrik om vård\n\nEtt stycke om diplomering, bemötande och arbetsmiljö i vården. Se [priser](/om/pris/) och www.example.se.\n\n- en punkt\n- en till\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", 30))

func BenchmarkRender(b *testing.B) {
	r := New(url)
	b.SetBytes(int64(len(body)))
	defer cpuPerOp(b)()
	for b.Loop() {
		if _, errs := r.Render("content/a.md", body, 5); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// cpuPerOp reports the process's CPU time (user and system, the
// collector's too) per operation as cpu-ns/op: steadier than ns/op when
// others share the machine. Call the function it returns after the loop.
func cpuPerOp(b *testing.B) func() {
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start := cpu()
	return func() { b.ReportMetric(float64(cpu()-start)/float64(b.N), "cpu-ns/op") }
}

// links returns n links, all on one line or one a line.
func links(n int, sep string) []byte {
	var b strings.Builder
	for i := range n {
		b.WriteString("[sidan om vård och bemötande](/om/pris/)")
		if i < n-1 {
			b.WriteString(sep)
		}
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// BenchmarkLinks renders 20 000 links on one line and one a line: the
// times should be about the same (positions are found in linear time).
func BenchmarkLinks(b *testing.B) {
	r := New(url)
	for _, tc := range []struct{ name, sep string }{{"one-line", " "}, {"line-each", "\n"}} {
		body := links(20000, tc.sep)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, errs := r.Render("content/a.md", body, 5); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		})
	}
}

// BenchmarkGoldmark is the floor of BenchmarkRender: goldmark with the
// same extensions and heading ids, without the site's rules (bench/floor
// per page). Compare the two in one run.
func BenchmarkGoldmark(b *testing.B) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	var buf bytes.Buffer
	b.SetBytes(int64(len(body)))
	defer cpuPerOp(b)()
	for b.Loop() {
		buf.Reset()
		if err := md.Convert(body, &buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerated renders the pages of testdata/gen (bench/gen's): with
// goldmark alone (as BenchmarkGoldmark, the floor), as the build does, and
// with the oracle (goldmark as it comes, see TestOracle).
func BenchmarkGenerated(b *testing.B) {
	files, _ := filepath.Glob("testdata/gen/*.md")
	var pages [][]byte
	size := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, pageBody(src))
		size += len(pages[len(pages)-1])
	}
	b.Run("goldmark", func(b *testing.B) {
		md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
		var buf bytes.Buffer
		b.SetBytes(int64(size))
		defer cpuPerOp(b)()
		for b.Loop() {
			for _, p := range pages {
				buf.Reset()
				if err := md.Convert(p, &buf); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	for _, tc := range []struct {
		name string
		r    *Renderer
	}{{"build", New(url)}, {"oracle", oracle()}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			defer cpuPerOp(b)()
			for b.Loop() {
				for _, p := range pages {
					if _, errs := tc.r.Render("content/a.md", p, 5); len(errs) > 0 {
						b.Fatal(errs)
					}
				}
			}
		})
	}
}
