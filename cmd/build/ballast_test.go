package main

import (
	"runtime"
	"testing"
)

// TestBallast: the ballast stays while the heap is small and goes after
// the first cycle that finds more than twice its size live.
func TestBallast(t *testing.T) {
	stop := keepBallast()
	defer stop()
	for range 3 {
		runtime.GC()
	}
	if ballast.Load() == nil {
		t.Fatal("the ballast went with a small heap")
	}
	live := make([][]byte, 0, 4*ballastSize>>20)
	for range cap(live) {
		live = append(live, make([]byte, 1<<20))
	}
	for i := 0; i < 20 && ballast.Load() != nil; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if ballast.Load() != nil {
		t.Errorf("the ballast stayed with a heap of %d MB live", len(live))
	}
	runtime.KeepAlive(live)
	stop()
}
