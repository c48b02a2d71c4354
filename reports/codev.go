package reports

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher/codev"
	"github.com/stretchmatch/stretchmatch/model"
)

// codevPhrases are the labels of the codevelopment tables. Lookups only,
// through codevT: the map is never ranged over.
var codevPhrases = map[string]phrase{
	"t_groups":         {"Codevelopment groups: members", "Groupes de codéveloppement : membres"},
	"t_group_summary":  {"Codevelopment groups", "Groupes de codéveloppement"},
	"t_group_sessions": {"Codevelopment calendar", "Calendrier du codéveloppement"},
	"t_codev_unplaced": {"Volunteers without a group", "Volontaires sans groupe"},
	"s_codev":          {"Codevelopment", "Codéveloppement"},
	"group_id":         {"Group", "Groupe"},
	"person_id":        {"Person id", "Matricule"},
	"person_name":      {"Name", "Nom"},
	"function":         {"Function", "Fonction"},
	"grade":            {"Grade", "Niveau"},
	"division":         {"Division", "Direction"},
	"country":          {"Country", "Pays"},
	"language":         {"Language", "Langue"},
	"mode":             {"Mode", "Modalité"},
	"group_score":      {"Group score", "Score du groupe"},
	"reasons":          {"Why it holds together", "Pourquoi il tient"},
	"size":             {"Size", "Taille"},
	"c_function":       {"Same function", "Même fonction"},
	"c_grade":          {"Close grades", "Niveaux proches"},
	"c_challenge":      {"Shared challenge", "Défi commun"},
	"c_variety":        {"Variety", "Diversité"},
	"c_gender":         {"Gender balance", "Équilibre des genres"},
	"session":          {"Session", "Séance"},
	"date":             {"Date", "Date"},
	"client_id":        {"Client", "Client"},
	"animator_id":      {"Animator", "Animateur"},
	"reports_back_id":  {"Reports back", "Fait son retour"},
	"client_name":      {"Client name", "Nom du client"},
	"animator_name":    {"Animator name", "Nom de l'animateur"},
	"reason":           {"Reason", "Raison"},
	"excluded_by":      {"Excluded by (rule=count)", "Exclus par (règle=nombre)"},
	"in_person":        {"in person", "présentiel"},
	"remote":           {"remote", "distanciel"},
	"r_function":       {"same function: %s (%d of %d)", "même fonction : %s (%d sur %d)"},
	"r_role":           {"same role kind: %s (%d of %d)", "même type de poste : %s (%d sur %d)"},
	"r_functions":      {"%d functions", "%d fonctions"},
	"r_grades":         {"grades %d–%d", "niveaux %d à %d"},
	"r_grade":          {"grade %d", "niveau %d"},
	"r_challenge":      {"shared challenge: %s (%d)", "défi commun : %s (%d)"},
	"r_in_place":       {"developing in place (%d)", "développement sur le poste (%d)"},
	"r_variety":        {"%d divisions, %d sites", "%d directions, %d sites"},
	"r_language":       {"language: %s", "langue : %s"},
	"u_too_few":        {"fewer than %d volunteers may share a group with them (%d may)", "moins de %d volontaires peuvent partager leur groupe (%d le peuvent)"},
	"u_no_group":       {"no group could take them with every rule kept (%d volunteers are compatible one by one)", "aucun groupe ne peut les accueillir en respectant toutes les règles (%d volontaires compatibles un à un)"},
	"codev_intro": {"%d groups of %d to %d members from %d volunteers, %d without a group. The score of a group (0–100) weighs same function, close grades, shared challenge of the planned moves, variety of divisions and sites%s. %s",
		"%d groupes de %d à %d membres pour %d volontaires, %d sans groupe. Le score d'un groupe (0–100) pondère même fonction, niveaux proches, défi commun des mouvements prévus, diversité des directions et des sites%s. %s"},
	"codev_gender_w": {" and gender balance", " et l'équilibre des genres"},
	"codev_exact":    {"Worst group %s, total %s: proved optimal by exhaustive search.", "Groupe le plus faible %s, total %s : optimum prouvé par recherche exhaustive."},
	"codev_gap":      {"Worst group %s, bound %s: within %s. Total %s.", "Groupe le plus faible %s, borne %s : à %s au plus. Total %s."},
	"codev_none":     {"No group could be formed.", "Aucun groupe n'a pu être formé."},
}

// codevT returns the codevelopment label of key in lang, or T's.
func codevT(lang Lang, key string) string {
	if p, ok := codevPhrases[key]; ok {
		if lang == FR {
			return p.fr
		}
		return p.en
	}
	return T(lang, key)
}

func codevCols(lang Lang, keys ...string) []Column {
	cols := make([]Column, len(keys))
	for i, k := range keys {
		kind := Text
		switch k {
		case "group_score", "size", "session", "c_function", "c_grade", "c_challenge", "c_variety", "c_gender", "grade":
			kind = Number
		}
		key := k
		cols[i] = Column{Key: key, Label: codevT(lang, k), Kind: kind}
	}
	return cols
}

