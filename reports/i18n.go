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
