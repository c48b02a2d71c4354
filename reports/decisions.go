package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// decisionPhrases are the labels of the committee's decisions, joined to
// phrases at start-up (lookups only, like phrases).
var decisionPhrases = map[string]phrase{
	"t_decision_costs": {"The committee's decisions and their price", "Décisions du comité et leur prix"},
	"line":             {"Line", "Ligne"},
	"kind":             {"Kind", "Nature"},
	"decision":         {"Decision", "Décision"},
	"mentee_id_col":    {"Mentee id", "Id mentoré"},
	"mentor_id_col":    {"Mentor id", "Id mentor"},
	"value_cost":       {"Value cost", "Coût en valeur"},
	"tier_cost":        {"Priority cost", "Coût en priorité"},
	"fit_cost":         {"Fit cost", "Coût en adéquation"},
	"note":             {"Note", "Note"},
	"k_move":           {"move", "mouvement"},
	"k_pair":           {"pair", "binôme"},
	"k_total":          {"total", "total"},
	"v_require":        {"require", "imposer"},
	"v_forbid":         {"forbid", "interdire"},
	"d_required":       {"required", "imposé"},
	"d_forbidden":      {"forbidden", "interdit"},

	"plan_optimum":         {"the optimum: %s", "l'optimum : %s"},
	"plan_decided":         {"the optimum under the committee's decisions: %s, %s below the optimum %s", "l'optimum sous les décisions du comité : %s, %s sous l'optimum %s"},
	"plan_committee":       {"the committee's plan: %s, %s below the optimum %s", "le plan du comité : %s, %s sous l'optimum %s"},
	"plan_decided_above":   {"the optimum under the committee's decisions: %s, %s above the optimum %s, which excludes overstretch moves", "l'optimum sous les décisions du comité : %s, %s au-dessus de l'optimum %s, qui exclut les mouvements hors zone"},
	"plan_committee_above": {"the committee's plan: %s, %s above the optimum %s, which excludes overstretch moves", "le plan du comité : %s, %s au-dessus de l'optimum %s, qui exclut les mouvements hors zone"},
	"plan_shown":           {"Plan shown: %s.", "Plan présenté : %s."},

	"c_plan_intro_decided":  {"The plan shown is %s (%d moves chosen); then every candidate move with why it was or was not chosen, the people left without a move, and the positions left open.", "Le plan présenté est %s (%d mouvements retenus) ; puis chaque mouvement proposé et pourquoi il a été retenu ou non, les personnes sans mouvement et les postes restés ouverts."},
	"t_decision_exceptions": {"Exceptions: overstretch moves the committee required", "Exceptions : mouvements hors zone imposés par le comité"},
	"c_decisions":           {"The committee's decisions", "Décisions du comité"},
	"c_decisions_intro":     {"Each decision of the committee with its exact price: what the optimum with every other decision gains over the optimum with all of them (development value for a move; priority points, then fit points, for a pair). The last row is the price of the whole set against the free optimum.", "Chaque décision du comité et son prix exact : ce que l'optimum avec toutes les autres décisions gagne sur l'optimum avec toutes (valeur de développement pour un mouvement ; points de priorité puis d'adéquation pour un binôme). La dernière ligne est le prix de l'ensemble face à l'optimum libre."},

	"why_chosen_required":       {"required by the committee", "imposé par le comité"},
	"why_chosen_exception":      {"an exception: overstretch, required by the committee", "une exception : hors zone, imposé par le comité"},
	"why_chosen_in_plan":        {"chosen in the committee's plan", "retenu dans le plan du comité"},
	"why_chosen_exception_plan": {"an exception: overstretch, chosen in the committee's plan", "une exception : hors zone, retenu dans le plan du comité"},
	"why_forbidden":             {"forbidden by the committee", "interdit par le comité"},
	"why_not_in_plan":           {"not chosen in the committee's plan", "non retenu dans le plan du comité"},
	"why_other_committee":       {"the committee chose move %s (value %s) for the person", "le comité a retenu le mouvement %s (valeur %s) pour la personne"},
	"why_other_no_less":         {"the person takes move %s instead (value %s, no less than %s)", "la personne prend plutôt le mouvement %s (valeur %s, au moins %s)"},
	"why_other_room":            {"the person takes move %s instead (value %s): this gives a total value at least as high", "la personne prend plutôt le mouvement %s (valeur %s) : la valeur totale est ainsi au moins aussi grande"},
	"why_filled_committee":      {"the committee gave position %s to %s", "le comité a attribué le poste %s à %s"},
	"why_filled_higher2":        {"position %s went to higher-value candidates: %s", "poste %s attribué à des candidats de plus grande valeur : %s"},
	"why_filled_at_least":       {"position %s went to %s, which gives a total value at least as high", "poste %s attribué à %s, ce qui donne une valeur totale au moins aussi grande"},
	"why_instead":               {"; the person takes move %s (value %s)", " ; la personne prend le mouvement %s (valeur %s)"},
	"unplaced_forbidden":        {"every candidate move is forbidden by the committee or overstretch", "chaque mouvement proposé est interdit par le comité ou hors zone"},
	"unplaced_filled_other":     {"the positions of their eligible moves went to other candidates", "les postes de leurs mouvements éligibles sont allés à d'autres candidats"},

	"r_required":              {"required by the committee", "imposé par le comité"},
	"r_lifted":                {"the decision lifts %s", "la décision lève %s"},
	"u_forbidden":             {"%d forbidden by the committee", "%d interdits par le comité"},
	"u_full_decided":          {"%d eligible mentors, all full (%d of them with pairs the committee required)", "%d mentors éligibles, tous complets (dont %d avec des binômes imposés par le comité)"},
	"rule_committee_decision": {"the committee decided otherwise", "le comité en a décidé autrement"},
}

