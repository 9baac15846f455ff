package deflate

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// generateFlate is compress/flate's huffmanEncoder.generate (Go 1.26),
// sorting with sort.Sort as it does, for TestGenerate: it returns the
// codes of freq's literals.
func generateFlate(freq []int32, maxBits int32) []hcode {
	h := newHuffmanEncoder(len(freq))
	list := make([]literalNode, len(freq)+1)
	count := 0
	for i, f := range freq {
		if f != 0 {
			list[count] = literalNode{uint16(i), f}
			count++
		} else {
			h.codes[i].len = 0
		}
	}
	list = list[:count]
	if count <= 2 {
		for i, node := range list {
			h.codes[node.literal].set(uint16(i), 1)
		}
		return h.codes
	}
	sort.Sort(flateByFreq(list))
	bitCount := bitCountsFlate(list, maxBits)
	code := uint16(0)
	for n, bits := range bitCount {
		code <<= 1
		if n == 0 || bits == 0 {
			continue
		}
		chunk := list[len(list)-int(bits):]
		sort.Sort(flateByLiteral(chunk))
		for _, node := range chunk {
			h.codes[node.literal] = hcode{code: reverseBits(code, uint8(n)), len: uint16(n)}
			code++
		}
		list = list[0 : len(list)-int(bits)]
	}
	return h.codes
}

type flateByLiteral []literalNode

func (s flateByLiteral) Len() int           { return len(s) }
func (s flateByLiteral) Less(i, j int) bool { return s[i].literal < s[j].literal }
func (s flateByLiteral) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

type flateByFreq []literalNode

func (s flateByFreq) Len() int { return len(s) }
func (s flateByFreq) Less(i, j int) bool {
	if s[i].freq == s[j].freq {
		return s[i].literal < s[j].literal
	}
	return s[i].freq < s[j].freq
}
func (s flateByFreq) Swap(i, j int) { s[i], s[j] = s[j], s[i] }

// freqTables are frequency tables as blocks have them: of literals and
// lengths (maxNumLit), offsets (30) and code lengths (19), sparse and
// dense, flat and skewed, with counts up to a block's.
func freqTables(r *rand.Rand, n int) [][]int32 {
	var out [][]int32
	for i := range n {
		size := []int{maxNumLit, 30, 19, maxNumLit}[i%4]
		f := make([]int32, size)
		fill := []int{1, 2, 3, 5, size / 4, size / 2, size}[r.IntN(7)]
		for range fill {
			switch r.IntN(3) {
			case 0:
				f[r.IntN(size)] = int32(1 + r.IntN(3))
			case 1:
				f[r.IntN(size)] += int32(1 + r.IntN(200))
			default:
				f[r.IntN(size)] = int32(1 + r.IntN(maxStoreBlockSize))
			}
		}
		out = append(out, f)
	}
	return out
}

// TestGenerate: generate gives compress/flate's codes (code and length of
// every literal) for frequency tables of every kind, also when its
// encoder made codes for other tables before.
func TestGenerate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	encs := map[int]*huffmanEncoder{}
	for i, f := range freqTables(r, 20000) {
		maxBits := int32(15)
		if len(f) == 19 {
			maxBits = 7
		}
		h := encs[len(f)]
		if h == nil {
			h = newHuffmanEncoder(len(f))
			encs[len(f)] = h
		}
		h.generate(f, maxBits)
		want := generateFlate(f, maxBits)
		for lit := range f {
			if f[lit] != 0 && h.codes[lit] != want[lit] || f[lit] == 0 && h.codes[lit].len != 0 {
				t.Fatalf("table %d (%d literals, %v): literal %d has %+v, want %+v", i, len(f), f, lit, h.codes[lit], want[lit])
			}
		}
	}
}

// BenchmarkGenerate makes the codes of 1 000 frequency tables.
func BenchmarkGenerate(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	tables := freqTables(r, 1000)
	h := newHuffmanEncoder(maxNumLit)
	for b.Loop() {
		for _, f := range tables {
			h.generate(f, 15)
		}
	}
	_ = slices.Clone(tables[0])
}

