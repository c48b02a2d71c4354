package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher/followup"
	"github.com/stretchmatch/stretchmatch/model"
)

// LastQuarter is what the "Last quarter" section shows.
type LastQuarter struct {
	Result *followup.Result
	// PrevPeople and People are the people to group the equity tables by:
	// as they were last quarter when known (the groups at the time of the
	// decisions), else as they are now.
	People, PrevPeople []model.Person
}

// LastQuarterSection builds the "Last quarter" section of a pack: moves
// realised per band and per plan source, pairs and groups by health, the
// goal scores, the alerts to act on, and the equity of realisation and of
// healthy pairs by division, grade and gender (groups under 5 suppressed,
// impact ratios against the best group).
func LastQuarterSection(lq LastQuarter, lang Lang, names Namer) Section {
	r := lq.Result
	tables := []*Table{
		lqMovesBy(r, lang, "lq_band", "t_lq_band", "band", func(m *followup.Move) string { return m.Prev.Band }),
		lqMovesBy(r, lang, "lq_source", "t_lq_source", "source", func(m *followup.Move) string { return fuT(lang, m.Source) }),
		lqHealth(r, lang),
		lqGoals(r, lang, names),
		lqAlerts(r, lang, names),
	}
	tables = append(tables, lqEquity(lq, lang)...)
	return Section{Name: "last_quarter", Title: fuT(lang, "s_last_quarter"),
		Intro:  fmt.Sprintf(fuT(lang, "s_last_intro"), r.AsOf, r.Since),
		Tables: tables}
}

// lqMovesBy counts the moves by status in the groups key gives, in order
// of first appearance.
func lqMovesBy(r *followup.Result, lang Lang, name, title, label string, key func(*followup.Move) string) *Table {
	cols := []Column{{Key: label, Label: fuT(lang, label)}, {Key: "moves", Label: fuT(lang, "lq_moves"), Kind: Number}}
	for _, s := range followup.MoveStatuses() {
		cols = append(cols, Column{Key: string(s), Label: fuT(lang, string(s)), Kind: Number})
	}
	cols = append(cols, Column{Key: "realised_share", Label: fuT(lang, "lq_realised_share"), Kind: Number})
	t := &Table{Name: name, Title: fuT(lang, title), Columns: cols}
	var order []string
	counts := map[string][]int{}
	add := func(k string, m *followup.Move) {
		c := counts[k]
		if c == nil {
			c = make([]int, 5)
			counts[k] = c
			if k != "\x00total" {
				order = append(order, k)
			}
		}
		c[0]++
		c[1+slices.Index(followup.MoveStatuses(), m.Status)]++
	}
	for i := range r.Moves {
		add(key(&r.Moves[i]), &r.Moves[i])
		add("\x00total", &r.Moves[i])
	}
	slices.Sort(order)
	shown := func(k string) string {
		if label == "band" && k != "" {
			if t := T(lang, "band_"+k); t != "band_"+k {
				return t
			}
		}
		return k
	}
	for _, k := range append(order, "\x00total") {
		c := counts[k]
		if c == nil {
			continue
		}
		label := shown(k)
		switch k {
		case "\x00total":
			label = fuT(lang, "lq_total")
		case "":
			label = fuT(lang, "lq_not_given")
		}
		row := []string{label}
		for _, n := range c {
			row = append(row, strconv.Itoa(n))
		}
		t.Add(append(row, share(c[1], c[0]))...)
	}
	return t
}

func lqHealth(r *followup.Result, lang Lang) *Table {
	cols := []Column{{Key: "kind", Label: fuT(lang, "lq_kind")}}
	for _, h := range followup.Healths() {
		cols = append(cols, Column{Key: string(h), Label: fuT(lang, string(h)), Kind: Number})
	}
	t := &Table{Name: "lq_health", Title: fuT(lang, "t_lq_health"), Columns: cols}
	count := func(hs []followup.Health) []string {
		row := make([]string, 0, 5)
		for _, h := range followup.Healths() {
			n := 0
			for _, x := range hs {
				if x == h {
					n++
				}
			}
			row = append(row, strconv.Itoa(n))
		}
		return row
	}
	var ph, gh []followup.Health
	for i := range r.Pairs {
		ph = append(ph, r.Pairs[i].Health)
	}
	for i := range r.Groups {
		gh = append(gh, r.Groups[i].Health)
	}
	t.Add(append([]string{fuT(lang, "lq_pairs")}, count(ph)...)...)
	if len(r.Groups) > 0 {
		t.Add(append([]string{fuT(lang, "lq_groups")}, count(gh)...)...)
	}
	return t
}