func init() {
	for k, p := range decisionPhrases {
		phrases[k] = p
	}
}

// PlanSource says which plan pl is, with its value and its distance to the
// optimum: "the committee's plan: 22.477, 0.524 below the optimum 23.001".
func PlanSource(pl *matcher.Plan, lang Lang) string {
	switch pl.Mode {
	case matcher.PlanDecided, matcher.PlanCommittee:
		key := "plan_decided"
		if pl.Mode == matcher.PlanCommittee {
			key = "plan_committee"
		}
		// The distance is that of the figures shown, so that they add up.
		opt, total := math.Round(pl.Optimum*1000)/1000, math.Round(pl.Total*1000)/1000
		if d := opt - total; d < 0 {
			// Only overstretch exceptions can beat the optimum, which
			// leaves them out.
			return fmt.Sprintf(T(lang, key+"_above"), Num(pl.Total, 3), Num(-d, 3), Num(pl.Optimum, 3))
		}
		return fmt.Sprintf(T(lang, key), Num(pl.Total, 3), Num(opt-total, 3), Num(pl.Optimum, 3))
	}
	return fmt.Sprintf(T(lang, "plan_optimum"), Num(pl.Total, 3))
}

// planTitle is a table title followed by the plan it shows.
func planTitle(title string, pl *matcher.Plan, lang Lang) string {
	if pl == nil {
		return title
	}
	return title + " — " + PlanSource(pl, lang)
}

// DecisionWord is the decision column of plan.csv and pairs.csv:
// "required", "forbidden" or "".
func DecisionWord(d *model.Decision) string {
	switch {
	case d == nil:
		return ""
	case d.Required():
		return "required"
	}
	return "forbidden"
}

// DecisionCostsTable is decision_costs.csv: every decision of the
// committee in file order with its exact price, then a row of kind "total"
// with the price of the whole set against the free optimum. A move
// decision has a value cost only, a pair decision a priority and a fit
// cost only; the total row of the prices of a plan alone has a value cost
// only, that of a matching alone a priority and a fit cost only.
func DecisionCostsTable(pr *matcher.Prices, pl *matcher.Plan, lang Lang) *Table {
	t := &Table{
		Name:  "decision_costs",
		Title: planTitle(T(lang, "t_decision_costs"), pl, lang),
		Columns: []Column{
			{Key: "line", Label: T(lang, "line"), Kind: Number},
			{Key: "kind", Label: T(lang, "kind")},
			{Key: "decision", Label: T(lang, "decision")},
			{Key: "move_id", Label: T(lang, "move")},
			{Key: "person_id", Label: T(lang, "person_id")},
			{Key: "position_id", Label: T(lang, "position_id")},
			{Key: "mentee_id", Label: T(lang, "mentee_id_col")},
			{Key: "mentor_id", Label: T(lang, "mentor_id_col")},
			{Key: "value_cost", Label: T(lang, "value_cost"), Kind: Number},
			{Key: "tier_cost", Label: T(lang, "tier_cost"), Kind: Number},
			{Key: "fit_cost", Label: T(lang, "fit_cost"), Kind: Number},
			{Key: "note", Label: T(lang, "note")},
		},
	}
	if pr == nil {
		return t
	}
	for _, c := range pr.Costs {
		d := c.Decision
		if d.Kind == model.DecideMove {
			t.Add(strconv.Itoa(d.Line), string(d.Kind), string(d.Verb), d.MoveID, d.PersonID, d.PositionID, "", "",
				Num(c.Value, 3), "", "", d.Note)
		} else {
			t.Add(strconv.Itoa(d.Line), string(d.Kind), string(d.Verb), "", "", "", d.MenteeID, d.MentorID,
				"", strconv.Itoa(c.Tier), Num(c.Fit, 1), d.Note)
		}
	}
	value, tier, fit := Num(pr.Value, 3), strconv.Itoa(pr.Tier), Num(pr.Fit, 1)
	switch pr.Scope {
	case matcher.PriceMoves: // a plan alone: no matching to price
		tier, fit = "", ""
	case matcher.PricePairs: // a matching on a fixed plan
		value = ""
	}
	t.Add("", "total", "", "", "", "", "", "", value, tier, fit, "")
	return t
}

