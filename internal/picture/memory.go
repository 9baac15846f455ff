package picture

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strconv"
	"sync"
)

// Memory keeps the copies a process has made, for the dev server: it
// builds the whole site again on every change, and a copy made once is
// then not made again, with or without a cache folder. A Memory is safe
// for concurrent use; its zero value is ready. When it holds more than
// MemoryLimit bytes it starts again empty.
type Memory struct {
	mu   sync.Mutex
	m    map[string][]byte
	size int
}

// MemoryLimit is the most a Memory holds, in bytes.
const MemoryLimit = 256 << 20

func (m *Memory) get(key string) ([]byte, bool) {
	if m == nil {
		return nil, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.m[key]
	return b, ok
}

func (m *Memory) put(key string, b []byte) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil || m.size+len(b) > MemoryLimit {
		m.m, m.size = map[string][]byte{}, 0
	}
	if _, ok := m.m[key]; !ok {
		m.m[key] = b
		m.size += len(b)
	}
}

// cacheKeys returns the cache's names of the copies of data at widths.
func cacheKeys(data []byte, info Info, widths []int) []string {
	sum := sha256.Sum256(data)
	prefix := hex.EncodeToString(sum[:12]) + "-"
	keys := make([]string, len(widths))
	for i, w := range widths {
		keys[i] = prefix + strconv.Itoa(w) + "." + info.Format
	}
	return keys
}

// Cached returns the copies of data at widths, as Resize would, when every
// one of them is in the Memory or the cache folder already: it never
// decodes or scales. The dev server uses it to decide whether the copies
// are there at once or must be made in the background.
func (r *Resizer) Cached(data []byte, info Info, widths []int) ([][]byte, bool) {
	out := make([][]byte, len(widths))
	for i, key := range cacheKeys(data, info, widths) {
		if b, ok := r.Mem.get(key); ok {
			out[i] = b
			continue
		}
		if r.Cache == "" || r.Open() != nil {
			return nil, false
		}
		height := max(int(math.Round(float64(info.Height)*float64(widths[i])/float64(info.Width))), 1)
		b, ok := r.cached(key, info.Format, widths[i], height)
		if !ok {
			return nil, false
		}
		r.Mem.put(key, b)
		out[i] = b
	}
	return out, true
}
