package lapm

import (
	"syscall"
	"unsafe"
)

// allocFloats returns a zeroed slice of n float64 and, for a large one,
// asks the kernel to back it with transparent huge pages, as numpy does
// for its arrays: a solver that streams matrix rows then suffers far fewer
// TLB misses, and the comparison with scipy is like for like.
func allocFloats(n int) []float64 {
	s := make([]float64, n)
	const huge = 2 << 20
	if n*8 < 4*huge {
		return s
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	a := int(((start+huge-1)&^(huge-1))-start) / 8       // first element on a huge page boundary
	b := int(((start+uintptr(n*8))&^(huge-1))-start) / 8 // end of the last whole huge page
	if b > a {
		region := unsafe.Slice((*byte)(unsafe.Pointer(&s[a])), (b-a)*8)
		_ = syscall.Madvise(region, 14) // MADV_HUGEPAGE; only advice, errors ignored
	}
	return s
}