func lqGoals(r *followup.Result, lang Lang, names Namer) *Table {
	t := &Table{Name: "lq_goals", Title: fuT(lang, "t_lq_goals"), Columns: []Column{
		{Key: "who", Label: fuT(lang, "lq_who")},
		{Key: "goals", Label: fuT(lang, "goals")},
		{Key: "mean_goal_score", Label: fuT(lang, "mean_goal"), Kind: Number},
		{Key: "gas_t", Label: fuT(lang, "gas_t"), Kind: Number},
	}}
	sum, n := 0.0, 0
	for i := range r.Pairs {
		p := &r.Pairs[i]
		if !p.T.OK {
			continue
		}
		who := fuName(names, p.Mentee, p.Prev.MenteeID, p.Prev.MenteeName) + " – " + fuName(names, p.Mentor, p.Prev.MentorID, p.Prev.MentorName)
		t.Add(who, goalsCell(p.Goals), optNum(p.MeanGoal, 2), optNum(p.T, 1))
		sum += p.T.V
		n++
	}
	for i := range r.Groups {
		g := &r.Groups[i]
		if !g.T.OK {
			continue
		}
		t.Add(g.Prev.ID, goalsCell(g.Goals), optNum(g.MeanGoal, 2), optNum(g.T, 1))
		sum += g.T.V
		n++
	}
	if n > 0 {
		t.Add(fuT(lang, "lq_total")+" ("+fuT(lang, "lq_mean_t")+")", "", "", Num(sum/float64(n), 1))
	}
	return t
}

func lqAlerts(r *followup.Result, lang Lang, names Namer) *Table {
	t := &Table{Name: "lq_alerts", Title: fuT(lang, "t_lq_alerts"), Columns: []Column{
		{Key: "what", Label: fuT(lang, "lq_what")},
		{Key: "who", Label: fuT(lang, "lq_who")},
		{Key: "status", Label: fuT(lang, "status")},
		{Key: "reason", Label: fuT(lang, "reason")},
		{Key: "action", Label: fuT(lang, "lq_action")},
	}}
	for i := range r.Moves {
		m := &r.Moves[i]
		action := ""
		switch m.Status {
		case followup.NotYet:
			action = "a_move_not_yet"
		case followup.OtherMove:
			action = "a_move_other"
		default:
			continue
		}
		t.Add(fuT(lang, "move")+" "+m.Prev.MoveID, names.Name(m.Person), fuT(lang, string(m.Status)),
			fuWhy(lang, m.Why, m.Detail), fuT(lang, action))
	}
	for i := range r.Pairs {
		p := &r.Pairs[i]
		action := ""
		switch {
		case p.Health == followup.NoFirstMeeting, p.Health == followup.Inactive, p.Health == followup.NotAGoodFit:
			action = "a_" + string(p.Health)
		case p.Why == followup.WhyMentorLeft:
			action = "a_mentor_left"
		default:
			continue
		}
		who := fuName(names, p.Mentee, p.Prev.MenteeID, p.Prev.MenteeName) + " – " + fuName(names, p.Mentor, p.Prev.MentorID, p.Prev.MentorName)
		t.Add(fuT(lang, "lq_pair"), who, fuT(lang, string(p.Health)), fuWhy(lang, p.Why, p.Detail), fuT(lang, action))
	}
	for i := range r.Groups {
		g := &r.Groups[i]
		action := ""
		switch g.Health {
		case followup.NoFirstMeeting, followup.Inactive:
			action = "a_" + string(g.Health)
		case followup.NotAGoodFit:
			action = "a_group_fit"
		case followup.Ended:
			action = "a_group_ended"
		default:
			continue
		}
		t.Add(fuT(lang, "lq_one_group"), g.Prev.ID, fuT(lang, string(g.Health)), fuWhy(lang, g.Why, g.Detail), fuT(lang, action))
	}
	return t
}

// lqRate counts successes among a group's members.
type lqRate struct{ n, ok int }

func (r lqRate) rate() float64 { return float64(r.ok) / float64(r.n) }

// minGroup is the size under which a group's figures are suppressed.
const minGroup = 5

