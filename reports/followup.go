package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher/followup"
	"github.com/stretchmatch/stretchmatch/model"
)

// followupPhrases holds the labels of the follow-up tables and of the
// "Last quarter" section. Lookups only, through fuT.
var followupPhrases = map[string]phrase{
	"t_moves_followup":  {"Moves of last quarter: did they happen?", "Mouvements du trimestre dernier : ont-ils eu lieu ?"},
	"t_pairs_followup":  {"Pairs of last quarter: are they alive?", "Binômes du trimestre dernier : sont-ils actifs ?"},
	"t_groups_followup": {"Codevelopment groups of last quarter", "Groupes de codéveloppement du trimestre dernier"},
	"t_history_next":    {"History for next quarter", "Historique pour le prochain trimestre"},
	"t_mentees_next":    {"Mentees suggested for next quarter", "Mentorés proposés pour le prochain trimestre"},
	"t_codev_next":      {"Codevelopment history for next quarter", "Historique de codéveloppement pour le prochain trimestre"},
	"move":              {"Move", "Mouvement"},
	"person_id":         {"Person id", "Id personne"},
	"person":            {"Person", "Personne"},
	"position_id":       {"Target position", "Poste cible"},
	"band":              {"Band", "Zone"},
	"source":            {"Plan source", "Origine"},
	"status":            {"Status", "Statut"},
	"reason":            {"Why", "Pourquoi"},
	"mentee_id":         {"Mentee id", "Id mentoré"},
	"mentee":            {"Mentee", "Mentoré"},
	"mentor_id":         {"Mentor id", "Id mentor"},
	"mentor":            {"Mentor", "Mentor"},
	"start":             {"Start", "Début"},
	"health":            {"Health", "État"},
	"first_meeting":     {"First meeting", "Première séance"},
	"last_meeting":      {"Last meeting", "Dernière séance"},
	"days_since":        {"Days since last meeting", "Jours depuis la dernière séance"},
	"held":              {"Sessions held", "Séances tenues"},
	"planned":           {"Sessions planned", "Séances prévues"},
	"fit_answer":        {"Fit answer", "Adéquation"},
	"rating":            {"Rating", "Note"},
	"goals":             {"Goals", "Objectifs"},
	"mean_goal":         {"Mean goal score", "Score moyen des objectifs"},
	"gas_t":             {"GAS T-score", "Score T (GAS)"},
	"next_status":       {"Next quarter", "Trimestre prochain"},
	"group_id":          {"Group", "Groupe"},
	"members":           {"Members", "Membres"},
	"going_on":          {"Going on", "Continuent"},
	"out":               {"Out", "Sortis"},
	"since":             {"Since", "Depuis"},
	"needs":             {"Needs", "Besoins"},
	"preferences":       {"Preferences", "Préférences"},
	"avoid":             {"Avoid", "À éviter"},
	"priority":          {"Priority", "Priorité"},
	"cycle":             {"Cycle", "Cycle"},
	"person_col":        {"Person id", "Id personne"},

	"realised":         {"realised", "réalisé"},
	"other_move":       {"other move", "autre mouvement"},
	"not_yet":          {"not yet", "pas encore"},
	"left":             {"left", "parti"},
	"on_track":         {"on track", "en bonne voie"},
	"no_first_meeting": {"no first meeting", "pas de première séance"},
	"inactive":         {"inactive", "inactif"},
	"not_a_good_fit":   {"not a good fit", "mauvaise adéquation"},
	"ended":            {"ended", "terminé"},
	"optimum":          {"optimum", "optimum"},
	"decision":         {"committee decision", "décision du comité"},
	"committee_plan":   {"committee's plan", "plan du comité"},
	"active":           {"active", "actif"},

	"why_holds_target":    {"holds the target position", "occupe le poste cible"},
	"why_job_matches":     {"manager, function and grade are those of the target", "responsable, fonction et niveau sont ceux du poste cible"},
	"why_job_changed":     {"job changed otherwise: %s", "le poste a changé autrement : %s"},
	"why_same_job":        {"same job as last quarter", "même poste qu'au trimestre dernier"},
	"why_before_unknown":  {"not in the target; last quarter's people.csv not found, so a change of job cannot be told", "pas dans le poste cible ; le people.csv du trimestre dernier est introuvable, un changement de poste ne peut être constaté"},
	"why_target_unknown":  {"no position_id, and the target position is in no positions.csv", "pas de position_id, et le poste cible n'est dans aucun positions.csv"},
	"why_left":            {"no longer in people.csv", "n'est plus dans people.csv"},
	"why_mentee_left":     {"the mentee left", "le mentoré est parti"},
	"why_mentor_left":     {"the mentor left", "le mentor est parti"},
	"why_closed":          {"closed: %s", "clôturé : %s"},
	"why_closed_plain":    {"closed", "clôturé"},
	"why_too_few_members": {"%s member(s) go on", "%s membre(s) continuent"},
	"why_fit_answer":      {"answered not a good fit", "a répondu mauvaise adéquation"},
	"why_fit_answer_n":    {"%s answers: not a good fit", "%s réponses : mauvaise adéquation"},
	"why_no_meeting":      {"no meeting %s days after the start", "aucune séance %s jours après le début"},
	"why_too_early":       {"no meeting yet, %s days after the start", "pas encore de séance, %s jours après le début"},
	"why_silent":          {"no meeting for %s days", "aucune séance depuis %s jours"},
	"why_meeting":         {"last meeting %s days ago", "dernière séance il y a %s jours"},
	"why_pair_failed":     {"last quarter's pair failed: priority 2", "le binôme du trimestre dernier a échoué : priorité 2"},

	"s_last_quarter":     {"Last quarter", "Trimestre dernier"},
	"s_last_intro":       {"Follow-up of the previous pack as of %s (pairs and groups started %s): which moves became real, which pairs and groups need a nudge.", "Suivi du dossier précédent au %s (binômes et groupes commencés le %s) : quels mouvements ont eu lieu, quels binômes et groupes ont besoin d'un coup de pouce."},
	"t_lq_band":          {"Moves realised by band", "Mouvements réalisés par zone"},
	"t_lq_source":        {"Moves realised by plan source", "Mouvements réalisés selon l'origine du plan"},
	"t_lq_health":        {"Pairs and groups by health", "Binômes et groupes par état"},
	"t_lq_goals":         {"Goal attainment", "Atteinte des objectifs"},
	"t_lq_alerts":        {"Alerts to act on", "Alertes à traiter"},
	"t_lq_eq_division":   {"Realisation and healthy pairs by division", "Réalisation et binômes en bonne voie par division"},
	"t_lq_eq_grade":      {"Realisation and healthy pairs by grade", "Réalisation et binômes en bonne voie par niveau"},
	"t_lq_eq_gender":     {"Realisation and healthy pairs by gender", "Réalisation et binômes en bonne voie par genre"},
	"lq_what":            {"What", "Quoi"},
	"lq_moves":           {"Moves", "Mouvements"},
	"lq_realised_share":  {"Realised %", "Réalisés %"},
	"lq_kind":            {"Kind", "Type"},
	"lq_pairs":           {"pairs", "binômes"},
	"lq_groups":          {"groups", "groupes"},
	"lq_pairs_col":       {"Pairs", "Binômes"},
	"lq_healthy":         {"On track", "En bonne voie"},
	"lq_healthy_share":   {"On track %", "En bonne voie %"},
	"lq_realised_ratio":  {"Realised impact ratio", "Ratio d'impact (réalisés)"},
	"lq_healthy_ratio":   {"On track impact ratio", "Ratio d'impact (en bonne voie)"},
	"lq_flag":            {"Below four-fifths", "Sous les quatre cinquièmes"},
	"lq_group":           {"Group", "Groupe"},
	"lq_not_given":       {"(not given)", "(non renseigné)"},
	"lq_action":          {"What to do", "Que faire"},
	"lq_who":             {"Who", "Qui"},
	"lq_total":           {"Total", "Total"},
	"lq_mean_t":          {"mean T-score", "score T moyen"},
	"a_move_not_yet":     {"ask the manager when the move takes place", "demander au responsable quand le mouvement aura lieu"},
	"a_move_other":       {"review the development plan: another move happened", "revoir le plan de développement : un autre mouvement a eu lieu"},
	"a_no_first_meeting": {"get the first meeting scheduled", "faire planifier la première séance"},
	"a_inactive":         {"check in: sessions have stopped", "faire un point : les séances se sont arrêtées"},
	"a_not_a_good_fit":   {"rematch the mentee next quarter (priority 2 in mentees_next.csv)", "rapparier le mentoré au prochain trimestre (priorité 2 dans mentees_next.csv)"},
	"a_mentor_left":      {"find the mentee another mentor (priority 2 in mentees_next.csv)", "trouver un autre mentor au mentoré (priorité 2 dans mentees_next.csv)"},
	"a_group_ended":      {"re-form the group or place its members in another one", "reformer le groupe ou placer ses membres dans un autre"},
	"a_group_fit":        {"talk with the group about its fit", "parler avec le groupe de son adéquation"},
	"suppressed":         {"< 5", "< 5"},
	"yes":                {"yes", "oui"},
}

