package assign

import "golang.org/x/sys/cpu"

// Vector kernels of the dense row scan (scan_amd64.s). Each handles n
// columns, n a multiple of its width; relaxRow and tiesRow finish the last
// columns in Go. They compute the same bits as relaxGo and tiesGo.

// relaxAVX2 is relaxGo, four columns at a time.
//
//go:noescape
func relaxAVX2(row, v, d *float64, pred *int32, flag *uint8, n int, hh float64, i int32, sign float64) (best float64)

// relaxAVX512 is relaxGo, eight columns at a time.
//
//go:noescape
func relaxAVX512(row, v, d *float64, pred *int32, flag *uint8, n int, hh float64, i int32, sign float64) (best float64)

// tiesAVX2 is tiesGo with base 0, four columns at a time.
//
//go:noescape
func tiesAVX2(d *float64, flag *uint8, order *int32, n int, level float64) (k int, sink int)

// tiesAVX512 is tiesGo with base 0, eight columns at a time.
//
//go:noescape
func tiesAVX512(d *float64, flag *uint8, order *int32, n int, level float64) (k int, sink int)

// The widest kernel this processor runs, chosen once at start-up; tests
// lower it to compare the kernels.
var vector = func() vectorLevel {
	switch {
	case cpu.X86.HasAVX512F && cpu.X86.HasAVX512VL:
		return vecAVX512
	case cpu.X86.HasAVX2:
		return vecAVX2
	}
	return vecNone
}()

// width returns the number of columns the kernel of this level handles
// at a time (1: the Go loops).
func (l vectorLevel) width() int {
	switch l {
	case vecAVX512:
		return 8
	case vecAVX2:
		return 4
	}
	return 1
}

func relaxRow(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32, sign float64) float64 {
	w := vector.width()
	if w == 1 || len(row) < w {
		return relaxGo(row, v, d, pred, flag, hh, i, sign)
	}
	v, d, pred, flag = v[:len(row)], d[:len(row)], pred[:len(row)], flag[:len(row)]
	k := len(row) &^ (w - 1)
	var best float64
	if w == 8 {
		best = relaxAVX512(&row[0], &v[0], &d[0], &pred[0], &flag[0], k, hh, i, sign)
	} else {
		best = relaxAVX2(&row[0], &v[0], &d[0], &pred[0], &flag[0], k, hh, i, sign)
	}
	if k == len(row) {
		return best
	}
	return min(best, relaxGo(row[k:], v[k:], d[k:], pred[k:], flag[k:], hh, i, sign))
}

func tiesRow(d []float64, flag []uint8, order []int32, level float64) (int, int32) {
	w := vector.width()
	if w == 1 || len(d) < w || len(order) == 0 {
		return tiesGo(d, flag, order, level, 0)
	}
	flag = flag[:len(d)]
	k := len(d) &^ (w - 1)
	var n, sink int
	if w == 8 {
		n, sink = tiesAVX512(&d[0], &flag[0], &order[0], k, level)
	} else {
		n, sink = tiesAVX2(&d[0], &flag[0], &order[0], k, level)
	}
	if k == len(d) {
		return n, int32(sink)
	}
	n2, sink2 := tiesGo(d[k:], flag[k:], order[n:], level, k)
	if sink < 0 {
		sink = int(sink2)
	}
	return n + n2, int32(sink)
}

// cellsAVX2 is scanCells on n values (a multiple of 4), four at a time,
// reporting only whether a bad value is present.
//
//go:noescape
func cellsAVX2(cells *float64, n int, forbid float64) (allowed int, maxAbs float64, frac uint64, bad bool)

// cellsAVX512 is cellsAVX2 with eight values at a time.
//
//go:noescape
func cellsAVX512(cells *float64, n int, forbid float64) (allowed int, maxAbs float64, frac uint64, bad bool)

// checkCells is scanCells with the vector kernels where they run; on a bad
// value the Go loop finds its index.
func checkCells(cells []float64, forbid float64) (allowed int, maxAbs float64, frac uint64, bad int) {
	w := vector.width()
	if w == 1 || len(cells) < w {
		return scanCells(cells, forbid)
	}
	k := len(cells) &^ (w - 1)
	var isBad bool
	if w == 8 {
		allowed, maxAbs, frac, isBad = cellsAVX512(&cells[0], k, forbid)
	} else {
		allowed, maxAbs, frac, isBad = cellsAVX2(&cells[0], k, forbid)
	}
	if isBad {
		return scanCells(cells, forbid)
	}
	a, mx, f, b := scanCells(cells[k:], forbid)
	if b >= 0 {
		return 0, 0, 0, k + b
	}
	return allowed + a, max(maxAbs, mx), frac | f, -1
}

// min2AVX2 returns, in out, the two smallest values of sign·row − v in
// each of four lanes (scan_amd64.s).
//
//go:noescape
func min2AVX2(row, v *float64, n int, sign float64, out *[16]float64)

// min2AVX512 is min2AVX2 with eight lanes.
//
//go:noescape
func min2AVX512(row, v *float64, n int, sign float64, out *[16]float64)

// findAVX2 returns the first two columns where sign·row − v equals val
// and the first of them with spare capacity (scan_amd64.s).
//
//go:noescape
func findAVX2(row, v *float64, flag *uint8, n int, sign, val float64) (first, second, spare int)

// findAVX512 is findAVX2 with eight columns at a time.
//
//go:noescape
func findAVX512(row, v *float64, flag *uint8, n int, sign, val float64) (first, second, spare int)

// best2Row is best2Go with the vector kernels: one pass for the two
// smallest reduced costs, one or two to find their columns.
func best2Row(row, v []float64, flag []uint8, sign, inf float64) (u1, u2 float64, j1, j2 int32) {
	w := vector.width()
	if w == 1 || len(row) < w {
		return best2Go(row, v, flag, sign, inf)
	}
	v, flag = v[:len(row)], flag[:len(row)]
	k := len(row) &^ (w - 1)
	var lanes [16]float64
	if w == 8 {
		min2AVX512(&row[0], &v[0], k, sign, &lanes)
	} else {
		min2AVX2(&row[0], &v[0], k, sign, &lanes)
	}
	u1, u2 = inf, inf
	take := func(h float64) {
		if h < u1 {
			u1, u2 = h, u1
		} else if h < u2 {
			u2 = h
		}
	}
	for l := range w {
		take(lanes[l])
		u2 = min(u2, lanes[8+l])
	}
	for j := k; j < len(row); j++ {
		take(sign*row[j] - v[j])
	}
	if u1 == inf {
		return inf, inf, -1, -1
	}
	find := func(val float64) (first, second, spare int) {
		if w == 8 {
			first, second, spare = findAVX512(&row[0], &v[0], &flag[0], k, sign, val)
		} else {
			first, second, spare = findAVX2(&row[0], &v[0], &flag[0], k, sign, val)
		}
		for j := k; j < len(row) && (second < 0 || spare < 0); j++ {
			if sign*row[j]-v[j] != val {
				continue
			}
			if first < 0 {
				first = j
			} else if second < 0 {
				second = j
			}
			if spare < 0 && flag[j] == flagSpare {
				spare = j
			}
		}
		return
	}
	f1, f2, sp := find(u1)
	j1, j2 = int32(f1), -1
	if sp >= 0 {
		j1 = int32(sp)
	}
	switch {
	case u2 == u1 && j1 == int32(f1):
		j2 = int32(f2)
	case u2 == u1:
		j2 = int32(f1)
	case u2 < inf:
		g, _, _ := find(u2)
		j2 = int32(g)
	}
	return u1, u2, j1, j2
}
