package codev

// Components are the parts of a group's score, each in [0,1]: the mean over
// the pairs of members of the pair components, and the gender balance.
type Components struct {
	Function  float64 // same function 1, same role kind only 0.5
	Grade     float64 // grades within codev.grade_spread 1, a grade missing 0.5
	Challenge float64 // shared flags and strong criteria of the planned moves (Jaccard); both in place 0.5
	Variety   float64 // half for different divisions, half for different sites
	Gender    float64 // 1 when nobody is alone of their gender
}

// Group is one codevelopment group.
type Group struct {
	ID      string    // G01, G02, … by the smallest person id of each group
	Members []*Member // by person id
	Score   float64   // 0–100
	Parts   Components
	// Languages are the languages every member who lists languages speaks.
	Languages []string
	// Order is the order in which members are client: members with a
	// planned move first, then the others, each by person id.
	Order []*Member
}

// Unplaced is a volunteer left out of every group, and why.
type Unplaced struct {
	Member *Member
	// Reason is ReasonTooFew or ReasonNoGroup.
	Reason string
	// Excluded counts, for each rule of Rules, the other volunteers who may
	// not share a group with the member under it (each under the first rule
	// it breaks).
	Excluded [NumRules]int
	// Compatible counts the other volunteers who may share a group with them.
	Compatible int
}

// Reasons a volunteer is left out.
const (
	// ReasonTooFew: fewer than codev.min_size − 1 other volunteers may share
	// a group with them, so no group can hold them.
	ReasonTooFew = "too_few_compatible"
	// ReasonNoGroup: enough volunteers are compatible with them one by one,
	// but the search found no group that takes them with every rule kept.
	ReasonNoGroup = "no_group_found"
)

// Result is a grouping of the volunteers.
type Result struct {
	Groups   []Group
	Unplaced []Unplaced // by person id
	// Worst is the lowest group score (0 without groups) and Total the sum
	// of the group scores: the objective, lexicographic after the number of
	// volunteers placed.
	Worst, Total float64
	// Bound is an upper bound on Worst for any grouping that places at
	// least as many volunteers (see the package documentation); Exact is
	// true when the grouping was proved optimal by exhaustive search, and
	// then Bound equals Worst.
	Bound float64
	Exact bool
}

// Placed returns the number of volunteers in a group.
func (r *Result) Placed() int {
	n := 0
	for i := range r.Groups {
		n += len(r.Groups[i].Members)
	}
	return n
}

// Gap returns Bound − Worst, never below 0.
func (r *Result) Gap() float64 { return max(r.Bound-r.Worst, 0) }
