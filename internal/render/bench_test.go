//go:build unix

package render

import (
	"io"
	"os"
	"syscall"
	"testing"
)

// BenchmarkLoad parses the theme's layouts (the repository's layouts/)
// and escapes each one, as a build does before its first pages:
// html/template escapes templates the first time they are executed. The
// data is nil, so each execution stops at its first field, after the
// escaping. cpu-ns/op is the process's CPU time, steadier than the wall
// clock on a shared machine.
func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS("../..")
	funcs := Funcs(func(name string) (string, error) { return "/assets/" + name, nil })
	cpu0 := cpuTime()
	for b.Loop() {
		t, err := Load(fsys, funcs)
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range t.Names() {
			t.Execute(io.Discard, name, nil, nil)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// cpuTime returns the CPU time the process has used, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
