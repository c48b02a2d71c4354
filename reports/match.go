package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher"
)

// PairsTable is pairs.csv: every pair with its fit and components, the
// preference rank, tier, status, the two strongest reasons in words, and
// the next-best mentor with the loss of choosing them instead.
func PairsTable(mt *matcher.Matching, lang Lang, names Namer) *Table {
	cols := []Column{
		{Key: "mentee_id", Label: T(lang, "mentee_id")},
		{Key: "mentee_name", Label: T(lang, "mentee")},
		{Key: "mentor_id", Label: T(lang, "mentor_id")},
		{Key: "mentor_name", Label: T(lang, "mentor")},
		{Key: "fit", Label: T(lang, "fit"), Kind: Number},
	}
	for _, id := range matcher.FitComponentIDs {
		cols = append(cols, Column{Key: "fit_" + id, Label: T(lang, "fit_"+id), Kind: Number})
	}
	cols = append(cols,
		Column{Key: "preference_rank", Label: T(lang, "preference_rank"), Kind: Number},
		Column{Key: "tier", Label: T(lang, "tier"), Kind: Number},
		Column{Key: "status", Label: T(lang, "status")},
		Column{Key: "reasons", Label: T(lang, "reasons")},
		Column{Key: "next_best_mentor_id", Label: T(lang, "next_best")},
		Column{Key: "loss_if_next_best", Label: T(lang, "loss_if_next_best"), Kind: Number},
		Column{Key: "next_best_fit", Label: T(lang, "next_best_fit"), Kind: Number},
		Column{Key: "priority_loss_if_next_best", Label: T(lang, "priority_loss"), Kind: Number},
		Column{Key: "decision", Label: T(lang, "decision")},
	)
	t := &Table{Name: "pairs", Title: planTitle(T(lang, "t_pairs"), mt.Plan, lang), Columns: cols}
	for i := range mt.Pairs {
		p := &mt.Pairs[i]
		row := []string{p.Mentee.Person.ID, names.Name(p.Mentee.Person), p.Mentor.Person.ID, names.Name(p.Mentor.Person),
			Num(p.Fit.Total, 1)}
		for k := range matcher.FitComponentIDs {
			if p.Fit.Has[k] {
				row = append(row, Num(p.Fit.C[k], 2))
			} else {
				row = append(row, "")
			}
		}
		rank := ""
		if p.Fit.Rank > 0 {
			rank = strconv.Itoa(p.Fit.Rank)
		}
		next, loss, nextFit, tierLoss := "", "", "", ""
		if p.NextBest != nil {
			next = p.NextBest.Person.ID
			loss = Num(p.Loss, 2)
			nextFit = Num(p.NextBestFit.Total, 1)
			tierLoss = strconv.Itoa(p.TierLoss)
		}
		row = append(row, rank, strconv.Itoa(p.Mentee.Tier), string(p.Status), PairReasons(p, lang), next, loss, nextFit, tierLoss,
			DecisionWord(p.Decision))
		t.Add(row...)
	}
	return t
}

// PairReasons gives, in words, the two components that contribute most to
// a pair's fit (ties in component order), and says when a pair was kept.
func PairReasons(p *matcher.Pair, lang Lang) string {
	f := &p.Fit
	order := []int{}
	for k := range matcher.FitComponentIDs {
		if f.Has[k] && f.Contribution(k) > 0 {
			order = append(order, k)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ca, cb := f.Contribution(a), f.Contribution(b)
		switch {
		case ca > cb:
			return -1
		case ca < cb:
			return 1
		}
		return a - b
	})
	parts := pairDecisionReasons(p, lang)
	if p.Status == matcher.PairKept {
		parts = append(parts, T(lang, "r_kept"))
	}
	for _, k := range order[:min(2, len(order))] {
		parts = append(parts, componentReason(p, k, lang))
	}
	if len(parts) == 0 {
		return T(lang, "r_none")
	}
	return strings.Join(parts, "; ")
}

func componentReason(p *matcher.Pair, k int, lang Lang) string {
	f := &p.Fit
	switch k {
	case matcher.FitExperience:
		return fmt.Sprintf(T(lang, "r_experience"), len(f.Shared), f.Needs, strings.Join(f.Shared, ", "))
	case matcher.FitPreference:
		return fmt.Sprintf(T(lang, "r_preference"), f.Rank, f.Ranked)
	case matcher.FitSeniority:
		if f.Grades == 0 {
			return T(lang, "r_same_grade")
		}
		return fmt.Sprintf(T(lang, "r_seniority"), f.Grades)
	case matcher.FitCrossDivision:
		return fmt.Sprintf(T(lang, "r_division"), p.Mentor.Person.Division, p.Mentee.Person.Division)
	default:
		if f.C[k] == 1 {
			return fmt.Sprintf(T(lang, "r_country"), p.Mentor.Person.Country)
		}
		return fmt.Sprintf(T(lang, "r_continent"), p.Mentor.Person.Country, p.Mentee.Person.Country)
	}
}

