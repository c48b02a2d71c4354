package codev

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stretchmatch/stretchmatch/model"
)

// Period is the time between two sessions: a number of weeks or months.
type Period struct {
	N      int
	Months bool // false: weeks
}

// ParsePeriod reads a period written Nw (weeks) or Nm (months), such as 4w,
// 6w or 1m, with N from 1 to 52.
func ParsePeriod(s string) (Period, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if len(t) >= 2 {
		n, err := strconv.Atoi(t[:len(t)-1])
		if err == nil && n >= 1 && n <= 52 {
			switch t[len(t)-1] {
			case 'w':
				return Period{N: n}, nil
			case 'm':
				return Period{N: n, Months: true}, nil
			}
		}
	}
	return Period{}, fmt.Errorf("codev: period %q: write a number of weeks or months, such as 4w, 6w or 1m", s)
}

// String returns the period as ParsePeriod reads it.
func (p Period) String() string {
	if p.Months {
		return fmt.Sprintf("%dm", p.N)
	}
	return fmt.Sprintf("%dw", p.N)
}

// After returns the date k periods after start. A month later is the same
// day of the month, or the month's last day when it is shorter (31 January
// + 1m is 28 or 29 February); dates are computed from start, never from the
// previous date, so that nothing drifts or is skipped.
func (p Period) After(start time.Time, k int) time.Time {
	if !p.Months {
		return start.AddDate(0, 0, 7*p.N*k)
	}
	y, m, d := start.Date()
	first := time.Date(y, m+time.Month(p.N*k), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}

// Session is one session of a group's round.
type Session struct {
	Number int    // 1 to the group's size
	Date   string // YYYY-MM-DD, empty without a start date
	Client *Member
	// Animator keeps the method; never the client.
	Animator *Member
	// ReportsBack is the previous session's client, who says at the start
	// what came of their problem; nil at the first session.
	ReportsBack *Member
}

// Schedule tells when sessions take place.
type Schedule struct {
	Start    time.Time // zero: sessions are not dated
	Every    Period
	Animator string // model.AnimatorRotating or model.AnimatorFixed
}

// Calendar returns one round of sessions of g: each member is client once,
// in g.Order (members with a planned move first). With a rotating animator
// the next session's client animates; with a fixed animator the last member
// of the order animates every session, and the first member animates the
// last one, where the animator is client. Session k is dated k−1 periods
// after the start.
func Calendar(g *Group, sch Schedule) []Session {
	n := len(g.Order)
	out := make([]Session, n)
	for k := range n {
		s := Session{Number: k + 1, Client: g.Order[k]}
		if !sch.Start.IsZero() {
			s.Date = sch.Every.After(sch.Start, k).Format("2006-01-02")
		}
		switch {
		case n < 2:
		case sch.Animator == model.AnimatorFixed && k < n-1:
			s.Animator = g.Order[n-1]
		case sch.Animator == model.AnimatorFixed:
			s.Animator = g.Order[0]
		default:
			s.Animator = g.Order[(k+1)%n]
		}
		if k > 0 {
			s.ReportsBack = g.Order[k-1]
		}
		out[k] = s
	}
	return out
}
