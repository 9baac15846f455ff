package site

import (
	"errors"
	"fmt"
	"testing"
)

// TestCopyBytesNFC writes two paths that are one name in NFC, in both
// orders and with a path between them, into memory and to disk: the second
// is refused as written by the first, and a path written twice as well.
func TestCopyBytesNFC(t *testing.T) {
	const nfc, nfd = "dokument/\u00e5rsrapport.pdf", "dokument/a\u030arsrapport.pdf"
	for _, mem := range []bool{true, false} {
		for _, c := range [][2]string{{nfc, nfd}, {nfd, nfc}, {nfc, nfc}, {nfd, nfd}} {
			o := &output{files: map[string]string{}}
			if mem {
				o.mem = map[string][]byte{}
			} else {
				o.dir = t.TempDir()
			}
			if err := o.copyBytes(c[0], "static/"+c[0], []byte("1")); err != nil {
				t.Fatal(err)
			}
			if err := o.copyBytes("dokument/annan.pdf", "static/dokument/annan.pdf", []byte("2")); err != nil {
				t.Fatal(err)
			}
			err := o.copyBytes(c[1], "static/"+c[1], []byte("3"))
			var ce *collisionError
			if !errors.As(err, &ce) || ce.prev != "static/"+c[0] {
				t.Errorf("mem %v: %+q after %+q: have %v, want it refused as written by static/%+q", mem, c[1], c[0], err, c[0])
			}
			if len(o.files) != 2 {
				t.Errorf("mem %v: %+q after %+q: %d paths written, want 2", mem, c[1], c[0], len(o.files))
			}
		}
	}
}

// TestWriteRawCopy: a build in memory keeps a copy of what a feature
// writes with WriteRawCopy (the site search writes each page's fragment
// from one buffer), on disk the bytes as they were.
func TestWriteRawCopy(t *testing.T) {
	for _, mem := range []bool{true, false} {
		o := &output{files: map[string]string{}}
		if mem {
			o.mem = map[string][]byte{}
		} else {
			o.dir = t.TempDir()
		}
		buf := []byte("första")
		if err := (featureOutput{o}).WriteRawCopy("sok/f/a.json", "x", buf); err != nil {
			t.Fatal(err)
		}
		copy(buf, "andra!")
		if have, err := o.read("sok/f/a.json"); err != nil || string(have) != "första" {
			t.Errorf("mem %v: %q, %v after the buffer was written over, want \"första\"", mem, have, err)
		}
	}
}

// BenchmarkCopyBytes writes the site search's fragments of 10 000 pages
// (one file per page, 100 pages a folder) as featureOutput.WriteRaw does,
// into memory and to disk.
func BenchmarkCopyBytes(b *testing.B) {
	paths := make([]string, 10000)
	for i := range paths {
		paths[i] = fmt.Sprintf("sok/f/avsnitt-%03d/sida-%05d.json", i/100, i)
	}
	data := []byte(`{"s":[]}`)
	for _, where := range []string{"mem", "disk"} {
		b.Run(where, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				o := &output{files: map[string]string{}}
				if where == "mem" {
					o.mem = map[string][]byte{}
				} else {
					o.dir = b.TempDir()
				}
				b.StartTimer()
				for _, p := range paths {
					if err := o.copyBytes(p, "internal/feature/sitesearch", data); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
