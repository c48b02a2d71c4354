//go:build !linux

package lapm

func allocFloats(n int) []float64 { return make([]float64, n) }
