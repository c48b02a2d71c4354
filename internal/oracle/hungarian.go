package oracle

import "math"

// Forbidden marks a cell that may not be used.
var Forbidden = math.Inf(-1)

// MaxAssign maximises Σ w[i][col[i]] over assignments of every row to a
// distinct column (n ≤ m), with the Hungarian method of shortest augmenting
// paths and potentials, O(n²m). Cells equal to Forbidden are not used; it
// returns ok = false when no assignment of every row exists. With integer
// weights below 2^50 in size the arithmetic, and so the optimum, is exact.
func MaxAssign(w [][]float64) (total float64, col []int, ok bool) {
	n := len(w)
	if n == 0 {
		return 0, nil, true
	}
	m := len(w[0])
	if m < n {
		return 0, nil, false
	}
	// Minimise cost = -w; forbidden cells cost +Inf. 1-based arrays with
	// a virtual column 0, as in the textbook formulation.
	inf := math.Inf(1)
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	p := make([]int, m+1) // row assigned to column j, 0 = none
	way := make([]int, m+1)
	minv := make([]float64, m+1)
	used := make([]bool, m+1)
	// cost[i-1][j-1] = -w, +Inf where forbidden.
	cost := make([][]float64, n)
	for i := range w {
		cost[i] = make([]float64, m)
		for j, x := range w[i] {
			cost[i][j] = -x
		}
	}
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j], used[j] = inf, false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, -1
			ci, ui := cost[i0-1], u[i0]
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				// +Inf - u - v stays +Inf: a forbidden cell never lowers minv.
				if cur := ci[j-1] - ui - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			if j1 < 0 || math.IsInf(delta, 1) {
				return 0, nil, false
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else if !math.IsInf(minv[j], 1) {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	col = make([]int, n)
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			col[p[j]-1] = j - 1
			total += w[p[j]-1][j-1]
		}
	}
	return total, col, true
}

// BruteAssign is MaxAssign by enumeration of every assignment, for n ≤ 8:
// the oracle of the oracle.
func BruteAssign(w [][]float64) (float64, bool) {
	n := len(w)
	if n == 0 {
		return 0, true
	}
	m := len(w[0])
	used := make([]bool, m)
	best, found := math.Inf(-1), false
	var rec func(i int, sum float64)
	rec = func(i int, sum float64) {
		if i == n {
			if !found || sum > best {
				best, found = sum, true
			}
			return
		}
		for j := 0; j < m; j++ {
			if used[j] || math.IsInf(w[i][j], -1) {
				continue
			}
			used[j] = true
			rec(i+1, sum+w[i][j])
			used[j] = false
		}
	}
	rec(0, 0)
	return best, found
}
