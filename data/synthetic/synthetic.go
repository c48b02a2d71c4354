package synthetic

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/stretchmatch/stretchmatch/model"
)

// None, given as a count in [Options], asks for no rows of that kind (any
// negative count does).
const None = -1

// MaxPeople is the largest organisation [Generate] builds.
const MaxPeople = 5_000_000

// MaxRows is the largest number of positions or history pairs [Generate]
// builds.
const MaxRows = 5_000_000

// The limits of the rows that refer to other people.
const (
	// MaxMovesPerPerson is the most candidate moves one person gets.
	MaxMovesPerPerson = 3
	// MaxPreferences is the most mentors one mentee ranks.
	MaxPreferences = 5
	// MaxAvoid is the most mentors one mentee avoids.
	MaxAvoid = 2
)

// pcgStream is the second word of the PCG state; the seed is the first.
const pcgStream = 0x5d1c_7a3e_2f9b_4c61

// Options size the organisation. Zero values take defaults derived from
// People (see [Options.Resolve]); a negative count ([None]) asks for none.
type Options struct {
	// People is the number of people, N ≥ 1. Required.
	People int
	// Seed selects the organisation: the same Options give the same
	// dataset, value for value.
	Seed uint64
	// Positions is the number of open positions; default max(N/25, min(N, 10)).
	Positions int
	// Moves is the number of candidate moves; default 0.4·N. Each person
	// but the top of the organisation gets at most MaxMovesPerPerson, to
	// distinct positions that do not report to them.
	Moves int
	// Mentors is the number of mentors; default N/25.
	Mentors int
	// Mentees is the number of mentees; default N/5. Nobody is both a
	// mentor and a mentee, and the top of the organisation is neither, so
	// Mentors + Mentees ≤ N − 1.
	Mentees int
	// MentorCapacity is every mentor's capacity; 0 (the default) draws each
	// mentor's capacity from 1–3, 2 on average like the product's default
	// capacity. Negative is an error.
	MentorCapacity int
	// History is the number of earlier mentoring pairs; default Mentees/4.
	// It needs mentors, and may not exceed half of the possible pairs
	// (people who are not mentors × mentors).
	History int
}

// count returns the count asked: none for a negative value, def for zero.
func count(v, def int) int {
	switch {
	case v < 0:
		return 0
	case v == 0:
		return def
	}
	return v
}

// Resolve returns the options with every default filled in and every [None]
// turned to 0: the exact number of rows of each kind that [Generate] makes.
// It reports options that make no sense (People < 1, more mentors and
// mentees than people besides the top of the organisation, more moves than
// people and positions allow, history without mentors, …) as an error.
func (o Options) Resolve() (Options, error) {
	n := o.People
	if n < 1 {
		return o, fmt.Errorf("synthetic: People must be at least 1, got %d", n)
	}
	if n > MaxPeople {
		return o, fmt.Errorf("synthetic: People must be at most %d, got %d", MaxPeople, n)
	}
	if o.MentorCapacity < 0 {
		return o, fmt.Errorf("synthetic: MentorCapacity must be ≥ 0 (0 draws 1–3 per mentor), got %d", o.MentorCapacity)
	}
	others := n - 1 // everybody but the top of the organisation
	o.Positions = count(o.Positions, max(n/25, min(n, 10)))
	o.Mentors = count(o.Mentors, n/25)
	o.Mentees = count(o.Mentees, n/5)
	maxMoves := others * min(MaxMovesPerPerson, o.Positions)
	o.Moves = count(o.Moves, min(2*n/5, maxMoves))
	maxHistory := max(0, (others-o.Mentors)*o.Mentors/2)
	o.History = count(o.History, min(o.Mentees/4, maxHistory))

	switch {
	case o.Positions > MaxRows:
		return o, fmt.Errorf("synthetic: Positions must be at most %d, got %d", MaxRows, o.Positions)
	case o.Mentors+o.Mentees > others:
		return o, fmt.Errorf("synthetic: %d mentors and %d mentees need %d people besides the top of the organisation, who is neither, but People is %d",
			o.Mentors, o.Mentees, o.Mentors+o.Mentees, n)
	case o.Moves > 0 && o.Positions == 0:
		return o, fmt.Errorf("synthetic: %d moves need positions, but Positions is none", o.Moves)
	case o.Moves > maxMoves:
		return o, fmt.Errorf("synthetic: %d moves is more than %d: each of the %d people below the top of the organisation has at most %d candidate moves, to distinct positions (Positions is %d)",
			o.Moves, maxMoves, others, MaxMovesPerPerson, o.Positions)
	case o.History > 0 && o.Mentors == 0:
		return o, fmt.Errorf("synthetic: %d history pairs need mentors, but Mentors is none", o.History)
	case o.History > min(maxHistory, MaxRows):
		return o, fmt.Errorf("synthetic: %d history pairs is more than %d, half of the possible pairs of the %d people who are not mentors with the %d mentors",
			o.History, min(maxHistory, MaxRows), others-o.Mentors, o.Mentors)
	}
	return o, nil
}

// Generate builds the organisation described by opt. The same options give
// the same dataset; every row is valid and every reference resolves (see
// the package documentation for the invariants). The only errors are
// options that make no sense ([Options.Resolve]) and moves that do not fit
// the positions, which can only happen when Moves asks for nearly every
// possible move.
func Generate(opt Options) (*model.Dataset, error) {
	opt, err := opt.Resolve()
	if err != nil {
		return nil, err
	}
	g := &gen{r: rand.New(rand.NewPCG(opt.Seed, pcgStream)), opt: opt, n: opt.People}
	g.tree()
	g.grades()
	g.places()
	g.nameTeams()
	ds := &model.Dataset{People: g.people()}
	ds.Positions = g.positions()
	if ds.Moves, err = g.moves(); err != nil {
		return nil, err
	}
	ds.Mentors = g.mentors()
	ds.Mentees = g.mentees()
	ds.History = g.history()
	return ds, nil
}