func lqEquity(lq LastQuarter, lang Lang) []*Table {
	r := lq.Result
	byID := map[string]*model.Person{}
	for _, list := range [][]model.Person{lq.People, lq.PrevPeople} {
		for i := range list {
			byID[list[i].ID] = &list[i]
		}
	}
	hasGender := false
	for _, p := range byID {
		hasGender = hasGender || p.Gender != ""
	}
	keys := []struct {
		name, title string
		key         func(*model.Person) string
		numeric     bool
	}{
		{"lq_eq_division", "t_lq_eq_division", func(p *model.Person) string { return p.Division }, false},
		{"lq_eq_grade", "t_lq_eq_grade", func(p *model.Person) string { return p.Grade.String() }, true},
	}
	if hasGender {
		keys = append(keys, struct {
			name, title string
			key         func(*model.Person) string
			numeric     bool
		}{"lq_eq_gender", "t_lq_eq_gender", func(p *model.Person) string { return p.Gender }, false})
	}
	var out []*Table
	for _, k := range keys {
		e := lqRates{moves: map[string]*lqRate{}, pairs: map[string]*lqRate{}, groups: map[string]*lqRate{}}
		get := func(m map[string]*lqRate, id string) *lqRate {
			g := ""
			if p := byID[id]; p != nil {
				g = k.key(p)
			}
			if e.moves[g] == nil {
				e.moves[g], e.pairs[g], e.groups[g] = &lqRate{}, &lqRate{}, &lqRate{}
				e.order = append(e.order, g)
			}
			return m[g]
		}
		count := func(m map[string]*lqRate, id string, ok bool) {
			c := get(m, id)
			c.n++
			if ok {
				c.ok++
			}
		}
		for i := range r.Moves {
			count(e.moves, r.Moves[i].Prev.PersonID, r.Moves[i].Status == followup.Realised)
		}
		for i := range r.Pairs {
			count(e.pairs, r.Pairs[i].Prev.MenteeID, r.Pairs[i].Health == followup.OnTrack)
		}
		// A codevelopment group counts once for each of its members, in
		// the member's group of people.
		for i := range r.Groups {
			for _, id := range r.Groups[i].Prev.Members {
				count(e.groups, id, r.Groups[i].Health == followup.OnTrack)
			}
		}
		slices.SortFunc(e.order, func(a, b string) int { return compareGroups(a, b, k.numeric) })
		title := k.title
		if len(r.Groups) > 0 {
			title += "_groups" // the title names the groups too
		}
		out = append(out, lqEquityTable(k.name, title, &e, len(r.Groups) > 0, lang))
	}
	return out
}

// lqRates are the rates of one equity table: per group of people (in
// order), the moves realised, the pairs on track and the memberships of
// codevelopment groups on track.
type lqRates struct {
	order                []string
	moves, pairs, groups map[string]*lqRate
}

func lqEquityTable(name, title string, e *lqRates, withGroups bool, lang Lang) *Table {
	t := &Table{Name: name, Title: fuT(lang, title), Columns: []Column{
		{Key: "group", Label: fuT(lang, "lq_group")},
		{Key: "moves", Label: fuT(lang, "lq_moves")},
		{Key: "realised_share", Label: fuT(lang, "lq_realised_share"), Kind: Number},
		{Key: "realised_ratio", Label: fuT(lang, "lq_realised_ratio"), Kind: Number},
		{Key: "pairs", Label: fuT(lang, "lq_pairs_col")},
		{Key: "on_track_share", Label: fuT(lang, "lq_healthy_share"), Kind: Number},
		{Key: "on_track_ratio", Label: fuT(lang, "lq_healthy_ratio"), Kind: Number},
	}}
	if withGroups {
		t.Columns = append(t.Columns,
			Column{Key: "group_members", Label: fuT(lang, "lq_group_members")},
			Column{Key: "group_on_track_share", Label: fuT(lang, "lq_group_healthy_share"), Kind: Number},
			Column{Key: "group_on_track_ratio", Label: fuT(lang, "lq_group_healthy_ratio"), Kind: Number})
	}
	t.Columns = append(t.Columns, Column{Key: "below_four_fifths", Label: fuT(lang, "lq_flag")})
	rates := []map[string]*lqRate{e.moves, e.pairs}
	if withGroups {
		rates = append(rates, e.groups)
	}
	bests := make([]float64, len(rates))
	for i, m := range rates {
		for _, g := range e.order {
			if c := m[g]; c.n >= minGroup && c.rate() > bests[i] {
				bests[i] = c.rate()
			}
		}
	}
	for _, g := range e.order {
		label := g
		if g == "" {
			label = fuT(lang, "lq_not_given")
		}
		row, low := []string{label}, false
		for i, m := range rates {
			n, rate, ratio, l := lqCells(m[g], bests[i], lang)
			row = append(row, n, rate, ratio)
			low = low || l
		}
		flag := ""
		if low {
			flag = fuT(lang, "yes")
		}
		t.Add(append(row, flag)...)
	}
	return t
}

// compareGroups orders the groups of people of an equity table: by name,
// by number when numeric (grades), the group not given last.
func compareGroups(a, b string, numeric bool) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	if numeric {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		if x != y {
			return x - y
		}
	}
	return strings.Compare(a, b)
}

// lqCells are the count, the rate and the impact ratio against the best
// rate b of one group, and whether the ratio is below four-fifths; groups
// under minGroup show "< 5" and nothing else.
func lqCells(c *lqRate, b float64, lang Lang) (n, rate, ratio string, low bool) {
	switch {
	case c.n == 0:
		return "0", "", "", false
	case c.n < minGroup:
		return fuT(lang, "suppressed"), "", "", false
	}
	n, rate = strconv.Itoa(c.n), Num(100*c.rate(), 1)
	if b > 0 {
		ratio = Num(c.rate()/b, 2)
		low = c.rate()/b < 0.8
	}
	return n, rate, ratio, low
}