func fuT(lang Lang, key string) string {
	p, ok := followupPhrases[key]
	if !ok {
		return key
	}
	if lang == FR {
		return p.fr
	}
	return p.en
}

// fuName returns the name to show for a person who may have left: their
// name now, else the name the previous pack gave (a pseudonym with
// redaction).
func fuName(names Namer, p *model.Person, id, prevName string) string {
	switch {
	case p != nil:
		return names.Name(p)
	case names.Redact && prevName != "":
		return Pseudonym(id)
	}
	return prevName
}

// fuWhy puts a why code of the follow-up into words.
func fuWhy(lang Lang, why, detail string) string {
	switch why {
	case followup.WhyClosed:
		if detail == "" {
			return fuT(lang, "why_closed_plain")
		}
		return fmt.Sprintf(fuT(lang, "why_closed"), detail)
	case followup.WhyJobChanged, followup.WhyFewMembers, followup.WhyNoMeeting, followup.WhyTooEarly,
		followup.WhySilent, followup.WhyMeeting:
		return fmt.Sprintf(fuT(lang, "why_"+why), detail)
	case followup.WhyFitAnswer:
		if detail != "" {
			return fmt.Sprintf(fuT(lang, "why_fit_answer_n"), detail)
		}
	}
	return fuT(lang, "why_"+why)
}