// CodevObjective states the objective and its distance to the bound, the
// line that `groups` prints and the pack's section opens with.
func CodevObjective(r *codev.Result, lang Lang) string {
	switch {
	case len(r.Groups) == 0:
		return codevT(lang, "codev_none")
	case r.Exact:
		return fmt.Sprintf(codevT(lang, "codev_exact"), Num(r.Worst, 1), Num(r.Total, 1))
	}
	// The gap between the numbers as shown, so that the line adds up.
	gap := max(math.Round(r.Bound*10)-math.Round(r.Worst*10), 0) / 10
	return fmt.Sprintf(codevT(lang, "codev_gap"), Num(r.Worst, 1), Num(r.Bound, 1), Num(gap, 1), Num(r.Total, 1))
}

// GroupsTable is groups.csv: one row per member of each group, with the
// group's score and why it holds together.
func GroupsTable(r *codev.Result, lang Lang, names Namer) *Table {
	t := &Table{Name: "groups", Title: codevT(lang, "t_groups"),
		Columns: codevCols(lang, "group_id", "person_id", "person_name", "function", "grade", "division",
			"country", "language", "mode", "group_score", "reasons")}
	for i := range r.Groups {
		g := &r.Groups[i]
		reasons := GroupReasons(g, lang)
		for _, m := range g.Members {
			p := m.Person
			mode := string(model.CodevRemote)
			if m.Volunteer != nil && m.Volunteer.Mode != "" {
				mode = string(m.Volunteer.Mode)
			}
			t.Add(g.ID, p.ID, names.Name(p), p.Function, optInt(p.Grade), p.Division, p.Country,
				strings.Join(g.Languages, "|"), mode, Num(g.Score, 1), reasons)
		}
	}
	return t
}

// GroupSummaryTable has one row per group: size, score and its components
// (0–100 each), common languages and reasons.
func GroupSummaryTable(r *codev.Result, lang Lang) *Table {
	t := &Table{Name: "group_summary", Title: codevT(lang, "t_group_summary"),
		Columns: codevCols(lang, "group_id", "size", "group_score", "c_function", "c_grade", "c_challenge",
			"c_variety", "c_gender", "language", "reasons")}
	for i := range r.Groups {
		g := &r.Groups[i]
		pc := g.Parts
		t.Add(g.ID, strconv.Itoa(len(g.Members)), Num(g.Score, 1), Num(100*pc.Function, 1), Num(100*pc.Grade, 1),
			Num(100*pc.Challenge, 1), Num(100*pc.Variety, 1), Num(100*pc.Gender, 1),
			strings.Join(g.Languages, "|"), GroupReasons(g, lang))
	}
	return t
}

// GroupSessionsTable is group_sessions.csv: one round of sessions of every
// group, in the order of calendars (one per group, as codev.Calendar
// returns them).
func GroupSessionsTable(r *codev.Result, calendars [][]codev.Session, lang Lang, names Namer) *Table {
	t := &Table{Name: "group_sessions", Title: codevT(lang, "t_group_sessions"),
		Columns: codevCols(lang, "group_id", "session", "date", "client_id", "animator_id", "reports_back_id",
			"client_name", "animator_name")}
	for i := range r.Groups {
		for _, s := range calendars[i] {
			back := ""
			if s.ReportsBack != nil {
				back = s.ReportsBack.ID()
			}
			animID, animName := "", ""
			if s.Animator != nil {
				animID, animName = s.Animator.ID(), names.Name(s.Animator.Person)
			}
			t.Add(r.Groups[i].ID, strconv.Itoa(s.Number), s.Date, s.Client.ID(), animID, back,
				names.Name(s.Client.Person), animName)
		}
	}
	return t
}

// CodevUnplacedTable is codev_unplaced.csv: each volunteer left without a
// group, why, and how many other volunteers each rule keeps from them.
func CodevUnplacedTable(r *codev.Result, lang Lang, names Namer, minSize int) *Table {
	t := &Table{Name: "codev_unplaced", Title: codevT(lang, "t_codev_unplaced"),
		Columns: codevCols(lang, "person_id", "person_name", "reason", "excluded_by")}
	for _, u := range r.Unplaced {
		var by []string
		for k, rule := range codev.Rules {
			if n := u.Excluded[k]; n > 0 {
				by = append(by, fmt.Sprintf("%s=%d", rule, n))
			}
		}
		reason := fmt.Sprintf(codevT(lang, "u_no_group"), u.Compatible)
		if u.Reason == codev.ReasonTooFew {
			reason = fmt.Sprintf(codevT(lang, "u_too_few"), minSize-1, u.Compatible)
		}
		t.Add(u.Member.ID(), names.Name(u.Member.Person), reason, strings.Join(by, "|"))
	}
	return t
}

