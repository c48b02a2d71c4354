package model

// Person is one row of people.csv: a member of the organisation in their
// current job.
type Person struct {
	ID                  string
	Name                string
	ManagerID           string // empty for the top of the organisation
	Division            string
	Function            string
	Country             string // ISO 3166 alpha-2, upper case
	SiteType            string // "hq" or "field", or empty
	RoleKind            string // "line" or "staff", or empty
	ProductLine         string
	Team                string
	Grade               OptInt // higher is more senior
	Headcount           OptInt // people managed, direct and indirect
	FunctionsHeld       []string
	Languages           []string
	Gender              string   // used only for the equity table
	LearningOrientation OptFloat // 1–5
	PositionID          string   // the position held now, when given (used by the follow-up)
	Line                int      // physical line in the source file; 0 when built in code
	// Audit holds the values of the columns named by the configuration's
	// pack.equity_columns, in that order; used by the equity audit only.
	Audit []string
}

// Job returns the person's current job, for comparison with a target.
func (p *Person) Job() Job {
	return Job{
		Division: p.Division, Function: p.Function, Country: p.Country,
		SiteType: p.SiteType, RoleKind: p.RoleKind, ProductLine: p.ProductLine,
		Team: p.Team, Grade: p.Grade, Headcount: p.Headcount,
	}
}

// Position is one row of positions.csv: a target job open this cycle.
type Position struct {
	ID          string
	Title       string
	ManagerID   string // the person the job reports to
	Division    string
	Function    string
	Country     string
	SiteType    string
	RoleKind    string
	ProductLine string
	Team        string
	Grade       OptInt
	Headcount   OptInt
	NewRole     bool // newly created job
	Critical    bool // failure would be highly visible
	Openings    int  // at least 1 after loading (default 1)
	Line        int
}

// Job returns the target job described by the position.
func (p *Position) Job() Job {
	return Job{
		Division: p.Division, Function: p.Function, Country: p.Country,
		SiteType: p.SiteType, RoleKind: p.RoleKind, ProductLine: p.ProductLine,
		Team: p.Team, Grade: p.Grade, Headcount: p.Headcount,
	}
}

// Job is the part of a person's current job or of a target position that
// moves are compared on. An empty string or absent number is "not given".
type Job struct {
	Division, Function, Country, SiteType, RoleKind, ProductLine, Team string
	Grade, Headcount                                                   OptInt
}

// Move is one row of moves.csv: a candidate move proposed by a manager.
type Move struct {
	ID         string // defaults to PersonID + ">" + PositionID
	PersonID   string
	PositionID string
	ProposedBy string
	// Ratings holds the manager's 1–5 rating of each criterion, indexed like
	// Catalog; only rated criteria can be present.
	Ratings [NumCriteria]OptFloat
	Support OptFloat // 1–5: feedback and support available in the target job
	Note    string
	Line    int
}

// Mentor is one row of mentors.csv.
type Mentor struct {
	PersonID   string
	Capacity   int      // default 2
	Experience []string // move flags, criterion ids and free tags
	Languages  []string // empty: take the person's languages
	Available  bool     // default true
	Line       int
}

// Mentee is one row of mentees.csv.
type Mentee struct {
	PersonID    string
	Needs       []string
	Preferences []string // mentor person ids, most wanted first
	Avoid       []string // mentor person ids
	Priority    OptInt   // 1–3, overrides the computed tier
	Line        int
}

// PairStatus is the status of an earlier mentoring pair in history.csv.
type PairStatus string

// The statuses an earlier pair can have.
const (
	PairActive PairStatus = "active"
	PairEnded  PairStatus = "ended"
)

// HistoryPair is one row of history.csv: an earlier mentoring pair.
type HistoryPair struct {
	MenteeID string
	MentorID string
	Status   PairStatus // empty is read as active
	Since    string     // ISO date as given, may be empty
	Line     int
}

// Dataset is everything one review cycle reads. Slices keep the order of the
// input files.
type Dataset struct {
	People    []Person
	Positions []Position
	Moves     []Move
	Mentors   []Mentor
	Mentees   []Mentee
	History   []HistoryPair
}