func optNum(o model.OptFloat, decimals int) string {
	if !o.OK {
		return ""
	}
	return Num(o.V, decimals)
}

// MovesFollowupTable is moves_followup.csv: every move chosen last
// quarter, its plan source and what became of it.
func MovesFollowupTable(r *followup.Result, lang Lang, names Namer) *Table {
	t := &Table{Name: "moves_followup", Title: fuT(lang, "t_moves_followup"), Columns: []Column{
		{Key: "move_id", Label: fuT(lang, "move")},
		{Key: "person_id", Label: fuT(lang, "person_id")},
		{Key: "person_name", Label: fuT(lang, "person")},
		{Key: "position_id", Label: fuT(lang, "position_id")},
		{Key: "band", Label: fuT(lang, "band")},
		{Key: "source", Label: fuT(lang, "source")},
		{Key: "status", Label: fuT(lang, "status")},
		{Key: "reason", Label: fuT(lang, "reason")},
	}}
	for _, m := range r.Moves {
		name := ""
		if m.Person != nil {
			name = names.Name(m.Person)
		}
		t.Add(m.Prev.MoveID, m.Prev.PersonID, name, m.Prev.PositionID, m.Prev.Band, m.Source, string(m.Status),
			fuWhy(lang, m.Why, m.Detail))
	}
	return t
}