// decisionReason is what a move's reason says of the committee's decision
// on it, "" when there is none.
func decisionReason(e *matcher.PlanEntry, allowOverstretch bool, lang Lang) string {
	d := e.Decision
	if d == nil || !d.Required() || e.Status != matcher.Chosen {
		return ""
	}
	s := T(lang, "why_chosen_required")
	if d.FromPlan {
		s = T(lang, "why_chosen_in_plan")
	}
	if e.Exception(allowOverstretch) {
		s = T(lang, "why_chosen_exception")
		if d.FromPlan {
			s = T(lang, "why_chosen_exception_plan")
		}
	}
	return s + noteOf(d)
}

// noteOf is the committee's note in parentheses, "" without one.
func noteOf(d *model.Decision) string {
	if d == nil || d.Note == "" {
		return ""
	}
	return " (" + d.Note + ")"
}

// movesList writes "M009 (0.835), M010 (0.700)".
func movesList(es []*matcher.PlanEntry) string {
	by := make([]string, len(es))
	for i, o := range es {
		by[i] = fmt.Sprintf("%s (%s)", o.Score.Move.ID, Num(o.Value, 3))
	}
	return strings.Join(by, ", ")
}

// notChosenReason explains a move left out, each sentence a fact of the
// plan and the inputs.
func notChosenReason(e *matcher.PlanEntry, lang Lang) string {
	switch e.Why {
	case matcher.Forbidden:
		if e.Decision.FromPlan {
			return T(lang, "why_not_in_plan") + noteOf(e.Decision)
		}
		return T(lang, "why_forbidden") + noteOf(e.Decision)
	case matcher.OtherMove:
		o := e.By[0]
		switch {
		case o.Value >= e.Value:
			return fmt.Sprintf(T(lang, "why_other_no_less"), o.Score.Move.ID, Num(o.Value, 3), Num(e.Value, 3))
		case o.Decision != nil:
			return fmt.Sprintf(T(lang, "why_other_committee"), o.Score.Move.ID, Num(o.Value, 3))
		}
		return fmt.Sprintf(T(lang, "why_other_room"), o.Score.Move.ID, Num(o.Value, 3))
	case matcher.PositionFilled:
		committee, higher := true, true
		for _, o := range e.By {
			committee = committee && o.Decision != nil
			higher = higher && o.Value > e.Value
		}
		key := "why_filled_at_least"
		switch {
		case higher:
			key = "why_filled_higher2"
		case committee:
			key = "why_filled_committee"
		}
		s := fmt.Sprintf(T(lang, key), e.Score.Position.ID, movesList(e.By))
		if e.Instead != nil {
			s += fmt.Sprintf(T(lang, "why_instead"), e.Instead.Score.Move.ID, Num(e.Instead.Value, 3))
		}
		return s
	}
	return ""
}

// pairDecisionReasons are the first reasons of a pair the committee
// required: the decision, its note and the rules it lifts.
func pairDecisionReasons(p *matcher.Pair, lang Lang) []string {
	if p.Decision == nil {
		return nil
	}
	parts := []string{T(lang, "r_required") + noteOf(p.Decision)}
	for _, r := range p.Lifted {
		parts = append(parts, fmt.Sprintf(T(lang, "r_lifted"), r))
	}
	return parts
}

// dropEmpty leaves out the sections a pack does not have (no Name), such as
// the decisions section without decisions.
func dropEmpty(ss []Section) []Section {
	out := ss[:0]
	for _, s := range ss {
		if s.Name != "" {
			out = append(out, s)
		}
	}
	return out
}