// node is one person while the organisation is built. The people form a
// tree in breadth-first order: a manager has a smaller index than their
// reports, and the reports of one manager have consecutive indices.
type node struct {
	parent int32 // index of the manager, -1 at the top
	size   int32 // people in the subtree, the person included
	first  int32 // index of the first direct report
	span   int32 // number of direct reports
	lead   int32 // index in gen.teams of the team the person leads, -1 for none
	height int16 // levels below the person: 0 for an individual contributor
	depth  int16 // levels above the person: 0 at the top
	grade  int16
	pl     int16 // product line, index in the division's list; -1 for none
	div    int8  // division, index in gen.divs
	fn     int8  // function, index in functions
	cty    int8  // country, index in countries
	city   int8  // city, index in the country's cities
	hq     bool  // site type hq (else field)
	line   bool  // role kind line (else staff)
}

// job is one open position while the dataset is built.
type job struct {
	mgr           int32
	grade, head   int32
	pl            int16
	div, fn, cty  int8
	city          int8
	hq, line      bool
	newRole, crit bool
}

// gen holds the state of one generation.
type gen struct {
	r   *rand.Rand
	opt Options
	n   int
	ps  []node
	// heads tells whether the chief executive's reports are division heads
	// (every organisation of more than 10 people).
	heads bool
	divs  []int // divisions in use, as indices in divisions; divs[0] is Corporate
	divHQ []place
	teams []string

	pid, posID []string // ids of people and positions
	jobs       []job
	managed    []int32 // positions reporting to each person
	moveCount  []int8  // candidate moves of each person
	moverOrder []int   // people in the random order movers were drawn
	target     []int32 // first target position of each person, -1 for none
	role       []uint8 // roleMentor, roleMentee or 0 for each person
	mentorIdx  []int32 // mentors, by increasing index
	menteeIdx  []int32 // mentees, by increasing index
	langs      [][]string
}

// place is a country and one of its cities.
type place struct{ cty, city int8 }

// Roles in the mentoring programme.
const (
	roleMentor = 1 + iota
	roleMentee
)

// Classes of candidate moves, by how far the target is from the current job.
const (
	classNear    = iota // same division, function and country, at most one grade up
	classStretch        // one or two big changes
	classFar            // three or more big changes
)

// table is a weighted choice among the indices of its weights.
type table []int // cumulative weights

func newTable(w ...int) table {
	t := make(table, len(w))
	sum := 0
	for i, x := range w {
		sum += x
		t[i] = sum
	}
	return t
}

// pick returns an index drawn with probability proportional to its weight.
func (t table) pick(r *rand.Rand) int {
	x := r.IntN(t[len(t)-1]) + 1
	i, _ := slices.BinarySearch(t, x)
	return i
}

var (
	countryTable = func() table {
		w := make([]int, len(countries))
		for i, c := range countries {
			w[i] = c.weight
		}
		return newTable(w...)
	}()
	fnTable     = functionTable(false)
	fnCorpTable = functionTable(true)
	// originTables[c] draws the origin of a name in country c.
	originTables = func() []table {
		out := make([]table, len(countries))
		for c := range countries {
			w := make([]int, numOrigins)
			for _, o := range countries[c].origins {
				w[o.i] = o.w
			}
			out[c] = newTable(w...)
		}
		return out
	}()
	maxCities = func() int {
		m := 0
		for _, c := range countries {
			m = max(m, len(c.cities))
		}
		return m
	}()

	spanTable     = newTable(10, 16, 20, 18, 14, 12, 10) // spans 4–10 of managers of managers
	icGradeTable  = newTable(15, 30, 30, 18, 7)          // grades 3–7 of individual contributors
	noiseTable    = newTable(1, 2, 1)                    // −1, 0, +1
	movesTable    = newTable(40, 35, 25)                 // 1–3 moves per person
	classTable    = newTable(30, 54, 16)                 // near, stretch, far
	nearTable     = newTable(45, 35, 15, 5)              // ratings 1–4 of near moves
	deltaTable    = newTable(8, 22, 40, 22, 8)           // rating −2…+2 around the class
	obstacleTable = newTable(25, 30, 25, 12, 8)          // obstacle ratings 1–5
	supportTable  = newTable(8, 17, 35, 28, 12)          // support 1–5
	orientTable   = newTable(4, 12, 32, 36, 16)          // learning orientation 1–5
	heldIC        = newTable(45, 30, 18, 7)              // 0–3 past functions
	heldManager   = newTable(20, 35, 30, 15)
	needsTable    = newTable(30, 35, 25, 10)         // 1–4 needs
	prefsTable    = newTable(35, 15, 15, 15, 10, 10) // 0–5 preferences
	avoidTable    = newTable(85, 10, 5)              // 0–2 avoided mentors
	tagKindTable  = newTable(40, 35, 25)             // flag, criterion, free tag
)

func functionTable(corporate bool) table {
	w := make([]int, len(functions))
	for i, f := range functions {
		if corporate {
			w[i] = f.wCorp
		} else {
			w[i] = f.weight
		}
	}
	return newTable(w...)
}

// chance reports true with probability pct/100.
func (g *gen) chance(pct int) bool { return g.r.IntN(100) < pct }

// divisionTarget is the number of divisions of an organisation of n
// people: 5 for small ones, growing slowly to 12.
func divisionTarget(n int) int {
	d := int(math.Round(1.6*math.Log10(float64(n)) + 1.5))
	return min(max(d, 5), maxDivisions)
}

// tree builds the management tree: sizes are decided top-down, so that
// every subtree gets the number of people planned for it, and indices are
// handed out in breadth-first order.
func (g *gen) tree() {
	n := g.n
	g.ps = make([]node, n)
	ps := g.ps
	ps[0] = node{parent: -1, size: int32(n)}
	g.divs = []int{0} // Corporate, until the top's reports found divisions
	next := int32(1)
	var sizes []int32
	for v := 0; v < n; v++ {
		c := int(ps[v].size) - 1
		if c == 0 {
			continue
		}
		if v == 0 {
			sizes = g.topSizes(sizes[:0], c)
		} else {
			sizes = g.reportSizes(sizes[:0], c)
		}
		ps[v].first, ps[v].span = next, int32(len(sizes))
		for _, s := range sizes {
			ps[next] = node{parent: int32(v), size: s, depth: ps[v].depth + 1}
			next++
		}
	}
	for v := n - 1; v > 0; v-- {
		p := ps[v].parent
		ps[p].height = max(ps[p].height, ps[v].height+1)
	}
}