// UnmatchedTable is unmatched.csv: every mentee left without a mentor, and
// why: the count of mentors excluded by each rule, or that every eligible
// mentor was full with higher-priority mentees.
func UnmatchedTable(mt *matcher.Matching, lang Lang, names Namer) *Table {
	t := &Table{
		Name:  "unmatched",
		Title: planTitle(T(lang, "t_unmatched"), mt.Plan, lang),
		Columns: []Column{
			{Key: "mentee_id", Label: T(lang, "mentee_id")},
			{Key: "mentee_name", Label: T(lang, "mentee")},
			{Key: "tier", Label: T(lang, "tier"), Kind: Number},
			{Key: "reason", Label: T(lang, "reason")},
			{Key: "excluded_by", Label: T(lang, "excluded_by")},
			{Key: "eligible_mentors", Label: T(lang, "eligible_mentors"), Kind: Number},
		},
	}
	for i := range mt.Unmatched {
		u := &mt.Unmatched[i]
		var by, words []string
		for r, rule := range matcher.Rules {
			if n := u.Excluded[r]; n > 0 {
				by = append(by, fmt.Sprintf("%s=%d", rule, n))
				words = append(words, fmt.Sprintf("%d %s", n, T(lang, "rule_"+string(rule))))
			}
		}
		if u.Forbidden > 0 {
			by = append(by, fmt.Sprintf("%s=%d", matcher.RuleDecision, u.Forbidden))
			words = append(words, fmt.Sprintf(T(lang, "u_forbidden"), u.Forbidden))
		}
		reason := fmt.Sprintf(T(lang, "u_full"), u.Eligible)
		if u.FullByDecision > 0 {
			reason = fmt.Sprintf(T(lang, "u_full_decided"), u.Eligible, u.FullByDecision)
		}
		if u.Eligible == 0 {
			reason = T(lang, "u_none")
			if len(words) > 0 {
				reason += ": " + strings.Join(words, ", ")
			}
		}
		t.Add(u.Mentee.Person.ID, names.Name(u.Mentee.Person), strconv.Itoa(u.Mentee.Tier), reason,
			strings.Join(by, "|"), strconv.Itoa(u.Eligible))
	}
	return t
}

// MentorLoadTable is mentor_load.csv: each mentor's capacity, how many
// mentees they have (kept and new) and how many places are left.
func MentorLoadTable(mt *matcher.Matching, lang Lang, names Namer) *Table {
	t := &Table{
		Name:  "mentor_load",
		Title: T(lang, "t_load"),
		Columns: []Column{
			{Key: "mentor_id", Label: T(lang, "mentor_id")},
			{Key: "mentor_name", Label: T(lang, "mentor")},
			{Key: "capacity", Label: T(lang, "capacity_col"), Kind: Number},
			{Key: "assigned", Label: T(lang, "assigned"), Kind: Number},
			{Key: "left", Label: T(lang, "left"), Kind: Number},
			{Key: "kept", Label: T(lang, "kept"), Kind: Number},
			{Key: "new", Label: T(lang, "new"), Kind: Number},
		},
	}
	for _, m := range mt.Mentors {
		t.Add(m.Person.ID, names.Name(m.Person), strconv.Itoa(m.Capacity), strconv.Itoa(m.Kept+m.New),
			strconv.Itoa(m.Left()), strconv.Itoa(m.Kept), strconv.Itoa(m.New))
	}
	return t
}

// BrokenTable lists the active pairs of history that are no longer allowed.
func BrokenTable(mt *matcher.Matching, lang Lang) *Table {
	t := &Table{
		Name:  "broken_pairs",
		Title: T(lang, "t_broken"),
		Columns: []Column{
			{Key: "mentee_id", Label: T(lang, "mentee_id")},
			{Key: "mentor_id", Label: T(lang, "mentor_id")},
			{Key: "since", Label: T(lang, "since")},
			{Key: "rule", Label: T(lang, "rule")},
			{Key: "reason", Label: T(lang, "reason")},
		},
	}
	for _, b := range mt.Broken {
		t.Add(b.Pair.MenteeID, b.Pair.MentorID, b.Pair.Since, string(b.Rule), T(lang, "rule_"+string(b.Rule)))
	}
	return t
}
