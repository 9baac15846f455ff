package main

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
)

// The collector starts a cycle when the heap has grown to twice what was
// live after the last (GOGC=100), from a first goal of 4 MB: a small site
// (the sample: 96 pages, a live heap of about 10 MB) went through seven
// cycles, a sixth of its build's CPU. A ballast of ballastSize on the
// heap, never written (so the system never gives it memory), moves the
// goal to at least twice its size: the sample is built in two cycles. It
// is dropped once the live heap without it passes its size (checked after
// each cycle), so a larger site's heap, and its peak memory, are as
// without it. 32 MB saved a little more CPU on the sample but raised the
// peak RSS of 2 000 pages by a third (docs/budgets.md, "Memory").

// ballastSize is the size of the heap ballast.
const ballastSize = 16 << 20

// ballast is the heap ballast while it is kept.
var ballast atomic.Pointer[[]byte]

// keepBallast puts the ballast on the heap until the live heap, the
// ballast with it, passes twice its size, or until stop.
func keepBallast() (stop func()) {
	b := make([]byte, ballastSize)
	ballast.Store(&b)
	watchBallast()
	return func() { ballast.Store(nil) }
}

// sentinel is an object whose finalizer runs after the cycle that finds
// it unreachable (it holds a pointer: the tiny allocator, whose objects
// may never be finalized, takes only objects without).
type sentinel struct {
	_ *byte
	_ [8]byte
}

// watchBallast checks the live heap after the next cycle: it drops the
// ballast when the heap holds more than twice its size, or else watches
// again.
func watchBallast() {
	runtime.SetFinalizer(new(sentinel), func(*sentinel) {
		if ballast.Load() == nil {
			return
		}
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() > 2*ballastSize {
			ballast.Store(nil)
			return
		}
		watchBallast()
	})
}