// CodevSection is the Codevelopment section of the committee pack: the
// objective and its bound, the groups, their members, the calendar and the
// volunteers without a group.
func CodevSection(r *codev.Result, calendars [][]codev.Session, cfg *model.CodevConfig, lang Lang, names Namer) Section {
	gender := ""
	if cfg.Gender == model.GenderWeight {
		gender = codevT(lang, "codev_gender_w")
	}
	volunteers := r.Placed() + len(r.Unplaced)
	intro := fmt.Sprintf(codevT(lang, "codev_intro"), len(r.Groups), cfg.MinSize, cfg.MaxSize, volunteers,
		len(r.Unplaced), gender, CodevObjective(r, lang))
	return Section{Name: "codev", Title: codevT(lang, "s_codev"), Intro: intro,
		Tables: []*Table{
			GroupSummaryTable(r, lang),
			GroupsTable(r, lang, names),
			GroupSessionsTable(r, calendars, lang, names),
			CodevUnplacedTable(r, lang, names, cfg.MinSize),
		}}
}

// GroupReasons says in words why a group holds together: its most common
// function (or role kind), its grades, its most shared challenge, its
// variety and its common language.
func GroupReasons(g *codev.Group, lang Lang) string {
	n := len(g.Members)
	var out []string
	fn, fc := mostCommon(g.Members, func(m *codev.Member) []string { return nonEmpty(m.Person.Function) })
	rk, rc := mostCommon(g.Members, func(m *codev.Member) []string { return nonEmpty(m.Person.RoleKind) })
	switch {
	case fc >= 2:
		out = append(out, fmt.Sprintf(codevT(lang, "r_function"), fn, fc, n))
	case rc >= 2:
		out = append(out, fmt.Sprintf(codevT(lang, "r_role"), rk, rc, n))
	default:
		out = append(out, fmt.Sprintf(codevT(lang, "r_functions"), distinctOf(g.Members, func(m *codev.Member) string { return m.Person.Function })))
	}
	lo, hi, any := 0, 0, false
	for _, m := range g.Members {
		if gr := m.Person.Grade; gr.OK {
			if !any || gr.V < lo {
				lo = gr.V
			}
			if !any || gr.V > hi {
				hi = gr.V
			}
			any = true
		}
	}
	switch {
	case any && lo == hi:
		out = append(out, fmt.Sprintf(codevT(lang, "r_grade"), lo))
	case any:
		out = append(out, fmt.Sprintf(codevT(lang, "r_grades"), lo, hi))
	}
	ch, cc := mostCommon(g.Members, func(m *codev.Member) []string { return m.Challenge })
	inPlace := 0
	for _, m := range g.Members {
		if !m.HasMove {
			inPlace++
		}
	}
	switch {
	case cc >= 2:
		out = append(out, fmt.Sprintf(codevT(lang, "r_challenge"), ch, cc))
	case inPlace >= 2:
		out = append(out, fmt.Sprintf(codevT(lang, "r_in_place"), inPlace))
	}
	divisions := distinctOf(g.Members, func(m *codev.Member) string { return m.Person.Division })
	sites := distinctOf(g.Members, func(m *codev.Member) string { return m.Person.Country + "/" + m.Person.SiteType })
	if divisions+sites > 0 {
		out = append(out, fmt.Sprintf(codevT(lang, "r_variety"), divisions, sites))
	}
	if len(g.Languages) > 0 {
		out = append(out, fmt.Sprintf(codevT(lang, "r_language"), strings.Join(g.Languages, ", ")))
	}
	return strings.Join(out, "; ")
}

func nonEmpty(s string) []string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return []string{s}
}

// mostCommon returns the value most members have (ties: the smallest) and
// how many have it.
func mostCommon(ms []*codev.Member, values func(*codev.Member) []string) (string, int) {
	type count struct {
		v string
		n int
	}
	var counts []count
	for _, m := range ms {
		for _, v := range values(m) {
			k := slices.IndexFunc(counts, func(c count) bool { return c.v == v })
			if k < 0 {
				counts = append(counts, count{v, 1})
			} else {
				counts[k].n++
			}
		}
	}
	if len(counts) == 0 {
		return "", 0
	}
	best := slices.MinFunc(counts, func(a, b count) int {
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return cmp.Compare(a.v, b.v)
	})
	return best.v, best.n
}

// distinctOf counts the distinct non-empty values of the members.
func distinctOf(ms []*codev.Member, value func(*codev.Member) string) int {
	var seen []string
	for _, m := range ms {
		if v := value(m); v != "" && v != "/" && !slices.Contains(seen, v) {
			seen = append(seen, v)
		}
	}
	return len(seen)
}

// optInt formats an optional whole number, "" when not given.
func optInt(v model.OptInt) string {
	if !v.OK {
		return ""
	}
	return strconv.Itoa(v.V)
}