func goalsCell(gs []followup.Goal) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		name := g.Name
		if name == "" {
			name = "-"
		}
		parts[i] = fmt.Sprintf("%s=%+d", name, g.Score)
		if g.Score == 0 {
			parts[i] = name + "=0"
		}
		if g.Weight != 1 {
			parts[i] += "×" + strconv.FormatFloat(g.Weight, 'f', -1, 64)
		}
	}
	return strings.Join(parts, "|")
}

// PairsFollowupTable is pairs_followup.csv: every pair of last quarter,
// its health and why, its sessions and goals, and whether it goes on.
func PairsFollowupTable(r *followup.Result, lang Lang, names Namer) *Table {
	t := &Table{Name: "pairs_followup", Title: fuT(lang, "t_pairs_followup"), Columns: []Column{
		{Key: "mentee_id", Label: fuT(lang, "mentee_id")},
		{Key: "mentee_name", Label: fuT(lang, "mentee")},
		{Key: "mentor_id", Label: fuT(lang, "mentor_id")},
		{Key: "mentor_name", Label: fuT(lang, "mentor")},
		{Key: "start", Label: fuT(lang, "start")},
		{Key: "health", Label: fuT(lang, "health")},
		{Key: "reason", Label: fuT(lang, "reason")},
		{Key: "first_meeting", Label: fuT(lang, "first_meeting")},
		{Key: "last_meeting", Label: fuT(lang, "last_meeting")},
		{Key: "days_since_meeting", Label: fuT(lang, "days_since"), Kind: Number},
		{Key: "sessions_held", Label: fuT(lang, "held"), Kind: Number},
		{Key: "sessions_planned", Label: fuT(lang, "planned"), Kind: Number},
		{Key: "fit_answer", Label: fuT(lang, "fit_answer")},
		{Key: "rating", Label: fuT(lang, "rating"), Kind: Number},
		{Key: "goals", Label: fuT(lang, "goals")},
		{Key: "mean_goal_score", Label: fuT(lang, "mean_goal"), Kind: Number},
		{Key: "gas_t", Label: fuT(lang, "gas_t"), Kind: Number},
		{Key: "next_status", Label: fuT(lang, "next_status")},
	}}
	for i := range r.Pairs {
		p := &r.Pairs[i]
		next := string(model.PairEnded)
		if p.GoesOn() {
			next = string(model.PairActive)
		}
		t.Add(p.Prev.MenteeID, fuName(names, p.Mentee, p.Prev.MenteeID, p.Prev.MenteeName),
			p.Prev.MentorID, fuName(names, p.Mentor, p.Prev.MentorID, p.Prev.MentorName),
			p.Start, string(p.Health), fuWhy(lang, p.Why, p.Detail), p.FirstMeeting, p.LastMeeting,
			optInt(p.DaysSinceMeeting), strconv.Itoa(p.Held), strconv.Itoa(p.Planned), string(p.Fit),
			optNum(p.Rating, 1), goalsCell(p.Goals), optNum(p.MeanGoal, 2), optNum(p.T, 1), next)
	}
	return t
}