// planIntro introduces the plan section, saying which plan it shows.
func planIntro(pl *matcher.Plan, lang Lang) string {
	if pl.Mode == matcher.PlanOptimum {
		return fmt.Sprintf(T(lang, "c_plan_intro"), Num(pl.Total, 3), pl.ChosenCount())
	}
	return fmt.Sprintf(T(lang, "c_plan_intro_decided"), PlanSource(pl, lang), pl.ChosenCount())
}

// decisionsSection lists the committee's decisions with their price; it
// is left out of a pack without decisions.
func (c *committee) decisionsSection() Section {
	if c.in.Prices == nil {
		return Section{}
	}
	l := c.lang
	t := DecisionCostsTable(c.in.Prices, c.in.Plan, l)
	for _, row := range t.Rows {
		// Kind and decision in the pack's language.
		row[1] = T(l, "k_"+row[1])
		if row[2] != "" {
			row[2] = T(l, "v_"+row[2])
		}
	}
	tables := []*Table{t}
	if ex := c.exceptionsTable(); len(ex.Rows) > 0 {
		tables = append(tables, ex)
	}
	return Section{
		Name:   "decisions",
		Title:  T(l, "c_decisions"),
		Intro:  fmt.Sprintf(T(l, "plan_shown"), PlanSource(c.in.Plan, l)) + " " + T(l, "c_decisions_intro"),
		Tables: tables,
	}
}

// exceptionsTable lists the overstretch moves the committee required
// although the plan excludes overstretch moves, with the mentor each
// person has (priority 3) or none.
func (c *committee) exceptionsTable() *Table {
	l := c.lang
	t := &Table{
		Name:  "decision_exceptions",
		Title: T(l, "t_decision_exceptions"),
		Columns: []Column{
			{Key: "move_id", Label: T(l, "move")},
			{Key: "person_id", Label: T(l, "person_id")},
			{Key: "person_name", Label: T(l, "person")},
			{Key: "position_id", Label: T(l, "position_id")},
			{Key: "challenge", Label: T(l, "challenge"), Kind: Number},
			{Key: "value", Label: T(l, "value"), Kind: Number},
			{Key: "mentor_id", Label: T(l, "mentor_id_col")},
			{Key: "note", Label: T(l, "note")},
		},
	}
	for _, s := range c.sorted {
		e := c.entry[s.Move]
		if e == nil || !e.Exception(c.in.Plan.AllowOverstretch) {
			continue
		}
		mentor := ""
		if p := c.paired[s.Person.ID]; p != nil {
			mentor = p.Mentor.Person.ID
		}
		t.Add(s.Move.ID, s.Person.ID, c.in.Names.Name(s.Person), s.Position.ID, Num(s.Challenge, 1), Num(e.Value, 3), mentor, e.Decision.Note)
	}
	return t
}

// decisionFields are the run record's account of the committee's
// decisions: which plan was shown with its value and the optimum's, and
// every decision of decisions.csv with who decided it, when, and its price.
func decisionFields(r *RunRecord) jsonObject {
	if r.Prices == nil || r.Plan == nil {
		return nil
	}
	plan := jsonObject{{"shown", string(r.Plan.Mode)}, {"value", jsonNumber(Num(r.Plan.Total, 3))},
		{"optimum", jsonNumber(Num(r.Plan.Optimum, 3))}}
	ds := jsonObject{}
	for _, c := range r.Prices.Costs {
		d := c.Decision
		o := jsonObject{{"kind", string(d.Kind)}, {"decision", string(d.Verb)}}
		if d.Kind == model.DecideMove {
			o = append(o, jsonField{"move_id", d.MoveID}, jsonField{"person_id", d.PersonID}, jsonField{"position_id", d.PositionID},
				jsonField{"value_cost", jsonNumber(Num(c.Value, 3))})
		} else {
			o = append(o, jsonField{"mentee_id", d.MenteeID}, jsonField{"mentor_id", d.MentorID},
				jsonField{"tier_cost", c.Tier}, jsonField{"fit_cost", jsonNumber(Num(c.Fit, 1))})
		}
		o = append(o, jsonField{"note", d.Note}, jsonField{"decided_by", d.DecidedBy}, jsonField{"date", d.Date})
		ds = append(ds, jsonField{fmt.Sprintf("%s:%d", d.Source, d.Line), o})
	}
	total := jsonObject{{"value_cost", jsonNumber(Num(r.Prices.Value, 3))}, {"tier_cost", r.Prices.Tier},
		{"fit_cost", jsonNumber(Num(r.Prices.Fit, 1))}}
	return jsonObject{{"plan", plan}, {"decisions", ds}, {"decisions_total", total}}
}
