package directory

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// pngFilter0 is image/png's filter (Go 1.26), as it is there: it fills
// the rows of cr after the first (row 0 is the row as it is, pr the row
// above, each after a byte for the filter) and returns the filter whose
// row has the least sum of absolute values, trying Up, Paeth, None, Sub
// and Average in that order. It is what choose and filterAs must give.
func pngFilter0(cr *[5][]byte, pr []byte, bpp int) int {
	cdat0 := cr[0][1:]
	cdat1 := cr[1][1:]
	cdat2 := cr[2][1:]
	cdat3 := cr[3][1:]
	cdat4 := cr[4][1:]
	pdat := pr[1:]
	n := len(cdat0)

	sum := 0
	for i := range n {
		cdat2[i] = cdat0[i] - pdat[i]
		sum += abs8(cdat2[i])
	}
	best := sum
	filter := ftUp

	sum = 0
	for i := range bpp {
		cdat4[i] = cdat0[i] - pdat[i]
		sum += abs8(cdat4[i])
	}
	for i := bpp; i < n; i++ {
		cdat4[i] = cdat0[i] - paeth(cdat0[i-bpp], pdat[i], pdat[i-bpp])
		sum += abs8(cdat4[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		best = sum
		filter = ftPaeth
	}

	sum = 0
	for i := range n {
		sum += abs8(cdat0[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		best = sum
		filter = ftNone
	}

	sum = 0
	for i := range bpp {
		cdat1[i] = cdat0[i]
		sum += abs8(cdat1[i])
	}
	for i := bpp; i < n; i++ {
		cdat1[i] = cdat0[i] - cdat0[i-bpp]
		sum += abs8(cdat1[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		best = sum
		filter = ftSub
	}

	sum = 0
	for i := range bpp {
		cdat3[i] = cdat0[i] - pdat[i]/2
		sum += abs8(cdat3[i])
	}
	for i := bpp; i < n; i++ {
		cdat3[i] = cdat0[i] - uint8((int(cdat0[i-bpp])+int(pdat[i]))/2)
		sum += abs8(cdat3[i])
		if sum >= best {
			break
		}
	}
	if sum < best {
		filter = ftAverage
	}
	return filter
}

// sameAsPNG reports whether choose and filterAs filter cur under prev as
// image/png does: the same filter and the same bytes.
func sameAsPNG(cur, prev []byte) (got, want []byte) {
	var cr [5][]byte
	for i := range cr {
		cr[i] = make([]byte, 1+len(cur))
		cr[i][0] = byte(i)
	}
	copy(cr[0][1:], cur)
	want = cr[pngFilter0(&cr, append([]byte{0}, prev...), 4)]
	got = make([]byte, 1+len(cur))
	filterAs(choose(cur, prev), got, cur, prev)
	return got, want
}

// rowPair is two rows of n bytes like a badge's: runs of a few colours
// (flat pixels, the same as their left and upper neighbours), some
// edges, and now and then noise; the lower row mostly repeats the upper.
func rowPair(r *rand.Rand, n int) (cur, prev []byte) {
	cur, prev = make([]byte, n), make([]byte, n)
	colours := []uint32{0, 0xff631e3d, 0xffffffff, 0x80ffffff, 0xfff2f0f0, 0x7f000000}
	px := colours[r.IntN(len(colours))]
	for i := 0; i < n; i += 4 {
		if r.IntN(6) == 0 {
			px = colours[r.IntN(len(colours))]
			if r.IntN(3) == 0 {
				px = r.Uint32()
			}
		}
		var b [4]byte
		binary.LittleEndian.PutUint32(b[:], px)
		copy(prev[i:], b[:])
	}
	copy(cur, prev)
	for range r.IntN(n/4 + 1) {
		i := r.IntN(n)
		cur[i] = byte(r.Uint32())
		if r.IntN(2) == 0 {
			prev[i] = byte(r.Uint32())
		}
	}
	return cur, prev
}

// TestChoose: choose and filterAs give image/png's filter and bytes for
// rows like a badge's, of every width up to 40 pixels, rows that are not
// whole pixels (from 4 bytes: image/png's have a pixel at least), and every row of the sample's badges.
func TestChoose(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 4; n <= 160; n++ {
		for range 300 {
			cur, prev := rowPair(r, n)
			if got, want := sameAsPNG(cur, prev); !bytes.Equal(got, want) {
				t.Fatalf("%d bytes: cur %v prev %v: have %v, want %v", n, cur, prev, got, want)
			}
		}
	}
	for _, b := range sampleBadges(t) {
		base, err := b.base()
		if err != nil {
			t.Fatal(err)
		}
		img, _ := b.onBase(base, nil)
		n := 4 * img.Rect.Dx()
		for y := range img.Rect.Dy() {
			prev := make([]byte, n)
			if y > 0 {
				prev = img.Pix[(y-1)*img.Stride:][:n]
			}
			if got, want := sameAsPNG(img.Pix[y*img.Stride:][:n], prev); !bytes.Equal(got, want) {
				t.Fatalf("%q row %d: filter %d, want %d", b.lines, y, got[0], want[0])
			}
		}
	}
}

// FuzzChoose: choose and filterAs give image/png's filter and bytes for
// any two rows.
func FuzzChoose(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{4, 5, 8, 17, 64} {
		cur, prev := rowPair(r, n)
		f.Add(append(cur, prev...))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n := len(data) / 2
		if n < 4 {
			return // image/png's rows have a pixel at least
		}
		cur, prev := data[:n], data[n:2*n]
		if got, want := sameAsPNG(cur, prev); !bytes.Equal(got, want) {
			t.Fatalf("cur %v prev %v: have %v, want %v", cur, prev, got, want)
		}
	})
}
