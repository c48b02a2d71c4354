//go:build !amd64

package assign

func (e *denseCore) scanMinRow(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32) (float64, int32, bool, int) {
	return e.scanGo(row, v, d, pred, flag, hh, i, 1)
}

func (e *denseCore) scanMaxRow(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32) (best float64, bj int32, bspare bool, ties int, ok bool) {
	return 0, 0, false, 0, false
}

// useAVX2 is false: no four-column kernel on this platform.
var useAVX2 = false
