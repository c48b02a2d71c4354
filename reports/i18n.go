package reports

// Lang is an output language: "en" (default) or "fr".
type Lang string

// The languages of every label.
const (
	EN Lang = "en"
	FR Lang = "fr"
)

// ParseLang returns the language named s and whether it is supported.
func ParseLang(s string) (Lang, bool) {
	switch s {
	case "", "en":
		return EN, true
	case "fr":
		return FR, true
	}
	return EN, false
}

type phrase struct{ en, fr string }

// phrases holds every fixed label of every output, by key. Lookups only: the
// map is never ranged over.
var phrases = map[string]phrase{
	"id":          {"Id", "Id"},
	"list":        {"List", "Liste"},
	"label_en":    {"Label (English)", "Libellé (anglais)"},
	"label_fr":    {"Label (French)", "Libellé (français)"},
	"source":      {"Source", "Source"},
	"proxy":       {"Proxy or derivation", "Approximation ou calcul"},
	"weight":      {"Weight", "Poids"},
	"rated":       {"rated", "noté"},
	"derived":     {"derived", "calculé"},
	"t_criteria":  {"Criteria catalog", "Catalogue des critères"},
	"obstacle":    {"obstacle item", "élément d'obstacle"},
	"file":        {"File", "Fichier"},
	"rows":        {"Rows", "Lignes"},
	"t_inputs":    {"Input files", "Fichiers d'entrée"},
	"what":        {"What", "Quoi"},
	"count":       {"Count", "Nombre"},
	"t_dataset":   {"What the data holds", "Contenu des données"},
	"people":      {"people", "personnes"},
	"positions":   {"positions open", "postes ouverts"},
	"moves":       {"candidate moves", "mouvements proposés"},
	"mentors":     {"mentors", "mentors"},
	"mentees":     {"mentees", "mentorés"},
	"history":     {"earlier pairs", "binômes antérieurs"},
	"divisions":   {"divisions", "divisions"},
	"countries":   {"countries", "pays"},
	"openings":    {"openings", "places ouvertes"},
	"capacity":    {"mentor capacity", "capacité des mentors"},
	"ratings":     {"ratings given", "notes données"},
	"ratings_off": {"ratings left blank", "notes laissées vides"},

	"move":            {"Move", "Mouvement"},
	"person_id":       {"Person id", "Matricule"},
	"person":          {"Person", "Personne"},
	"position_id":     {"Position id", "Id poste"},
	"position":        {"Position", "Poste"},
	"origins":         {"Origins", "Origines"},
	"flags":           {"Flags", "Indicateurs"},
	"challenge":       {"Challenge", "Défi"},
	"support":         {"Support", "Soutien"},
	"band":            {"Band", "Zone"},
	"strategic":       {"Strategic", "Stratégique"},
	"triggers":        {"Triggers", "Déclencheurs"},
	"reasons":         {"Reasons", "Raisons"},
	"conditions_held": {"Strategic conditions held", "Conditions stratégiques remplies"},
	"t_scores":        {"Moves scored", "Mouvements évalués"},

	"trigger_many_changes":              {"hard trigger: many changes at once", "déclencheur : trop de changements à la fois"},
	"trigger_first_time_abroad_manager": {"hard trigger: first management job, in a new function, abroad", "déclencheur : premier poste de manager, dans une nouvelle fonction, à l'étranger"},
	"origin_rated":                      {"rated", "noté"},
	"origin_proxy":                      {"proxy", "approché"},
	"origin_derived":                    {"derived", "calculé"},
	"origin_none":                       {"not rated", "non noté"},
	"t_plan":                            {"Plan of moves", "Plan des mouvements"},
	"t_unplaced":                        {"People left without a move", "Personnes sans mouvement"},
	"t_open":                            {"Positions left open", "Postes restés ouverts"},
	"value":                             {"Value", "Valeur"},
	"status":                            {"Status", "Statut"},
	"reason":                            {"Reason", "Raison"},
	"candidate_moves":                   {"Candidate moves", "Mouvements proposés"},
	"openings_col":                      {"Openings", "Places"},
	"filled":                            {"Filled", "Pourvues"},
	"eligible_candidates":               {"Eligible candidates", "Candidats éligibles"},

	"why_chosen":                    {"chosen: development value %s", "retenu : valeur de développement %s"},
	"why_excluded":                  {"overstretch (challenge %s): excluded unless --allow-overstretch", "hors zone (défi %s) : exclu sauf --allow-overstretch"},
	"why_excluded_trigger":          {"overstretch by hard trigger %s: excluded unless --allow-overstretch", "hors zone par déclencheur %s : exclu sauf --allow-overstretch"},
	"why_other_move":                {"the person takes move %s instead (value %s)", "la personne prend plutôt le mouvement %s (valeur %s)"},
	"why_filled_higher":             {"position %s taken by higher-value candidates: %s", "poste %s pris par des candidats de plus grande valeur : %s"},
	"why_filled_total":              {"position %s given to %s: a higher total value for the organisation", "poste %s attribué à %s : une valeur totale plus grande pour l'organisation"},
	"why_duplicate":                 {"same person and position as move %s, which is kept", "même personne et même poste que le mouvement %s, conservé"},
	"why_no_value":                  {"no development value (challenge 0 or 100)", "aucune valeur de développement (défi 0 ou 100)"},
	"unplaced_overstretch_excluded": {"all candidate moves are overstretch", "tous les mouvements proposés sont hors zone"},
	"unplaced_position_filled":      {"positions taken by higher-value candidates", "postes pris par des candidats de plus grande valeur"},
	"unplaced_no_value":             {"no candidate move has development value", "aucun mouvement proposé n'a de valeur de développement"},
	"open_no_candidate":             {"nobody was proposed", "personne n'a été proposé"},
	"open_candidates_elsewhere":     {"candidates placed elsewhere or overstretch", "candidats placés ailleurs ou hors zone"},
	"t_assignment":                  {"Assignment", "Affectation"},
	"t_summary":                     {"Summary", "Synthèse"},
	"row":                           {"Row", "Ligne"},
	"column":                        {"Column", "Colonne"},
	"total":                         {"Total", "Total"},
	"assigned":                      {"Assigned", "Affectées"},
	"unassigned":                    {"Unassigned", "Non affectées"},
	"unassigned_rows":               {"Rows left unassigned", "Lignes non affectées"},
	"t_pairs":                       {"Mentoring pairs", "Binômes de mentorat"},
	"t_unmatched":                   {"Mentees left unmatched", "Mentorés sans mentor"},
	"t_load":                        {"Mentor load", "Charge des mentors"},
	"t_broken":                      {"Earlier pairs no longer allowed", "Binômes antérieurs qui ne sont plus permis"},
	"mentee_id":                     {"Mentee id", "Id mentoré"},
	"mentee":                        {"Mentee", "Mentoré"},
	"mentor_id":                     {"Mentor id", "Id mentor"},
	"mentor":                        {"Mentor", "Mentor"},
	"fit":                           {"Fit", "Adéquation"},
	"fit_experience":                {"Experience", "Expérience"},
	"fit_preference":                {"Preference", "Préférence"},
	"fit_seniority":                 {"Seniority", "Séniorité"},
	"fit_cross_division":            {"Other division", "Autre division"},
	"fit_location":                  {"Location", "Lieu"},
	"preference_rank":               {"Preference rank", "Rang de préférence"},
	"tier":                          {"Priority", "Priorité"},
	"next_best":                     {"Next-best mentor", "Meilleur autre mentor"},
	"loss_if_next_best":             {"Fit lost with next best", "Adéquation perdue avec l'autre"},
	"next_best_fit":                 {"Next-best fit", "Adéquation de l'autre"},
	"priority_loss":                 {"Priority lost with next best", "Priorité perdue avec l'autre"},
	"excluded_by":                   {"Excluded by", "Exclus par"},
	"eligible_mentors":              {"Eligible mentors", "Mentors éligibles"},
	"capacity_col":                  {"Capacity", "Capacité"},
	"left":                          {"Left", "Restant"},
	"kept":                          {"Kept", "Maintenus"},
	"new":                           {"New", "Nouveaux"},
	"since":                         {"Since", "Depuis"},
	"rule":                          {"Rule", "Règle"},

	"r_kept":       {"kept from history", "maintenu depuis l'historique"},
	"r_none":       {"no component has data: neutral fit", "aucune donnée : adéquation neutre"},
	"r_experience": {"has lived %d of %d needs (%s)", "a vécu %d besoins sur %d (%s)"},
	"r_preference": {"choice %d of %d of the mentee", "choix n° %d sur %d du mentoré"},
	"r_same_grade": {"same grade", "même niveau"},
	"r_seniority":  {"%+d grades", "%+d niveaux"},
	"r_division":   {"another division (%s, mentee in %s)", "autre division (%s, mentoré en %s)"},
	"r_country":    {"same country (%s)", "même pays (%s)"},
	"r_continent":  {"same continent (%s and %s)", "même continent (%s et %s)"},
	"u_full":       {"%d eligible mentors, all full: their places went to mentees of higher priority or better total fit, or to pairs kept from history", "%d mentors éligibles, tous complets : leurs places sont allées à des mentorés plus prioritaires ou à meilleure adéquation totale, ou à des binômes maintenus"},
	"u_none":       {"no eligible mentor", "aucun mentor éligible"},

	"rule_self":                  {"is the mentee", "est le mentoré"},
	"rule_mentor_in_line":        {"in the mentee's line of managers", "dans la ligne hiérarchique du mentoré"},
	"rule_mentee_in_line":        {"managed by the mentee", "sous la responsabilité du mentoré"},
	"rule_future_line":           {"in the line of the mentee's future job", "dans la ligne hiérarchique du futur poste"},
	"rule_same_team":             {"in the same team", "dans la même équipe"},
	"rule_avoid":                 {"on the mentee's avoid list", "sur la liste à éviter du mentoré"},
	"rule_unavailable":           {"unavailable", "indisponibles"},
	"rule_no_shared_language":    {"without a shared language", "sans langue commune"},
	"rule_ended_before":          {"paired before (ended)", "déjà en binôme (terminé)"},
	"rule_low_fit":               {"with too low a fit", "à l'adéquation trop faible"},
	"rule_mentor_full":           {"mentor over capacity", "mentor au-delà de sa capacité"},
	"rule_mentee_already_paired": {"mentee already paired", "mentoré déjà en binôme"},
	"no_challenge":               {"no criterion contributes", "aucun critère ne contribue"},
}

// T returns the label of key in lang. An unknown key is a programming
// error and is returned as it is, so that it shows in tests.
func T(lang Lang, key string) string {
	p, ok := phrases[key]
	if !ok {
		return key
	}
	if lang == FR {
		return p.fr
	}
	return p.en
}