// bitCountsFlate is bitCounts as it was before it was made faster (as
// compress/flate's, but for the copy of a row whole), for generateFlate.
func bitCountsFlate(list []literalNode, maxBits int32) []int32 {
	var bitCount [17]int32
	if maxBits >= maxBitsLimit {
		panic("flate: maxBits too large")
	}
	n := int32(len(list))
	list = list[0 : n+1]
	list[n] = maxNode()

	// The tree can't have greater depth than n - 1, no matter what. This
	// saves a little bit of work in some small cases
	if maxBits > n-1 {
		maxBits = n - 1
	}

	// Create information about each of the levels.
	// A bogus "Level 0" whose sole purpose is so that
	// level1.prev.needed==0.  This makes level1.nextPairFreq
	// be a legitimate value that never gets chosen.
	var levels [maxBitsLimit]levelInfo
	// leafCounts[i] counts the number of literals at the left
	// of ancestors of the rightmost node at level i.
	// leafCounts[i][j] is the number of literals at the left
	// of the level j ancestor.
	var leafCounts [maxBitsLimit][maxBitsLimit]int32

	for level := int32(1); level <= maxBits; level++ {
		// For every level, the first two items are the first two characters.
		// We initialize the levels as if we had already figured this out.
		levels[level] = levelInfo{
			level:        level,
			lastFreq:     list[1].freq,
			nextCharFreq: list[2].freq,
			nextPairFreq: list[0].freq + list[1].freq,
		}
		leafCounts[level][level] = 2
		if level == 1 {
			levels[level].nextPairFreq = math.MaxInt32
		}
	}

	// We need a total of 2*n - 2 items at top level and have already generated 2.
	levels[maxBits].needed = 2*n - 4

	level := maxBits
	for {
		l := &levels[level]
		if l.nextPairFreq == math.MaxInt32 && l.nextCharFreq == math.MaxInt32 {
			// We've run out of both leaves and pairs.
			// End all calculations for this level.
			// To make sure we never come back to this level or any lower level,
			// set nextPairFreq impossibly large.
			l.needed = 0
			levels[level+1].nextPairFreq = math.MaxInt32
			level++
			continue
		}

		prevFreq := l.lastFreq
		if l.nextCharFreq < l.nextPairFreq {
			// The next item on this row is a leaf node.
			n := leafCounts[level][level] + 1
			l.lastFreq = l.nextCharFreq
			// Lower leafCounts are the same of the previous node.
			leafCounts[level][level] = n
			l.nextCharFreq = list[n].freq
		} else {
			// The next item on this row is a pair from the previous row.
			// nextPairFreq isn't valid until we generate two
			// more values in the level below
			l.lastFreq = l.nextPairFreq
			// Take leaf counts from the lower level, except counts[level] remains the same.
			// (compress/flate copies leafCounts[level-1][:level]; the row
			// is copied whole here, which needs no call to memmove: a
			// row's counts above its level are never read.)
			own := leafCounts[level][level]
			leafCounts[level] = leafCounts[level-1]
			leafCounts[level][level] = own
			levels[l.level-1].needed = 2
		}

		if l.needed--; l.needed == 0 {
			// We've done everything we need to do for this level.
			// Continue calculating one level up. Fill in nextPairFreq
			// of that level with the sum of the two nodes we've just calculated on
			// this level.
			if l.level == maxBits {
				// All done!
				break
			}
			levels[l.level+1].nextPairFreq = prevFreq + l.lastFreq
			level++
		} else {
			// If we stole from below, move down temporarily to replenish it.
			for levels[level-1].needed > 0 {
				level--
			}
		}
	}

	// Somethings is wrong if at the end, the top level is null or hasn't used
	// all of the leaves.
	if leafCounts[maxBits][maxBits] != n {
		panic("leafCounts[maxBits][maxBits] != n")
	}

	out := bitCount[:maxBits+1]
	bits := 1
	counts := &leafCounts[maxBits]
	for level := maxBits; level > 0; level-- {
		// chain.leafCount gives the number of literals requiring at least "bits"
		// bits to encode.
		out[bits] = counts[level] - counts[level-1]
		bits++
	}
	return out
}