// GroupsFollowupTable is groups_followup.csv: every codevelopment group of
// last quarter, who goes on, its health and sessions.
func GroupsFollowupTable(r *followup.Result, lang Lang) *Table {
	t := &Table{Name: "groups_followup", Title: fuT(lang, "t_groups_followup"), Columns: []Column{
		{Key: "group_id", Label: fuT(lang, "group_id")},
		{Key: "members", Label: fuT(lang, "members")},
		{Key: "going_on", Label: fuT(lang, "going_on"), Kind: Number},
		{Key: "out", Label: fuT(lang, "out")},
		{Key: "start", Label: fuT(lang, "start")},
		{Key: "health", Label: fuT(lang, "health")},
		{Key: "reason", Label: fuT(lang, "reason")},
		{Key: "first_meeting", Label: fuT(lang, "first_meeting")},
		{Key: "last_meeting", Label: fuT(lang, "last_meeting")},
		{Key: "days_since_meeting", Label: fuT(lang, "days_since"), Kind: Number},
		{Key: "sessions_held", Label: fuT(lang, "held"), Kind: Number},
		{Key: "sessions_planned", Label: fuT(lang, "planned"), Kind: Number},
		{Key: "goals", Label: fuT(lang, "goals")},
		{Key: "mean_goal_score", Label: fuT(lang, "mean_goal"), Kind: Number},
		{Key: "gas_t", Label: fuT(lang, "gas_t"), Kind: Number},
	}}
	for i := range r.Groups {
		g := &r.Groups[i]
		var ids, out []string
		goesOn := 0
		for _, m := range g.Members {
			ids = append(ids, m.ID)
			switch {
			case m.Person == nil:
				out = append(out, m.ID+"="+fuT(lang, "left"))
			case m.Closed:
				reason := m.Reason
				if reason == "" {
					reason = fuT(lang, "why_closed_plain")
				}
				out = append(out, m.ID+"="+reason)
			default:
				goesOn++
			}
		}
		t.Add(g.Prev.ID, strings.Join(ids, "|"), strconv.Itoa(goesOn), strings.Join(out, "|"), g.Start,
			string(g.Health), fuWhy(lang, g.Why, g.Detail), g.FirstMeeting, g.LastMeeting, optInt(g.DaysSinceMeeting),
			strconv.Itoa(g.Held), strconv.Itoa(g.Planned), goalsCell(g.Goals), optNum(g.MeanGoal, 2), optNum(g.T, 1))
	}
	return t
}

// HistoryNextTable is history_next.csv, a history.csv for the next run.
// Its headers are the canonical ones whatever the language, so that the
// file is read back as it is.
func HistoryNextTable(rows []model.HistoryPair, lang Lang) *Table {
	t := &Table{Name: "history_next", Title: fuT(lang, "t_history_next"), Columns: []Column{
		{Key: "mentee_id", Label: fuT(lang, "mentee_id")},
		{Key: "mentor_id", Label: fuT(lang, "mentor_id")},
		{Key: "status", Label: fuT(lang, "status")},
		{Key: "since", Label: fuT(lang, "since")},
	}}
	for _, h := range rows {
		t.Add(h.MenteeID, h.MentorID, string(h.Status), h.Since)
	}
	return t
}

// MenteesNextTable is mentees_next.csv, a mentees.csv for the next run
// with a reason column (ignored when read back).
func MenteesNextTable(rows []followup.NextMentee, lang Lang) *Table {
	t := &Table{Name: "mentees_next", Title: fuT(lang, "t_mentees_next"), Columns: []Column{
		{Key: "person_id", Label: fuT(lang, "person_col")},
		{Key: "needs", Label: fuT(lang, "needs")},
		{Key: "preferences", Label: fuT(lang, "preferences")},
		{Key: "avoid", Label: fuT(lang, "avoid")},
		{Key: "priority", Label: fuT(lang, "priority"), Kind: Number},
		{Key: "reason", Label: fuT(lang, "reason")},
	}}
	for _, m := range rows {
		why := ""
		if m.Raised {
			why = fuT(lang, "why_pair_failed")
		}
		t.Add(m.PersonID, strings.Join(m.Needs, "|"), strings.Join(m.Preferences, "|"), strings.Join(m.Avoid, "|"),
			m.Priority.String(), why)
	}
	return t
}