// topSizes returns the sizes of the subtrees of the chief executive's
// reports, c people in all: the heads of the divisions, each with at least
// 5 people, the corporate division the smallest; or, in an organisation
// too small for divisions, c individual contributors.
func (g *gen) topSizes(out []int32, c int) []int32 {
	d := min(divisionTarget(g.n), c/5)
	if d < 2 {
		return ones(out, c)
	}
	g.heads = true
	g.divs = append(make([]int, 0, d), 0)
	for _, i := range g.r.Perm(maxDivisions - 1)[:d-1] {
		g.divs = append(g.divs, i+1)
	}
	w := make([]float64, d)
	w[0] = 0.35 + 0.3*g.r.Float64()
	for i := 1; i < d; i++ {
		w[i] = 0.6 + 0.8*g.r.Float64()
	}
	return splitMin(out, c, w, 5)
}

// reportSizes returns the sizes of the subtrees of the direct reports of a
// manager below the top with c people under them. Up to 8–15 people form
// a single team of individual contributors; more are split among 4–10
// reports, most of them managers of at least 4 people, some individual
// contributors.
func (g *gen) reportSizes(out []int32, c int) []int32 {
	b := 8 + g.r.IntN(3)
	if g.r.IntN(5) == 0 {
		b = 11 + g.r.IntN(5)
	}
	if c <= b {
		return ones(out, c)
	}
	s := 4 + spanTable.pick(g.r)
	// Managers among the s reports: teams of about 7 or more below them,
	// never fewer than 5 people in a manager's subtree.
	k := min(s, (c-s)/6)
	if k <= 0 {
		return ones(out, c)
	}
	ic := s - k
	if ic == 0 && s < 10 && c-1 >= 5*k && g.r.IntN(5) == 0 {
		ic = 1 // an assistant or an analyst beside the managers
	}
	w := make([]float64, k)
	for i := range w {
		w[i] = 0.7 + 0.6*g.r.Float64()
	}
	out = splitMin(out, c-ic, w, 5)
	out = ones(out, ic)
	g.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// ones appends k subtrees of one person.
func ones(out []int32, k int) []int32 {
	for range k {
		out = append(out, 1)
	}
	return out
}

// splitMin appends len(w) parts of at least lo that sum to total
// (total ≥ lo·len(w)), in proportion to the weights w beyond lo.
func splitMin(out []int32, total int, w []float64, lo int) []int32 {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	extra := total - lo*len(w)
	start, given := len(out), 0
	for _, x := range w {
		p := int(float64(extra) * x / sum)
		given += p
		out = append(out, int32(lo+p))
	}
	for i := 0; given < extra; i = (i + 1) % len(w) {
		out[start+i]++
		given++
	}
	return out
}

// grades gives every person a grade: the chief executive max(16, levels),
// a manager about 4.5 + 2.2·log6(subtree size), an individual contributor
// 3–7, with noise; always below their manager's grade and above the number
// of levels under them, so every manager outranks each of their reports.
func (g *gen) grades() {
	ps := g.ps
	ps[0].grade = max(16, ps[0].height+1)
	for v := 1; v < g.n; v++ {
		x := &ps[v]
		var want int
		if x.span > 0 {
			want = int(math.Round(4.5+2.2*math.Log(float64(x.size))/math.Log(6))) + noiseTable.pick(g.r) - 1
		} else {
			want = 3 + icGradeTable.pick(g.r)
		}
		lo, hi := int(x.height)+1, int(ps[x.parent].grade)-1
		x.grade = int16(min(max(want, lo), hi))
	}
}

// places gives every person a division, function, country, city, product
// line, role kind and site type. Division heads found their division;
// below them, people mostly share their manager's function, country, city
// and product line.
func (g *gen) places() {
	ps := g.ps
	ps[0].pl, ps[0].fn, ps[0].cty, ps[0].hq, ps[0].line = -1, fnGM, countryFR, true, true
	g.divHQ = make([]place, len(g.divs))
	for v := 1; v < g.n; v++ {
		x := &ps[v]
		p := &ps[x.parent]
		if g.heads && x.depth == 1 {
			d := v - 1 // the chief executive's reports head the divisions in order
			x.div, x.fn, x.pl, x.hq, x.line = int8(d), fnGM, -1, true, true
			switch {
			case d == 0:
			case g.chance(40):
				x.city = int8(g.r.IntN(3))
			default:
				x.cty = int8(countryTable.pick(g.r))
			}
			g.divHQ[d] = place{x.cty, x.city}
			continue
		}
		x.div = p.div
		if p.fn == fnGM || g.chance(15) {
			x.fn = int8(g.drawFunction(int(x.div)))
		} else {
			x.fn = p.fn
		}
		x.cty = p.cty
		if x.depth == 2 && g.chance(45) || x.depth != 2 && g.chance(5) {
			x.cty = int8(countryTable.pick(g.r))
		}
		cities := len(countries[x.cty].cities)
		switch {
		case x.cty != p.cty, x.depth <= 3 && g.chance(35), g.chance(15):
			x.city = int8(g.r.IntN(cities))
		default:
			x.city = p.city
		}
		pls := divisions[g.divs[x.div]].productLines
		switch {
		case len(pls) == 0:
			x.pl = -1
		case p.pl < 0 && p.depth >= 2 && !functions[x.fn].line:
			x.pl = -1
		case p.pl < 0 || g.chance(5):
			x.pl = int16(g.r.IntN(len(pls)))
			if !functions[x.fn].line && g.chance(40) {
				x.pl = -1
			}
		default:
			x.pl = p.pl
		}
		x.line = functions[x.fn].line != g.chance(8)
		x.hq = g.atHQ(int(x.div), x.cty, x.city, int(x.fn), int(x.depth))
	}
}

// drawFunction draws a function for a person or position of division div.
func (g *gen) drawFunction(div int) int {
	if g.divs[div] == 0 {
		return fnCorpTable.pick(g.r)
	}
	return fnTable.pick(g.r)
}

// atHQ tells whether a job at the given place is a head-office (hq) job:
// it must be at the group's or the division's head office, and field
// functions there are mostly field jobs below the top levels.
func (g *gen) atHQ(div int, cty, city int8, fn, depth int) bool {
	h := g.divHQ[div]
	if (cty != h.cty || city != h.city) && (cty != countryFR || city != 0) {
		return false
	}
	if functions[fn].field && depth >= 3 {
		return g.chance(30)
	}
	return true
}

// nameTeams names the team every manager leads ("Lyon Sales 12"): the
// people who report to a manager form that manager's team.
func (g *gen) nameTeams() {
	ps := g.ps
	counters := make([]int32, len(countries)*maxCities*len(functions))
	var a arena
	for v := range ps {
		x := &ps[v]
		x.lead = -1
		if x.span == 0 {
			continue
		}
		x.lead = int32(len(a.ends))
		switch {
		case v == 0:
			a.str("Executive Committee")
		case g.heads && x.depth == 1:
			a.str(divisions[g.divs[x.div]].name)
			a.str(" Leadership Team")
		default:
			k := (int(x.cty)*maxCities+int(x.city))*len(functions) + int(x.fn)
			counters[k]++
			a.str(countries[x.cty].cities[x.city])
			a.str(" ")
			a.str(functions[x.fn].name)
			a.str(" ")
			a.num(int(counters[k]))
		}
		a.end()
	}
	g.teams = a.strings()
}

// teamOf returns the team of person v: the team their manager leads (the
// team the chief executive leads, for the chief executive).
func (g *gen) teamOf(v int) string {
	m := v
	if v > 0 {
		m = int(g.ps[v].parent)
	}
	if t := g.ps[m].lead; t >= 0 {
		return g.teams[t]
	}
	return ""
}

// people returns the rows of people.csv.
func (g *gen) people() []model.Person {
	n, ps := g.n, g.ps
	g.pid = fixedIDs("S", n, 6)
	out := make([]model.Person, n)
	var names arena
	names.buf = make([]byte, 0, 16*n)
	langs := make([]string, 0, 2*n+4)
	held := make([]string, 0, n+4)
	g.langs = make([][]string, n)
	for v := range ps {
		x := &ps[v]
		p := &out[v]
		p.ID = g.pid[v]
		if v > 0 {
			p.ManagerID = g.pid[x.parent]
		}
		p.Division = divisions[g.divs[x.div]].name
		p.Function = functions[x.fn].name
		c := &countries[x.cty]
		p.Country = c.code
		p.SiteType = pick(x.hq, "hq", "field")
		p.RoleKind = pick(x.line, "line", "staff")
		if x.pl >= 0 {
			p.ProductLine = divisions[g.divs[x.div]].productLines[x.pl]
		}
		p.Team = g.teamOf(v)
		p.Grade = model.Int(int(x.grade))
		p.Headcount = model.Int(int(x.size) - 1)

		switch r := g.r.IntN(100); {
		case r < 2:
		case r < 50:
			p.Gender = "F"
		default:
			p.Gender = "M"
		}
		g.name(&names, originTables[x.cty].pick(g.r), p.Gender)

		start := len(langs)
		langs = append(langs, c.langs...)
		if !slices.Contains(langs[start:], "en") && (x.grade >= 9 && g.chance(95) || g.chance(65)) {
			langs = append(langs, "en")
		}
		if g.chance(8) {
			if l := extraLanguages[g.r.IntN(len(extraLanguages))]; !slices.Contains(langs[start:], l) {
				langs = append(langs, l)
			}
		}
		p.Languages = langs[start:len(langs):len(langs)]
		g.langs[v] = p.Languages

		ht := heldIC
		if x.span > 0 {
			ht = heldManager
		}
		start = len(held)
		for k := ht.pick(g.r); k > 0; k-- {
			f := functions[1+g.r.IntN(len(functions)-1)].name
			if f != p.Function && !slices.Contains(held[start:], f) {
				held = append(held, f)
			}
		}
		if len(held) > start {
			p.FunctionsHeld = held[start:len(held):len(held)]
		}

		if g.chance(85) {
			lo := float64(1 + orientTable.pick(g.r))
			if g.chance(20) {
				if lo < 5 {
					lo += 0.5
				} else {
					lo -= 0.5
				}
			}
			p.LearningOrientation = model.Float(lo)
		}
		p.Line = v + 2
	}
	for v, s := range names.strings() {
		out[v].Name = s
	}
	return out
}

// name writes a full name of origin oi for a person of the given gender:
// a first name and a last name, the last name now and then from another
// origin (mixed families), often two of them for Spanish and Portuguese
// names, sometimes hyphenated for French ones.
func (g *gen) name(a *arena, oi int, gender string) {
	o := &origins[oi]
	first := o.male
	if gender == "F" || gender == "" && g.chance(50) {
		first = o.female
	}
	a.str(first[g.r.IntN(len(first))])
	a.str(" ")
	lasts := o.last
	if g.chance(12) {
		lasts = origins[g.r.IntN(numOrigins)].last
	}
	last := lasts[g.r.IntN(len(lasts))]
	a.str(last)
	switch {
	case (oi == oES || oi == oPT) && g.chance(50):
		a.str(" ")
	case oi == oFR && g.chance(4):
		a.str("-")
	default:
		a.end()
		return
	}
	second := o.last[g.r.IntN(len(o.last))]
	if second == last {
		second = o.last[(slices.Index(o.last, last)+1)%len(o.last)]
	}
	a.str(second)
	a.end()
}

func pick(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// positions returns the rows of positions.csv: open jobs reporting to
// existing managers (to the chief executive when nobody else manages),
// mostly in the manager's division, function, country and team.
func (g *gen) positions() []model.Position {
	count := g.opt.Positions
	if count == 0 {
		return nil
	}
	ps := g.ps
	var managers []int32
	for v := 1; v < g.n; v++ {
		if ps[v].span > 0 {
			managers = append(managers, int32(v))
		}
	}
	if len(managers) == 0 {
		managers = append(managers, 0)
	}
	g.posID = fixedIDs("P", count, 5)
	g.jobs = make([]job, count)
	g.managed = make([]int32, g.n)
	out := make([]model.Position, count)
	var titles arena
	for j := range out {
		m := managers[g.r.IntN(len(managers))]
		mx := &ps[m]
		g.managed[m]++
		q := &g.jobs[j]
		q.mgr, q.div, q.pl = m, mx.div, mx.pl
		if mx.fn == fnGM || g.chance(20) {
			q.fn = int8(g.drawFunction(int(q.div)))
		} else {
			q.fn = mx.fn
		}
		q.cty, q.city = mx.cty, mx.city
		if g.chance(15) {
			q.cty = int8(countryTable.pick(g.r))
		}
		if q.cty != mx.cty || g.chance(15) {
			q.city = int8(g.r.IntN(len(countries[q.cty].cities)))
		}
		pls := divisions[g.divs[q.div]].productLines
		if q.pl < 0 && len(pls) > 0 && functions[q.fn].line {
			q.pl = int16(g.r.IntN(len(pls)))
		}
		q.line = functions[q.fn].line != g.chance(8)
		q.hq = g.atHQ(int(q.div), q.cty, q.city, int(q.fn), int(mx.depth)+1)

		const (
			individual = iota
			manager
			teamLead
		)
		kind := individual
		sub := g.managerReport(int(m))
		switch {
		case sub >= 0 && g.chance(60):
			kind = manager
			s := &ps[sub]
			q.grade = int32(s.grade)
			q.head = int32(max(3, int(math.Round(float64(s.size-1)*(0.7+0.6*g.r.Float64())))))
			q.newRole, q.crit = g.chance(10), g.chance(35)
		case sub < 0 && mx.span > 0 && g.chance(10):
			kind = teamLead
			q.grade = int32(mx.grade) - 1
			q.head = int32(3 + g.r.IntN(4))
			q.newRole, q.crit = g.chance(50), g.chance(20)
		default:
			q.grade = int32(max(1, int(mx.grade)-1-g.r.IntN(3)))
			q.newRole, q.crit = g.chance(14), g.chance(17)
		}
		q.grade = max(q.grade, 1)

		fname := functions[q.fn].name
		switch {
		case kind == teamLead:
			titles.str(fname)
			titles.str(" Team Lead")
		case kind == manager && q.grade >= 12:
			titles.str(fname)
			titles.str(" Director")
		case kind == manager && q.grade >= 9:
			titles.str("Head of ")
			titles.str(fname)
		case kind == manager:
			titles.str(fname)
			titles.str(" Manager")
		default:
			if q.grade >= 6 && g.chance(50) {
				titles.str("Senior ")
			}
			ts := functions[q.fn].titles
			titles.str(ts[g.r.IntN(len(ts))])
		}
		titles.str(", ")
		titles.str(countries[q.cty].cities[q.city])
		titles.end()

		openings := 1
		if kind == individual {
			switch r := g.r.IntN(100); {
			case r < 7:
				openings = 3
			case r < 20:
				openings = 2
			}
		}
		p := &out[j]
		*p = model.Position{
			ID: g.posID[j], ManagerID: g.pid[m],
			Division: divisions[g.divs[q.div]].name, Function: fname,
			Country: countries[q.cty].code, SiteType: pick(q.hq, "hq", "field"),
			RoleKind: pick(q.line, "line", "staff"), Team: "",
			Grade: model.Int(int(q.grade)), Headcount: model.Int(int(q.head)),
			NewRole: q.newRole, Critical: q.crit, Openings: openings,
			Line: j + 2,
		}
		if q.pl >= 0 {
			p.ProductLine = pls[q.pl]
		}
		if t := mx.lead; t >= 0 {
			p.Team = g.teams[t]
		}
	}
	for j, s := range titles.strings() {
		out[j].Title = s
	}
	return out
}

// managerReport returns a direct report of m who manages people, drawn at
// random, or -1 when m manages none.
func (g *gen) managerReport(m int) int {
	x := &g.ps[m]
	if x.span == 0 {
		return -1
	}
	off := g.r.IntN(int(x.span))
	for k := range int(x.span) {
		c := int(x.first) + (off+k)%int(x.span)
		if g.ps[c].span > 0 {
			return c
		}
	}
	return -1
}

// moves returns the rows of moves.csv, grouped by person in the order of
// people.csv. Movers are drawn at random among everybody but the top of
// the organisation and get 1–3 moves each (more only when Moves asks for
// it), proposed by their manager. Targets are drawn at three distances —
// near (same division, function and country, at most a grade up), stretch
// (one or two big changes) and far (three or more) — and the manager's
// ratings follow the distance, so that the moves spread over the comfort,
// stretch and overstretch bands.
func (g *gen) moves() ([]model.Move, error) {
	total := g.opt.Moves
	if total == 0 {
		return nil, nil
	}
	n, ps, P := g.n, g.ps, len(g.jobs)
	capOf := func(v int) int { return min(MaxMovesPerPerson, P-int(g.managed[v])) }
	g.moveCount = make([]int8, n)
	g.moverOrder = g.r.Perm(n - 1)
	for i := range g.moverOrder {
		g.moverOrder[i]++
	}
	left := total
	for _, v := range g.moverOrder {
		if left == 0 {
			break
		}
		c := min(capOf(v), 1+movesTable.pick(g.r), left)
		g.moveCount[v] = int8(c)
		left -= c
	}
	for _, v := range g.moverOrder {
		if left == 0 {
			break
		}
		c := min(capOf(v)-int(g.moveCount[v]), left)
		g.moveCount[v] += int8(c)
		left -= c
	}
	if left > 0 {
		return nil, fmt.Errorf("synthetic: %d moves do not fit: people cannot move to positions that report to them, which leaves room for %d", total, total-left)
	}

	nf := len(functions)
	byDiv := make([][]int32, len(g.divs))
	byDivFn := make([][]int32, len(g.divs)*nf)
	for j := range g.jobs {
		q := &g.jobs[j]
		byDiv[q.div] = append(byDiv[q.div], int32(j))
		byDivFn[int(q.div)*nf+int(q.fn)] = append(byDivFn[int(q.div)*nf+int(q.fn)], int32(j))
	}

	g.target = make([]int32, n)
	for i := range g.target {
		g.target[i] = -1
	}
	out := make([]model.Move, 0, total)
	w := len(g.pid[0]) + 1 + len(g.posID[0])
	idBuf := make([]byte, 0, total*w)
	for v := 1; v < n; v++ {
		c := int(g.moveCount[v])
		if c == 0 {
			continue
		}
		x := &ps[v]
		var taken [MaxMovesPerPerson]int32
		for k := range c {
			class := classTable.pick(g.r)
			best, bestCost := int32(-1), math.MaxInt
			try := func(j int32) {
				if g.jobs[j].mgr == int32(v) || slices.Contains(taken[:k], j) {
					return
				}
				if cost := g.cost(class, x, &g.jobs[j]); cost < bestCost {
					best, bestCost = j, cost
				}
			}
			draw := func(pool []int32, tries int) {
				for range tries {
					if pool == nil {
						try(int32(g.r.IntN(P)))
					} else if len(pool) > 0 {
						try(pool[g.r.IntN(len(pool))])
					}
				}
			}
			switch class {
			case classNear:
				draw(byDivFn[int(x.div)*nf+int(x.fn)], 6)
				draw(byDiv[x.div], 2)
			case classStretch:
				draw(byDiv[x.div], 4)
				draw(nil, 4)
			default:
				draw(nil, 8)
			}
			if best < 0 {
				// Every draw was taken or reports to v: walk all positions.
				for s, i := g.r.IntN(P), 0; best < 0 && i < P; i++ {
					try(int32((s + i) % P))
				}
			}
			taken[k] = best
			if k == 0 {
				g.target[v] = best
			}
			q := &g.jobs[best]
			mv := model.Move{PersonID: g.pid[v], PositionID: g.posID[best], ProposedBy: g.pid[x.parent], Line: len(out) + 2}
			g.rate(&mv, g.distance(x, q), q)
			out = append(out, mv)
			idBuf = append(idBuf, g.pid[v]...)
			idBuf = append(idBuf, '>')
			idBuf = append(idBuf, g.posID[best]...)
		}
	}
	ids := string(idBuf)
	for i := range out {
		out[i].ID = ids[i*w : (i+1)*w]
	}
	return out, nil
}

// bigChanges returns the number of big changes between the job of x and
// position q — division, function, country, role kind, a jump of two
// grades or more — and the grade difference.
func bigChanges(x *node, q *job) (changes, up int) {
	up = int(q.grade) - int(x.grade)
	changes = b2i(x.div != q.div) + b2i(x.fn != q.fn) + b2i(x.cty != q.cty) + b2i(x.line != q.line) + b2i(up >= 2)
	return changes, up
}

// cost tells how far position q is from what a move of the class wants for
// person x: 0 is a perfect fit.
func (g *gen) cost(class int, x *node, q *job) int {
	t, up := bigChanges(x, q)
	switch class {
	case classNear:
		return 4*t + abs(2*up-1) + b2i(x.hq != q.hq) + b2i(x.pl != q.pl)
	case classStretch:
		c := 0
		if t == 0 {
			c += 3
		}
		if t > 2 {
			c += 3 * (t - 2)
		}
		if up < 0 {
			c -= 2 * up
		}
		if up > 2 {
			c += up - 2
		}
		if x.size == 1 && q.head > 0 && x.cty != q.cty && x.fn != q.fn {
			c += 3 // first management role abroad in a new function
		}
		return c
	default:
		c := 2 * max(0, 3-t)
		if up < 1 {
			c += 1 - up
		}
		return c
	}
}

// distance returns the class of the move of x to q as it turned out.
func (g *gen) distance(x *node, q *job) int {
	t, up := bigChanges(x, q)
	switch {
	case t == 0 && up <= 1:
		return classNear
	case t >= 3:
		return classFar
	}
	return classStretch
}

// rate fills the manager's ratings of a move of the given class to q: about
// 1.8 for near moves, 3 for stretch, 4 for far ones, higher where the target
// job shows it (critical, new role, line management, staff), the obstacle
// items on their own; each criterion left empty one time in five. Support
// is given three times in four, a note about one time in seven.
func (g *gen) rate(mv *model.Move, class int, q *job) {
	for i := range model.Catalog {
		if model.Catalog[i].Source != model.SourceRated || g.r.IntN(5) == 0 {
			continue
		}
		var v int
		switch {
		case i == model.BossExtreme, i == model.SomethingMissing:
			v = 1 + obstacleTable.pick(g.r)
		case class == classNear:
			v = 1 + nearTable.pick(g.r)
		default:
			v = 2 + class + deltaTable.pick(g.r) - 2 // about 3 for stretch, 4 for far
		}
		switch {
		case i == model.FailureVisible && q.crit,
			i == model.TeamBuilding && q.newRole && q.head > 0,
			i == model.TakeCharge && q.line && q.head > 0,
			i == model.InfluenceWithoutAuthority && !q.line,
			i == model.Ambiguity && q.newRole:
			v++
		}
		mv.Ratings[i] = model.Float(float64(min(max(v, 1), 5)))
	}
	if g.r.IntN(4) > 0 {
		mv.Support = model.Float(float64(1 + supportTable.pick(g.r)))
	}
	if g.chance(15) {
		mv.Note = notes[g.r.IntN(len(notes))]
	}
}

// mentors returns the rows of mentors.csv, in the order of people.csv:
// people drawn among those whose grade is at least the median grade of
// everybody below the top (among the most senior, when Mentors asks for
// more), never the top of the organisation.
func (g *gen) mentors() []model.Mentor {
	k := g.opt.Mentors
	g.role = make([]uint8, g.n)
	if k == 0 {
		return nil
	}
	order, median := g.bySeniority()
	pool := 0
	for pool < len(order) && int(g.ps[order[pool]].grade) >= median {
		pool++
	}
	chosen := sample(g.r, order[:max(pool, k)], k)
	slices.Sort(chosen)
	g.mentorIdx = chosen

	out := make([]model.Mentor, k)
	tags := make([]string, 0, 4*k)
	langs := make([]string, 0, k)
	for i, v := range chosen {
		g.role[v] = roleMentor
		m := &out[i]
		m.PersonID = g.pid[v]
		m.Capacity = g.opt.MentorCapacity
		if m.Capacity == 0 {
			m.Capacity = 1 + g.r.IntN(3)
		}
		start := len(tags)
		for range 2 + g.r.IntN(5) {
			if t := g.tag(); !slices.Contains(tags[start:], t) {
				tags = append(tags, t)
			}
		}
		m.Experience = tags[start:len(tags):len(tags)]
		if g.chance(25) {
			start = len(langs)
			langs = append(langs, g.langs[v]...)
			if l := extraLanguages[g.r.IntN(len(extraLanguages))]; g.chance(50) && !slices.Contains(langs[start:], l) {
				langs = append(langs, l)
			}
			m.Languages = langs[start:len(langs):len(langs)]
		}
		m.Available = g.chance(92)
		m.Line = i + 2
	}
	return out
}

// bySeniority returns everybody below the top by decreasing grade, then
// increasing index, and the median of their grades (the lower one).
func (g *gen) bySeniority() ([]int32, int) {
	ps := g.ps
	top := int(ps[0].grade)
	at := make([]int, top+2) // at[gr] = first place of grade gr in the order
	for v := 1; v < g.n; v++ {
		at[ps[v].grade]++
	}
	sum := 0
	for gr := top; gr >= 0; gr-- {
		c := at[gr]
		at[gr] = sum
		sum += c
	}
	order := make([]int32, g.n-1)
	for v := 1; v < g.n; v++ {
		gr := ps[v].grade
		order[at[gr]] = int32(v)
		at[gr]++
	}
	median := 0
	if len(order) > 0 {
		median = int(ps[order[len(order)/2]].grade)
	}
	return order, median
}

// sample returns k elements of pool drawn at random without repeats,
// reordering pool.
func sample(r *rand.Rand, pool []int32, k int) []int32 {
	for i := range k {
		j := i + r.IntN(len(pool)-i)
		pool[i], pool[j] = pool[j], pool[i]
	}
	return slices.Clone(pool[:k])
}

// tag draws a tag of the mentoring vocabulary: a move flag, a criterion id
// or a free tag.
func (g *gen) tag() string {
	switch tagKindTable.pick(g.r) {
	case 0:
		return model.Flags[g.r.IntN(model.NumFlags)].ID
	case 1:
		return model.Catalog[g.r.IntN(model.NumCriteria)].ID
	}
	return freeTags[g.r.IntN(len(freeTags))]
}

// mentees returns the rows of mentees.csv, in the order of people.csv:
// about 60% of them people with candidate moves, the others anyone who is
// neither a mentor nor the top of the organisation.
func (g *gen) mentees() []model.Mentee {
	k := g.opt.Mentees
	if k == 0 {
		return nil
	}
	var movers, others []int32
	for _, v := range g.moverOrder {
		if g.moveCount[v] > 0 && g.role[v] == 0 {
			movers = append(movers, int32(v))
		}
	}
	for v := 1; v < g.n; v++ {
		if g.role[v] == 0 && (g.moveCount == nil || g.moveCount[v] == 0) {
			others = append(others, int32(v))
		}
	}
	fromMovers := min(len(movers), int(math.Round(0.6*float64(k))))
	fromOthers := min(len(others), k-fromMovers)
	fromMovers = k - fromOthers
	chosen := append(slices.Clone(movers[:fromMovers]), sample(g.r, others, fromOthers)...)
	slices.Sort(chosen)
	g.menteeIdx = chosen

	nm := len(g.mentorIdx)
	popular := g.r.Perm(nm) // mentors by popularity: the first are asked most
	out := make([]model.Mentee, k)
	tags := make([]string, 0, 3*k)
	ids := make([]string, 0, 2*k)
	for i, v := range chosen {
		g.role[v] = roleMentee
		m := &out[i]
		m.PersonID = g.pid[v]

		start := len(tags)
		if t := g.moveNeed(int(v)); t != "" && g.chance(60) {
			tags = append(tags, t)
		}
		for want := 1 + needsTable.pick(g.r); len(tags)-start < want; {
			if t := g.tag(); !slices.Contains(tags[start:], t) {
				tags = append(tags, t)
			}
		}
		m.Needs = tags[start:len(tags):len(tags)]

		// Preferences, then avoid: both drawn without repeats from one
		// run of ids, so that the two lists are disjoint.
		prefStart := len(ids)
		for range min(prefsTable.pick(g.r), nm) {
			ids = g.appendMentor(ids, prefStart, func() int {
				u := g.r.Float64()
				return popular[int(float64(nm)*u*u)]
			})
		}
		avoidStart := len(ids)
		for range min(avoidTable.pick(g.r), nm-(avoidStart-prefStart)) {
			ids = g.appendMentor(ids, prefStart, func() int { return g.r.IntN(nm) })
		}
		if avoidStart > prefStart {
			m.Preferences = ids[prefStart:avoidStart:avoidStart]
		}
		if len(ids) > avoidStart {
			m.Avoid = ids[avoidStart:len(ids):len(ids)]
		}
		if g.chance(5) {
			m.Priority = model.Int(1 + g.r.IntN(3))
		}
		m.Line = i + 2
	}
	return out
}

// appendMentor appends to ids the id of a mentor drawn by draw (an index
// in mentorIdx) who is not yet in ids[from:], falling back to the next
// such mentor in order after a few draws. There must be one.
func (g *gen) appendMentor(ids []string, from int, draw func() int) []string {
	nm := len(g.mentorIdx)
	i := draw()
	for try := 0; slices.Contains(ids[from:], g.pid[g.mentorIdx[i]]); try++ {
		if try < 16 {
			i = draw()
		} else {
			i = (i + 1) % nm
		}
	}
	return append(ids, g.pid[g.mentorIdx[i]])
}

// moveNeed returns the move flag that best describes the first candidate
// move of person v, or "" when v has none.
func (g *gen) moveNeed(v int) string {
	if g.target == nil || g.target[v] < 0 {
		return ""
	}
	x, q := &g.ps[v], &g.jobs[g.target[v]]
	switch {
	case x.size == 1 && q.head > 0:
		return model.Flags[model.FirstManagement].ID
	case x.cty != q.cty:
		return model.Flags[model.ChangeCountry].ID
	case x.fn != q.fn:
		return model.Flags[model.ChangeFunction].ID
	case x.line && !q.line:
		return model.Flags[model.LineToStaff].ID
	case !x.line && q.line:
		return model.Flags[model.StaffToLine].ID
	case x.div != q.div:
		return model.Flags[model.ChangeDivision].ID
	}
	return ""
}

// history returns the rows of history.csv, sorted by mentee, then date,
// then mentor: about 60% active pairs (one at most per mentee, three in
// four of them with a current mentee), started 2024–2026, and ended pairs
// started 2023–2025; mentees are never mentors, mentors come from
// mentors.csv, and no mentee–mentor pair repeats.
func (g *gen) history() []model.HistoryPair {
	h := g.opt.History
	if h == 0 {
		return nil
	}
	current := slices.Clone(g.menteeIdx)
	g.r.Shuffle(len(current), func(i, j int) { current[i], current[j] = current[j], current[i] })
	var others []int32
	for v := 1; v < g.n; v++ {
		if g.role[v] == 0 {
			others = append(others, int32(v))
		}
	}
	g.r.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	eligible := append(slices.Clone(current), others...)

	type pair struct {
		mentee, mentor int32
		active         bool
		since          string
	}
	pairs := make([]pair, 0, h)
	seen := make(map[[2]int32]bool, h)
	day0 := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	add := func(mentee, mentor int32, active bool) {
		d := g.r.IntN(3 * 365)
		if active {
			d = 365 + g.r.IntN(2*365+180)
		}
		seen[[2]int32{mentee, mentor}] = true
		pairs = append(pairs, pair{mentee, mentor, active, day0.AddDate(0, 0, d).Format(time.DateOnly)})
	}
	nm := len(g.mentorIdx)
	active := min(int(math.Round(0.6*float64(h))), len(eligible))
	i1, i2 := 0, 0
	for range active {
		var m int32
		if i1 < len(current) && (i2 >= len(others) || g.r.IntN(4) > 0) {
			m, i1 = current[i1], i1+1
		} else {
			m, i2 = others[i2], i2+1
		}
		add(m, g.mentorIdx[g.r.IntN(nm)], true)
	}
	for len(pairs) < h {
		var m int32
		if len(current) > 0 && g.r.IntN(2) == 0 {
			m = current[g.r.IntN(len(current))]
		} else {
			m = eligible[g.r.IntN(len(eligible))]
		}
		mentor := g.mentorIdx[g.r.IntN(nm)]
		for try, e := 0, 0; seen[[2]int32{m, mentor}]; try++ {
			switch {
			case try < 16:
				m, mentor = eligible[g.r.IntN(len(eligible))], g.mentorIdx[g.r.IntN(nm)]
				continue
			case try == 16:
				e = g.r.IntN(len(eligible) * nm)
			default:
				e = (e + 1) % (len(eligible) * nm)
			}
			// Walk all the pairs in order: fewer than half are taken.
			m, mentor = eligible[e/nm], g.mentorIdx[e%nm]
		}
		add(m, mentor, false)
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(a.mentee, b.mentee), strings.Compare(a.since, b.since), cmp.Compare(a.mentor, b.mentor))
	})
	out := make([]model.HistoryPair, h)
	for i, p := range pairs {
		out[i] = model.HistoryPair{MenteeID: g.pid[p.mentee], MentorID: g.pid[p.mentor],
			Status: model.PairEnded, Since: p.since, Line: i + 2}
		if p.active {
			out[i].Status = model.PairActive
		}
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fixedIDs returns the ids prefix + 1 … prefix + count, zero-padded to at
// least digits digits, all sharing one allocation.
func fixedIDs(prefix string, count, digits int) []string {
	w := max(digits, len(strconv.Itoa(count)))
	size := len(prefix) + w
	buf := make([]byte, 0, count*size)
	var num [20]byte
	for i := 1; i <= count; i++ {
		buf = append(buf, prefix...)
		d := strconv.AppendInt(num[:0], int64(i), 10)
		for range w - len(d) {
			buf = append(buf, '0')
		}
		buf = append(buf, d...)
	}
	all := string(buf)
	out := make([]string, count)
	for i := range out {
		out[i] = all[i*size : (i+1)*size]
	}
	return out
}

// arena packs many short strings into one allocation: write a string's
// pieces with str and num, close it with end, and get them all back with
// strings.
type arena struct {
	buf  []byte
	ends []int
}

func (a *arena) str(s string) { a.buf = append(a.buf, s...) }
func (a *arena) num(v int)    { a.buf = strconv.AppendInt(a.buf, int64(v), 10) }
func (a *arena) end()         { a.ends = append(a.ends, len(a.buf)) }

func (a *arena) strings() []string {
	all := string(a.buf)
	out := make([]string, len(a.ends))
	start := 0
	for i, e := range a.ends {
		out[i] = all[start:e]
		start = e
	}
	return out
}
