// Package lapm reads and writes the benchmark cost matrices of the
// assignment solver: the binary .lapm format of the benchmark kit and the
// OR-Library assignment files.
//
// A .lapm file is the magic "LAPMAT1\x00", four little-endian uint32 (n,
// m, flags, reserved), then n·m little-endian float64 costs, row-major,
// +Inf marking a forbidden cell. Flag bit 0 says every finite cost is an
// integer, bit 1 that some cell is forbidden.
package lapm

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
)

// Magic starts every .lapm file.
const Magic = "LAPMAT1\x00"

// Flag bits of a .lapm header.
const (
	FlagIntegral  = 1
	FlagForbidden = 2
)

// Matrix is a dense n×m cost matrix, row-major.
type Matrix struct {
	N, M  int
	Flags uint32
	Cost  []float64
}

// Read decodes a .lapm stream.
func Read(r io.Reader) (*Matrix, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var head [24]byte
	if _, err := io.ReadFull(br, head[:]); err != nil {
		return nil, fmt.Errorf("lapm: header: %w", err)
	}
	if string(head[:8]) != Magic {
		return nil, errors.New("lapm: bad magic")
	}
	n := int(binary.LittleEndian.Uint32(head[8:]))
	m := int(binary.LittleEndian.Uint32(head[12:]))
	mat := &Matrix{N: n, M: m, Flags: binary.LittleEndian.Uint32(head[16:]), Cost: allocFloats(n * m)}
	buf := make([]byte, 8*4096)
	for k := 0; k < len(mat.Cost); {
		want := min(len(mat.Cost)-k, 4096)
		if _, err := io.ReadFull(br, buf[:8*want]); err != nil {
			return nil, fmt.Errorf("lapm: costs: %w", err)
		}
		for t := 0; t < want; t++ {
			mat.Cost[k+t] = math.Float64frombits(binary.LittleEndian.Uint64(buf[8*t:]))
		}
		k += want
	}
	return mat, nil
}

// ReadFile reads a .lapm file.
func ReadFile(name string) (*Matrix, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// Write encodes m as a .lapm stream.
func Write(w io.Writer, m *Matrix) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var head [24]byte
	copy(head[:], Magic)
	binary.LittleEndian.PutUint32(head[8:], uint32(m.N))
	binary.LittleEndian.PutUint32(head[12:], uint32(m.M))
	binary.LittleEndian.PutUint32(head[16:], m.Flags)
	if _, err := bw.Write(head[:]); err != nil {
		return err
	}
	var b [8]byte
	for _, c := range m.Cost {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(c))
		if _, err := bw.Write(b[:]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ORLib is an OR-Library assignment instance in compressed sparse row
// form: row i may use column Cols[k] at cost Cost[k] for k in
// Start[i]:Start[i+1]. Dense files list every cell.
type ORLib struct {
	N     int
	Start []int
	Cols  []int
	Cost  []float64
}

// ReadORLib parses an OR-Library assignment file. Dense files ("assign*")
// hold n and then the n·n costs row by row; sparse files ("assignp*") hold
// n and then "i j c" triples with 1-based indices.
func ReadORLib(r io.Reader, sparse bool) (*ORLib, error) {
	sc := bufio.NewScanner(bufio.NewReaderSize(r, 1<<20))
	sc.Split(bufio.ScanWords)
	next := func() (int, error) {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return 0, err
			}
			return 0, io.ErrUnexpectedEOF
		}
		return strconv.Atoi(sc.Text())
	}
	n, err := next()
	if err != nil {
		return nil, fmt.Errorf("orlib: size: %w", err)
	}
	o := &ORLib{N: n, Start: make([]int, n+1)}
	if !sparse {
		o.Cols = make([]int, 0, n*n)
		o.Cost = make([]float64, 0, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				c, err := next()
				if err != nil {
					return nil, fmt.Errorf("orlib: cost (%d, %d): %w", i, j, err)
				}
				o.Cols = append(o.Cols, j)
				o.Cost = append(o.Cost, float64(c))
			}
			o.Start[i+1] = len(o.Cols)
		}
		return o, nil
	}
	var ri, ci []int
	var cs []float64
	for {
		i, err := next()
		if errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("orlib: triple %d: %w", len(ri), err)
		}
		j, err1 := next()
		c, err2 := next()
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("orlib: triple %d: %w", len(ri), err)
		}
		if i < 1 || i > n || j < 1 || j > n {
			return nil, fmt.Errorf("orlib: triple %d: index (%d, %d) outside 1..%d", len(ri), i, j, n)
		}
		ri, ci, cs = append(ri, i-1), append(ci, j-1), append(cs, float64(c))
	}
	for _, i := range ri {
		o.Start[i+1]++
	}
	for i := 0; i < n; i++ {
		o.Start[i+1] += o.Start[i]
	}
	o.Cols = make([]int, len(ri))
	o.Cost = make([]float64, len(ri))
	fill := append([]int(nil), o.Start[:n]...)
	for k, i := range ri {
		o.Cols[fill[i]] = ci[k]
		o.Cost[fill[i]] = cs[k]
		fill[i]++
	}
	return o, nil
}

// Dense returns the instance as a dense matrix, +Inf where no cell is
// listed.
func (o *ORLib) Dense() *Matrix {
	m := &Matrix{N: o.N, M: o.N, Flags: FlagIntegral, Cost: make([]float64, o.N*o.N)}
	for k := range m.Cost {
		m.Cost[k] = math.Inf(1)
	}
	for i := 0; i < o.N; i++ {
		for k := o.Start[i]; k < o.Start[i+1]; k++ {
			m.Cost[i*o.N+o.Cols[k]] = o.Cost[k]
		}
	}
	if len(o.Cols) < o.N*o.N {
		m.Flags |= FlagForbidden
	}
	return m
}
