package assign

import "golang.org/x/sys/cpu"

// scanMin is the minimization row scan in assembly (scan_amd64.s); it
// behaves exactly as scanGo with sign 1.
//
//go:noescape
func scanMin(row, v, d *float64, pred *int32, flag *uint8, n int, hh float64, i int32) (best float64, bj int32, bspare bool, ties int)

// scanMinAVX2 relaxes n columns (a multiple of 4) from a row and returns the
// smallest distance among the columns not scanned (scan_amd64.s).
//
//go:noescape
func scanMinAVX2(row, v, d *float64, pred *int32, flag *uint8, n int, hh float64, i int32, sign float64) (best float64)

// pickMinAVX2 finds, among n columns (a multiple of 4) not scanned, those
// at distance best: the first with spare capacity, else the first, and
// their number (scan_amd64.s).
//
//go:noescape
func pickMinAVX2(d *float64, flag *uint8, n int, best float64) (bj int, bspare bool, ties int)

// useAVX2 tells whether the four-column kernel can run on this processor.
var useAVX2 = cpu.X86.HasAVX2

func (e *denseCore) scanMinRow(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32) (float64, int32, bool, int) {
	if len(row) == 0 {
		return e.inf, -1, false, 0
	}
	if !useAVX2 || len(row) < 8 {
		return scanMin(&row[0], &v[0], &d[0], &pred[0], &flag[0], len(row), hh, i)
	}
	return scanAVX2(row, v, d, pred, flag, hh, i, 1)
}

// scanMaxRow is the row scan of a maximization (costs are the negated
// scores), or ok false where no fast kernel applies.
func (e *denseCore) scanMaxRow(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32) (best float64, bj int32, bspare bool, ties int, ok bool) {
	if !useAVX2 || len(row) < 8 {
		return 0, 0, false, 0, false
	}
	best, bj, bspare, ties = scanAVX2(row, v, d, pred, flag, hh, i, -1)
	return best, bj, bspare, ties, true
}

// scanAVX2 is the row scan with the four-column kernel: relax, then pick
// the nearest column.
func scanAVX2(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32, sign float64) (float64, int32, bool, int) {
	v, d, pred, flag = v[:len(row)], d[:len(row)], pred[:len(row)], flag[:len(row)]
	k := len(row) &^ 3
	best := scanMinAVX2(&row[0], &v[0], &d[0], &pred[0], &flag[0], k, hh, i, sign)
	for j := k; j < len(row); j++ {
		if flag[j] == flagDone {
			continue
		}
		if r := sign*row[j] - v[j] + hh; r < d[j] {
			d[j] = r
			pred[j] = i
		}
		if d[j] < best {
			best = d[j]
		}
	}
	bj, bspare, ties := pickMinAVX2(&d[0], &flag[0], k, best)
	// The last columns, in Go, continuing the choice.
	for j := k; j < len(d); j++ {
		if d[j] != best || flag[j] == flagDone {
			continue
		}
		ties++
		if bj < 0 || !bspare && flag[j] == flagSpare {
			bj, bspare = j, flag[j] == flagSpare
		}
	}
	return best, int32(bj), bspare, ties
}
