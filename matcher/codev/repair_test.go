package codev

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// confined returns a seeded instance in which rules confine many
// volunteers: a rare language few others speak, and in-person members
// spread over several countries.
func confined(seed uint64, n int) *Problem {
	p := genProblem(seed, genOptions{n: n, functions: max(3, n/80), rules: true})
	for i := range p.Members {
		m := &p.Members[i]
		switch i % 29 {
		case 0, 7:
			m.Person.Languages = []string{"pl"}
		case 13, 21, 27:
			m.Person.Languages = []string{"pl", "en"}
		case 3:
			m.Volunteer.Mode = model.CodevInPerson
		}
	}
	return p
}

// checkUnplacedProof checks, with the checker's own rules only, the reason
// given for each volunteer left out: too_few_compatible when fewer than
// min_size − 1 others may share a group with them, no_valid_group when no
// group of min_size to max_size of them and their compatible volunteers
// keeps every rule (by enumeration). It returns how many volunteers are
// left out with no_group_found, a reason without proof.
func checkUnplacedProof(t *testing.T, p *Problem, r *Result) int {
	t.Helper()
	cfg := p.Config
	unproved := 0
	for _, u := range r.Unplaced {
		x := u.Member
		var comp []*Member
		for i := range p.Members {
			y := &p.Members[i]
			if y.ID() != x.ID() && pairBroken(p, x, y) == "" {
				comp = append(comp, y)
			}
		}
		switch u.Reason {
		case ReasonTooFew:
			if len(comp) >= cfg.MinSize-1 {
				t.Errorf("%s: %s but %d compatible volunteers", x.ID(), u.Reason, len(comp))
			}
		case ReasonNoValidGroup:
			if g := anyGroup(p, []*Member{x}, comp); g != nil {
				t.Errorf("%s: %s but this group keeps every rule: %v", x.ID(), u.Reason, ids(g))
			}
		case ReasonNoGroup:
			unproved++
		default:
			t.Errorf("%s: unknown reason %q", x.ID(), u.Reason)
		}
	}
	return unproved
}

// anyGroup returns a group of group plus members of rest keeping every
// rule of the checker, or nil when there is none.
func anyGroup(p *Problem, group, rest []*Member) []*Member {
	cfg := p.Config
	if len(group) >= cfg.MinSize && shareLanguage(group) && (cfg.Gender != model.GenderRule || noneAlone(group)) {
		return group
	}
	if len(group) == cfg.MaxSize {
		return nil
	}
	for k, y := range rest {
		ok := true
		for _, z := range group {
			if pairBroken(p, y, z) != "" {
				ok = false
				break
			}
		}
		if ok {
			if g := anyGroup(p, append(group[:len(group):len(group)], y), rest[k+1:]); g != nil {
				return g
			}
		}
	}
	return nil
}

func ids(ms []*Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID())
	}
	return out
}

// TestEveryUnplacedHasProof checks that the search leaves a volunteer out
// only when the volunteer provably cannot be placed, on seeded instances
// where the rules confine many volunteers.
func TestEveryUnplacedHasProof(t *testing.T) {
	for seed := range uint64(3) {
		n := 200 + 100*int(seed)
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			p := confined(seed, n)
			if seed == 1 {
				p.Config.Gender = model.GenderRule
			}
			r, err := Solve(p)
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, p, r)
			if k := checkUnplacedProof(t, p, r); k > 0 {
				t.Errorf("%d of %d volunteers left out without proof (%d placed)", k, n, r.Placed())
			}
		})
	}
}

// TestRepairSeatsLeftovers unseats volunteers from a finished grouping and
// empties the neighbour lists, so that only the repair phase, which looks
// at every volunteer, can seat them again: it must, by joining a group,
// replacing a member who moves, or gathering a new group.
func TestRepairSeatsLeftovers(t *testing.T) {
	for seed := range uint64(3) {
		p := confined(seed, 240)
		p.Config.MinSize, p.Config.MaxSize = 4, 5+int(seed%2)
		in, err := prepare(p)
		if err != nil {
			t.Fatal(err)
		}
		s := &state{in: in}
		s.scan(neighbours(in.cfg.MaxSize))
		w := s.restart(0)
		w.search()
		before := 0
		for _, g := range w.groups {
			before += len(g.members)
		}
		out := 0
		for gi, g := range w.groups {
			for len(g.members) > in.cfg.MinSize || gi%3 == 0 && len(g.members) == in.cfg.MinSize && out%2 == 0 {
				x := g.members[len(g.members)-1]
				g.members = with(g, x, -1)
				w.of[x] = -1
				out++
			}
			if len(g.members) < in.cfg.MinSize {
				// The rest of a group dissolved below min_size leaves too.
				for _, x := range g.members {
					w.of[x] = -1
					out++
				}
				g.members = nil
			}
			w.recompute(g)
		}
		w.groups = slices.DeleteFunc(w.groups, func(g *grp) bool { return len(g.members) == 0 })
		for gi, g := range w.groups {
			for _, x := range g.members {
				w.of[x] = int32(gi)
			}
		}
		w.nb = make([][]neighbour, len(in.m))
		w.repair()
		groups := make([][]int, len(w.groups))
		for i, g := range w.groups {
			groups[i] = g.members
		}
		r := s.result(groups, false)
		checkResult(t, p, r)
		if r.Placed() < before {
			t.Errorf("seed %d: %d placed after unseating %d and repairing, %d before", seed, r.Placed(), out, before)
		}
		if k := checkUnplacedProof(t, p, r); k > 0 {
			t.Errorf("seed %d: %d volunteers left out without proof", seed, k)
		}
	}
}
