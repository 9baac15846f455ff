package deflate

import (
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
	bitCount := h.bitCounts(list, maxBits)
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
