package deflate

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/adler32"
	"math/rand/v2"
	"testing"
)

// zlibBytes is data compressed by compress/zlib at BestSpeed, written in
// pieces of piece bytes.
func zlibBytes(t testing.TB, data []byte, piece int) []byte {
	var b bytes.Buffer
	w, err := zlib.NewWriterLevel(&b, zlib.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	for p := data; len(p) > 0; {
		n := min(piece, len(p))
		if _, err := w.Write(p[:n]); err != nil {
			t.Fatal(err)
		}
		p = p[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sample is n bytes that compress a little or a lot (kind): rows of an
// image with a few colours and noise, text-like runs, or noise.
func sample(r *rand.Rand, n int, kind int) []byte {
	p := make([]byte, n)
	switch kind {
	case 0: // rows like a badge's: flat runs with a few changes
		for i := range p {
			if i%1601 == 0 || r.IntN(40) == 0 {
				p[i] = byte(r.IntN(4))
			} else {
				p[i] = p[max(i-4, 0)]
			}
		}
	case 1: // words
		words := []string{"hbtq ", "diplom ", "verksamhet ", "region ", "giltig ", "till "}
		var b bytes.Buffer
		for b.Len() < n {
			b.WriteString(words[r.IntN(len(words))])
		}
		copy(p, b.Bytes())
	default: // noise
		for i := range p {
			p[i] = byte(r.Uint32())
		}
	}
	return p
}

// TestSame: Compress, and Resume from a Mark saved on other data that
// starts the same, give compress/zlib's bytes, whatever the data's size
// and where it begins to differ.
func TestSame(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var e Encoder // one for all: its buffers are kept
	sizes := []int{0, 1, 16, 17, 127, 128, 1000, maxStoreBlockSize - 1, maxStoreBlockSize, maxStoreBlockSize + 1,
		maxStoreBlockSize + 100, 2 * maxStoreBlockSize, 243352, 3*maxStoreBlockSize + 127}
	for _, n := range sizes {
		for kind := range 3 {
			base := sample(r, n, kind)
			want0 := zlibBytes(t, base, 1601)
			if got := e.Compress(nil, base); !bytes.Equal(got, want0) {
				t.Fatalf("n %d kind %d: Compress differs from compress/zlib", n, kind)
			}
			if e.Large() != (kind == 2 && n > largeWrite) {
				t.Errorf("n %d kind %d: Large %v", n, kind, e.Large())
			}
			ats := []int{0, 7, 8, 20, n / 3, n / 2, n - 300, n - 1, n, maxStoreBlockSize, maxStoreBlockSize + 9, 2*maxStoreBlockSize + 5000}
			for _, at := range ats {
				if at < 0 || at > n {
					continue
				}
				m := e.Mark(base, at)
				if got := e.Compress(nil, base); !bytes.Equal(got, want0) {
					t.Fatalf("n %d kind %d at %d: Compress after Mark differs from compress/zlib", n, kind, at)
				}
				other := sample(r, n, kind)
				copy(other, base[:at])
				want := zlibBytes(t, other, 7)
				got := e.Resume([]byte("x"), other, m)
				if !bytes.Equal(got[1:], want) || got[0] != 'x' {
					t.Fatalf("n %d kind %d at %d: Resume differs from compress/zlib", n, kind, at)
				}
				// The same data again: the Mark is not used up.
				if got := e.Resume(nil, base, m); !bytes.Equal(got, e.Compress(nil, base)) {
					t.Fatalf("n %d kind %d at %d: Resume on the mark's own data differs", n, kind, at)
				}
			}
		}
	}
}

// BenchmarkResume compresses an image's rows (243 352 bytes) that differ
// from a base's from 70 % on: whole with compress/zlib, whole with
// Compress, and from a Mark.
func BenchmarkResume(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	base := sample(r, 243352, 0)
	at := len(base) * 7 / 10
	other := sample(r, len(base), 0)
	copy(other, base[:at])
	var e Encoder
	m := e.Mark(base, at)
	var buf []byte
	for _, c := range []struct {
		name string
		f    func() []byte
	}{
		{"zlib", func() []byte {
			var out bytes.Buffer
			w, _ := zlib.NewWriterLevel(&out, zlib.BestSpeed)
			w.Write(other)
			w.Close()
			return out.Bytes()
		}},
		{"compress", func() []byte { return e.Compress(buf[:0], other) }},
		{"resume", func() []byte { return e.Resume(buf[:0], other, m) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(other)))
			for b.Loop() {
				buf = c.f()
			}
		})
	}
}

// TestCommon: common is the byte-by-byte loop it replaces, for every
// length up to 40 and every place of the first difference.
func TestCommon(t *testing.T) {
	loop := func(a, b []byte) int {
		n := 0
		for n < min(len(a), len(b)) && a[n] == b[n] {
			n++
		}
		return n
	}
	r := rand.New(rand.NewPCG(3, 4))
	for la := range 41 {
		for lb := range 41 {
			for d := range max(la, lb) + 1 {
				a, b := make([]byte, la), make([]byte, lb)
				for i := range a {
					a[i] = byte(r.IntN(3))
				}
				copy(b, a)
				for i := len(a); i < len(b); i++ {
					b[i] = byte(r.IntN(3))
				}
				if d < lb {
					b[d] ^= byte(1 + r.IntN(255))
				}
				if got, want := common(a, b), loop(a, b); got != want {
					t.Fatalf("common(%v, %v) = %d, want %d", a, b, got, want)
				}
			}
		}
	}
}

// FuzzAdler32: adler32Update gives hash/adler32's checksum of the data
// after data whose checksum is sum, for any data (0xff bytes, the most a
// chunk's sums can grow, among the seeds) and any sum a checksum can be.
func FuzzAdler32(f *testing.F) {
	f.Add([]byte("abc"), 0, uint16(1), uint16(0))
	f.Add(bytes.Repeat([]byte{0xff}, 3*5552+13), 0, uint16(65520), uint16(65520))
	f.Add(bytes.Repeat([]byte{0xff, 0, 1, 0x80}, 4000), 7, uint16(65000), uint16(12345))
	f.Add([]byte{}, 0, uint16(0), uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, split int, s1, s2 uint16) {
		s1 %= 65521
		s2 %= 65521
		sum := uint32(s2)<<16 | uint32(s1)
		// hash/adler32 resumed from sum, through its state.
		h := adler32.New()
		state := binary.BigEndian.AppendUint32([]byte("adl\x01"), sum)
		if err := h.(interface{ UnmarshalBinary([]byte) error }).UnmarshalBinary(state); err != nil {
			t.Fatal(err)
		}
		h.Write(data)
		if got, want := adler32Update(sum, data), h.Sum32(); got != want {
			t.Fatalf("adler32Update(%#x, %d bytes) = %#x, want %#x", sum, len(data), got, want)
		}
		if len(data) > 0 { // in two pieces
			k := (split%len(data) + len(data)) % len(data)
			if got, want := adler32Update(adler32Update(sum, data[:k]), data[k:]), h.Sum32(); got != want {
				t.Fatalf("in two at %d: %#x, want %#x", k, got, want)
			}
		}
		if sum == 1 && adler32Update(1, data) != adler32.Checksum(data) {
			t.Fatal("from 1: not adler32.Checksum")
		}
	})
}
