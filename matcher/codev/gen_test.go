package codev

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/stretchmatch/stretchmatch/model"
)

// genOptions shape a random instance.
type genOptions struct {
	n         int
	functions int
	rules     bool // avoid lists, mentor pairs, history, in-person members
}

// genProblem builds a seeded random instance: an organisation tree in which
// n volunteers sit, with functions, grades, teams, divisions, sites,
// genders, languages and planned-move challenges.
func genProblem(seed uint64, o genOptions) *Problem {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	people := make([]*model.Person, o.n)
	countries := []string{"FR", "DE", "US", "CA", "ES"}
	langs := [][]string{{"fr", "en"}, {"en"}, {"de", "en"}, {"fr"}, {"es", "en"}, {"en", "fr", "de"}}
	tags := []string{"change_country", "change_function", "first_management", "staff_to_line", "take_charge", "ambiguity", "strategic"}
	for i := range people {
		p := &model.Person{ID: fmt.Sprintf("P%05d", i), Name: fmt.Sprintf("Person %d", i)}
		if i > 0 {
			p.ManagerID = people[r.IntN(i)].ID
		}
		p.Function = fmt.Sprintf("F%d", r.IntN(o.functions))
		p.RoleKind = []string{"line", "staff"}[r.IntN(2)]
		p.Team = fmt.Sprintf("T%d", r.IntN(max(2, o.n/4)))
		p.Division = fmt.Sprintf("D%d", r.IntN(4))
		p.Country = countries[r.IntN(len(countries))]
		p.SiteType = []string{"hq", "field"}[r.IntN(2)]
		p.Grade = model.OptInt{V: 4 + r.IntN(7), OK: r.IntN(10) > 0}
		if r.IntN(8) > 0 {
			p.Gender = []string{"F", "M"}[r.IntN(2)]
		}
		p.Languages = langs[r.IntN(len(langs))]
		people[i] = p
	}
	byID := map[string]*model.Person{}
	for _, p := range people {
		byID[p.ID] = p
	}
	chain := func(id string) []string {
		var out []string
		for p := byID[id]; p != nil && p.ManagerID != ""; p = byID[p.ManagerID] {
			out = append(out, p.ManagerID)
		}
		return out
	}
	pr := &Problem{Config: model.DefaultCodev(), Seed: seed}
	for _, p := range people {
		v := &model.CodevVolunteer{PersonID: p.ID, Mode: model.CodevRemote}
		m := Member{Person: p, Volunteer: v, Chain: chain(p.ID)}
		if r.IntN(3) == 0 {
			m.HasMove = true
			for _, t := range tags {
				if r.IntN(3) == 0 {
					m.Challenge = append(m.Challenge, t)
				}
			}
			mgr := people[r.IntN(o.n)].ID
			m.Future = append([]string{mgr}, chain(mgr)...)
		}
		if o.rules {
			if r.IntN(5) == 0 {
				v.Mode = model.CodevInPerson
			}
			if r.IntN(6) == 0 {
				v.Avoid = []string{people[r.IntN(o.n)].ID}
				if v.Avoid[0] == p.ID {
					v.Avoid = nil
				}
			}
		}
		pr.Members = append(pr.Members, m)
	}
	if o.rules {
		for range o.n / 10 {
			a, b := people[r.IntN(o.n)].ID, people[r.IntN(o.n)].ID
			if a != b {
				pr.MentorPairs = append(pr.MentorPairs, [2]string{a, b})
			}
		}
		for g := range o.n / 6 {
			cycle := []string{"2025-Q1", "2025-Q2", "2025-Q3"}[g%3]
			for range 4 {
				pr.History = append(pr.History, model.CodevHistoryRow{GroupID: fmt.Sprintf("H%d", g), PersonID: people[r.IntN(o.n)].ID, Cycle: cycle})
			}
		}
		// Keep one row per member of a group.
		pr.History = slices.CompactFunc(pr.History, func(a, b model.CodevHistoryRow) bool { return a == b })
	}
	return pr
}