// CodevHistoryNextTable is codev_history_next.csv: codev_history.csv with
// last quarter's groups added.
func CodevHistoryNextTable(rows []model.CodevMembership, lang Lang) *Table {
	t := &Table{Name: "codev_history_next", Title: fuT(lang, "t_codev_next"), Columns: []Column{
		{Key: "group_id", Label: fuT(lang, "group_id")},
		{Key: "person_id", Label: fuT(lang, "person_col")},
		{Key: "cycle", Label: fuT(lang, "cycle")},
	}}
	for _, m := range rows {
		t.Add(m.GroupID, m.PersonID, m.Cycle)
	}
	return t
}

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
	for _, k := range append(order, "\x00total") {
		c := counts[k]
		if c == nil {
			continue
		}
		label := k
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
		t.Add(fuT(lang, "lq_pairs"), who, fuT(lang, string(p.Health)), fuWhy(lang, p.Why, p.Detail), fuT(lang, action))
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
		t.Add(fuT(lang, "lq_groups"), g.Prev.ID, fuT(lang, string(g.Health)), fuWhy(lang, g.Why, g.Detail), fuT(lang, action))
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
		moves, pairs := map[string]*lqRate{}, map[string]*lqRate{}
		var groups []string
		get := func(m map[string]*lqRate, id string) *lqRate {
			g := ""
			if p := byID[id]; p != nil {
				g = k.key(p)
			}
			if moves[g] == nil {
				moves[g], pairs[g] = &lqRate{}, &lqRate{}
				groups = append(groups, g)
			}
			return m[g]
		}
		for i := range r.Moves {
			c := get(moves, r.Moves[i].Prev.PersonID)
			c.n++
			if r.Moves[i].Status == followup.Realised {
				c.ok++
			}
		}
		for i := range r.Pairs {
			c := get(pairs, r.Pairs[i].Prev.MenteeID)
			c.n++
			if r.Pairs[i].Health == followup.OnTrack {
				c.ok++
			}
		}
		slices.SortFunc(groups, func(a, b string) int {
			switch {
			case a == b:
				return 0
			case a == "":
				return 1
			case b == "":
				return -1
			}
			if k.numeric {
				x, _ := strconv.Atoi(a)
				y, _ := strconv.Atoi(b)
				if x != y {
					return x - y
				}
			}
			return strings.Compare(a, b)
		})
		out = append(out, lqEquityTable(k.name, k.title, groups, moves, pairs, lang))
	}
	return out
}

func lqEquityTable(name, title string, groups []string, moves, pairs map[string]*lqRate, lang Lang) *Table {
	t := &Table{Name: name, Title: fuT(lang, title), Columns: []Column{
		{Key: "group", Label: fuT(lang, "lq_group")},
		{Key: "moves", Label: fuT(lang, "lq_moves")},
		{Key: "realised_share", Label: fuT(lang, "lq_realised_share"), Kind: Number},
		{Key: "realised_ratio", Label: fuT(lang, "lq_realised_ratio"), Kind: Number},
		{Key: "pairs", Label: fuT(lang, "lq_pairs_col")},
		{Key: "on_track_share", Label: fuT(lang, "lq_healthy_share"), Kind: Number},
		{Key: "on_track_ratio", Label: fuT(lang, "lq_healthy_ratio"), Kind: Number},
		{Key: "below_four_fifths", Label: fuT(lang, "lq_flag")},
	}}
	best := func(m map[string]*lqRate) float64 {
		b := 0.0
		for _, g := range groups {
			if c := m[g]; c.n >= minGroup && c.rate() > b {
				b = c.rate()
			}
		}
		return b
	}
	bm, bp := best(moves), best(pairs)
	cells := func(c *lqRate, b float64) (n, rate, ratio string, low bool) {
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
	for _, g := range groups {
		label := g
		if g == "" {
			label = fuT(lang, "lq_not_given")
		}
		mn, mr, mx, ml := cells(moves[g], bm)
		pn, pr, px, pl := cells(pairs[g], bp)
		flag := ""
		if ml || pl {
			flag = fuT(lang, "yes")
		}
		t.Add(label, mn, mr, mx, pn, pr, px, flag)
	}
	return t
}
