package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestRemoveAll: removeAll removes a tree of folders and files, with
// symbolic links in it to a file and to a folder outside, which stay as
// they are: the links are removed, not followed; given a link to a
// folder, it removes the link.
func TestRemoveAll(t *testing.T) {
	top := t.TempDir()
	outside := filepath.Join(top, "outside")
	mustWrite(t, filepath.Join(outside, "keep.txt"), "kvar")
	mustWrite(t, filepath.Join(outside, "dir", "keep.html"), "kvar")
	old := filepath.Join(top, "old")
	for i := range 40 {
		for j := range 3 {
			mustWrite(t, filepath.Join(old, fmt.Sprintf("s%d", i), fmt.Sprintf("p%d", j), "index.html"), "sida")
		}
		mustWrite(t, filepath.Join(old, fmt.Sprintf("s%d", i), "index.html"), "sektion")
	}
	if err := os.MkdirAll(filepath.Join(old, "tom", "tomare"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "keep.txt"), filepath.Join(old, "s1", "länk.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "dir"), filepath.Join(old, "s2", "p0", "länkad")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(old, "allt")); err != nil {
		t.Fatal(err)
	}
	removeAll(old)
	if _, err := os.Lstat(old); !os.IsNotExist(err) {
		t.Errorf("after removeAll, Lstat(old) = %v, want not there", err)
	}
	for _, p := range []string{"keep.txt", "dir/keep.html"} {
		if b, err := os.ReadFile(filepath.Join(outside, p)); err != nil || string(b) != "kvar" {
			t.Errorf("outside/%s = %q, %v: a link was followed", p, b, err)
		}
	}
	removeAll(old) // not there: nothing to do

	// A link to a folder is removed, not what it leads to.
	link := filepath.Join(top, "länk")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	removeAll(link)
	if _, err := os.Lstat(link); !os.IsNotExist(err) {
		t.Errorf("after removeAll, Lstat(link) = %v, want not there", err)
	}
	if b, err := os.ReadFile(filepath.Join(outside, "dir", "keep.html")); err != nil || string(b) != "kvar" {
		t.Errorf("outside/dir/keep.html = %q, %v: the link given was followed", b, err)
	}
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func mustWrite(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkRemoveAll removes a tree of 2 000 folders and 6 000 files, the
// shape of a built site's, with removeAll and with os.RemoveAll.
func BenchmarkRemoveAll(b *testing.B) {
	for _, c := range []struct {
		name   string
		remove func(string) error
	}{
		{"removeAll", func(d string) error { removeAll(d); return nil }},
		{"os.RemoveAll", os.RemoveAll},
	} {
		b.Run(c.name, func(b *testing.B) {
			top := b.TempDir()
			var cpu time.Duration
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				dir := filepath.Join(top, fmt.Sprint(i))
				for s := range 20 {
					for p := range 100 {
						d := filepath.Join(dir, fmt.Sprintf("s%d", s), fmt.Sprintf("p%d", p))
						os.MkdirAll(d, 0o755)
						for f := range 3 {
							os.WriteFile(filepath.Join(d, fmt.Sprintf("f%d.html", f)), []byte("sida"), 0o644)
						}
					}
				}
				b.StartTimer()
				before := cpuTime()
				c.remove(dir)
				cpu += cpuTime() - before
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
