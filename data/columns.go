package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/stretchmatch/stretchmatch/model"
)

// Standard names of the input files of a review cycle (SPEC §3). They are
// also the file arguments of [Columns].
const (
	FilePeople    = "people.csv"
	FilePositions = "positions.csv"
	FileMoves     = "moves.csv"
	FileMentors   = "mentors.csv"
	FileMentees   = "mentees.csv"
	FileHistory   = "history.csv"
)

// Files returns the standard input file names in their fixed order, which
// is also the order in which problems are reported.
func Files() []string {
	return []string{FilePeople, FilePositions, FileMoves, FileMentors, FileMentees, FileHistory}
}

// Kind tells what a column holds and how its cells are read.
type Kind int

// The kinds of column. Every kind reads an empty cell as "not given".
const (
	// KindID is an identifier, kept as text: leading zeros are kept, spaces
	// around it are trimmed.
	KindID Kind = iota + 1
	// KindText is free text, trimmed.
	KindText
	// KindList is a list of values separated by '|', kept as written
	// (spaces around each value trimmed, empty values dropped, repeats
	// removed, order kept). Used for lists of ids and of functions.
	KindList
	// KindTags is like KindList but the tags are lower-cased, so that they
	// compare case-insensitively (languages, needs, experience).
	KindTags
	// KindBool is yes/no: yes, no, true, false, 1, 0, oui, non, vrai, faux
	// or x (yes), case-insensitive.
	KindBool
	// KindInt is a whole number; "12.0" is read as 12.
	KindInt
	// KindCount is a whole number ≥ 0.
	KindCount
	// KindRating is a number from 1 to 5; decimals allowed.
	KindRating
	// KindPriority is a whole number from 1 to 3.
	KindPriority
	// KindOpenings is a whole number ≥ 1.
	KindOpenings
	// KindCountry is an ISO 3166 alpha-2 country code, read upper-cased.
	KindCountry
	// KindSiteType is hq or field (French: siège, terrain).
	KindSiteType
	// KindRoleKind is line or staff (French: opérationnel, fonctionnel).
	KindRoleKind
	// KindStatus is active or ended (French: actif, terminé).
	KindStatus
	// KindDate is a date written YYYY-MM-DD or DD/MM/YYYY, kept as
	// YYYY-MM-DD.
	KindDate
	// KindLanguages is a list of languages separated by '|', ',', ';' or
	// '/', each read as its ISO 639-1 code from a code or a name (see
	// NormalizeLanguage); an unknown language is kept lower-cased and
	// gives a warning.
	KindLanguages
)

var kindNames = [...]string{
	KindID:        "id",
	KindText:      "text",
	KindList:      "list (a|b|c)",
	KindTags:      "tags (a|b|c)",
	KindBool:      "yes/no",
	KindInt:       "whole number",
	KindCount:     "whole number ≥ 0",
	KindRating:    "number 1–5",
	KindPriority:  "whole number 1–3",
	KindOpenings:  "whole number ≥ 1",
	KindCountry:   "ISO country code",
	KindSiteType:  "hq or field",
	KindRoleKind:  "line or staff",
	KindStatus:    "active or ended",
	KindDate:      "date (YYYY-MM-DD or DD/MM/YYYY)",
	KindLanguages: "languages (fr|en, French, English…)",
}

// String returns a short English description of the kind, for help texts.
func (k Kind) String() string {
	if s, ok := activityKindNames[k]; ok {
		return s
	}
	if k == KindCodevMode {
		return "in_person or remote"
	}
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Column describes one column of an input file: its canonical name, the
// other header names accepted for it, whether it must be present, and what
// its cells hold. The table behind [Columns] is the only list of header
// names in the program.
type Column struct {
	// Name is the canonical header name, as written in the templates.
	Name string
	// Aliases are the other accepted header names, English and French.
	// Header names are compared after folding case, accents, spaces,
	// hyphens, underscores and punctuation away (see [HeaderKey]), so
	// "Employee_ID", "employee id" and "EMPLOYEE-ID" are one alias and only
	// one spelling is listed.
	Aliases []string
	// Required columns must be in the header and their cells must not be
	// empty.
	Required bool
	Kind     Kind
	// Doc is a one-line English description for help texts and the README.
	Doc string
}

// HeaderKey returns the form in which header names are compared: accents
// removed (œ → oe, æ → ae, ß → ss), lower case, and everything that is not
// a letter or a digit dropped. "Nom Prénom", "nom_prenom" and "NOM-PRÉNOM"
// all give "nomprenom".
func HeaderKey(s string) string {
	if isKey(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining accent: dropped
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// isKey reports whether s is already in HeaderKey form (lower-case ASCII
// letters and digits), the common case of cell values compared as words.
func isKey(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// Columns returns the columns of the standard input file named file (one
// of [FilePeople], [FilePositions], …), in canonical order, or nil for any
// other name. The caller may modify the result.
func Columns(file string) []Column {
	for _, f := range fileTables {
		if f.name == file {
			out := make([]Column, len(f.cols))
			copy(out, f.cols)
			for i := range out {
				out[i].Aliases = append([]string(nil), out[i].Aliases...)
			}
			return out
		}
	}
	if cols := codevTable(file); cols != nil {
		return append([]Column(nil), cols...)
	}
	return nil
}

// Columns shared by people.csv and positions.csv.
var (
	colManagerID = Column{Name: "manager_id", Kind: KindID,
		Aliases: []string{"manager", "supervisor id", "supervisor", "line manager", "reports to",
			"manager employee id", "responsable", "id responsable", "matricule manager",
			"matricule responsable", "n+1", "supérieur hiérarchique"},
		Doc: "id of the manager in people.csv; empty for the top of the organisation"}
	colDivision = Column{Name: "division", Kind: KindText,
		Aliases: []string{"direction", "business unit", "bu"},
		Doc:     "division or business unit"}
	colFunction = Column{Name: "function", Kind: KindText,
		Aliases: []string{"fonction", "filière", "job family", "job function", "métier", "famille professionnelle"},
		Doc:     "function or job family"}
	colCountry = Column{Name: "country", Kind: KindCountry,
		Aliases: []string{"pays", "country code", "code pays", "iso country", "work country"},
		Doc:     "ISO 3166 alpha-2 country code (FR, DE, US…)"}
	colSiteType = Column{Name: "site_type", Kind: KindSiteType,
		Aliases: []string{"site", "type de site", "location type"},
		Doc:     "hq (headquarters) or field"}
	colRoleKind = Column{Name: "role_kind", Kind: KindRoleKind,
		Aliases: []string{"type de poste", "nature du poste", "role type", "line or staff"},
		Doc:     "line (operational) or staff (functional)"}
	colProductLine = Column{Name: "product_line", Kind: KindText,
		Aliases: []string{"ligne de produits", "ligne produit", "gamme", "product"},
		Doc:     "product line"}
	colTeam = Column{Name: "team", Kind: KindText,
		Aliases: []string{"équipe", "team name", "service"},
		Doc:     "team"}
	colGrade = Column{Name: "grade", Kind: KindInt,
		Aliases: []string{"niveau", "level", "job level", "classification"},
		Doc:     "grade, a whole number; higher is more senior"}
	colHeadcount = Column{Name: "headcount", Kind: KindCount,
		Aliases: []string{"effectif", "effectif géré", "team size", "span of control", "nombre de collaborateurs"},
		Doc:     "people managed, direct and indirect"}
)

// ratedColumns returns a rating column per rated criterion of the catalog,
// named by its id, with its French and English labels as aliases (unless a
// label is the id itself).
func ratedColumns() []Column {
	var out []Column
	for _, c := range model.Catalog {
		if c.Source != model.SourceRated {
			continue
		}
		var aliases []string
		for _, label := range []string{c.LabelFR, c.LabelEN} {
			if HeaderKey(label) != HeaderKey(c.ID) {
				aliases = append(aliases, label)
			}
		}
		out = append(out, Column{Name: c.ID, Kind: KindRating,
			Aliases: aliases,
			Doc:     "rating 1–5: how well \"" + c.LabelEN + "\" describes the target job; empty = not rated"})
	}
	return out
}

// fileTables is the single table of input columns and header aliases.
var fileTables = [...]struct {
	name string
	cols []Column
}{
	{FilePeople, []Column{
		{Name: "id", Required: true, Kind: KindID,
			Aliases: []string{"employee id", "person id", "employee number", "worker id", "staff id",
				"matricule", "identifiant", "id salarié", "numéro salarié"},
			Doc: "unique id of the person"},
		{Name: "name", Required: true, Kind: KindText,
			Aliases: []string{"nom", "full name", "employee name", "display name", "nom complet",
				"nom prénom", "prénom nom"},
			Doc: "full name"},
		colManagerID, colDivision, colFunction, colCountry, colSiteType, colRoleKind,
		colProductLine, colTeam, colGrade, colHeadcount,
		{Name: "functions_held", Kind: KindList,
			Aliases: []string{"fonctions occupées", "past functions", "previous functions", "fonctions précédentes"},
			Doc:     "functions held in the past, a|b|c"},
		{Name: "languages", Kind: KindLanguages,
			Aliases: []string{"langues", "langue", "language", "spoken languages"},
			Doc:     "languages spoken, a|b|c"},
		{Name: "gender", Kind: KindText,
			Aliases: []string{"genre", "sexe", "sex"},
			Doc:     "gender, used only for the equity table"},
		{Name: "learning_orientation", Kind: KindRating,
			Aliases: []string{"orientation apprentissage", "orientation à l'apprentissage", "learning agility"},
			Doc:     "learning orientation, 1–5"},
		{Name: "position_id", Kind: KindID,
			Aliases: []string{"current position", "current position id", "poste actuel", "code poste actuel"},
			Doc:     "id of the position the person holds now (used by followup)"},
	}},
	{FilePositions, []Column{
		{Name: "id", Required: true, Kind: KindID,
			Aliases: []string{"position id", "position code", "job id", "requisition id",
				"id poste", "code poste", "poste id", "numéro de poste"},
			Doc: "unique id of the position"},
		{Name: "title", Required: true, Kind: KindText,
			Aliases: []string{"job title", "position title", "position name",
				"intitulé", "intitulé du poste", "libellé", "titre"},
			Doc: "job title"},
		colManagerID, colDivision, colFunction, colCountry, colSiteType, colRoleKind,
		colProductLine, colTeam, colGrade, colHeadcount,
		{Name: "new_role", Kind: KindBool,
			Aliases: []string{"new job", "new position", "nouveau poste", "poste créé", "création de poste"},
			Doc:     "yes when the job is newly created"},
		{Name: "critical", Kind: KindBool,
			Aliases: []string{"critical role", "key position", "critique", "poste critique", "poste clé"},
			Doc:     "yes when failure in the job would be highly visible"},
		{Name: "openings", Kind: KindOpenings,
			Aliases: []string{"vacancies", "number of openings", "postes ouverts", "nombre de postes", "places"},
			Doc:     "how many people the position takes; default 1"},
	}},
	{FileMoves, append(append([]Column{
		{Name: "id", Kind: KindID,
			Aliases: []string{"move id", "candidate move id", "id mouvement"},
			Doc:     "unique id of the move; default person_id>position_id"},
		{Name: "person_id", Required: true, Kind: KindID,
			Aliases: []string{"employee id", "employee", "candidate", "personne", "matricule", "collaborateur", "candidat"},
			Doc:     "id of the person in people.csv"},
		{Name: "position_id", Required: true, Kind: KindID,
			Aliases: []string{"position", "target position", "poste", "id poste", "code poste", "poste cible"},
			Doc:     "id of the target position in positions.csv"},
		{Name: "proposed_by", Kind: KindText,
			Aliases: []string{"proposer", "proposé par", "proposant"},
			Doc:     "who proposed the move"},
	}, ratedColumns()...), []Column{
		{Name: "support", Kind: KindRating,
			Aliases: []string{"feedback and support", "soutien", "accompagnement"},
			Doc:     "feedback and support available in the target job, 1–5"},
		{Name: "note", Kind: KindText,
			Aliases: []string{"notes", "comment", "comments", "commentaire", "commentaires", "remarque"},
			Doc:     "free note"},
	}...)},
	{FileMentors, []Column{
		{Name: "person_id", Required: true, Kind: KindID,
			Aliases: []string{"mentor", "mentor id", "employee id", "matricule"},
			Doc:     "id of the mentor in people.csv"},
		{Name: "capacity", Kind: KindCount,
			Aliases: []string{"max mentees", "capacité", "nombre de mentorés", "max"},
			Doc:     "how many mentees at most; default from the config (2)"},
		{Name: "experience", Kind: KindTags,
			Aliases: []string{"lived situations", "vécu", "expériences"},
			Doc:     "move flags, criterion ids and free tags the mentor has lived, a|b|c"},
		{Name: "languages", Kind: KindLanguages,
			Aliases: []string{"langues", "langue", "language"},
			Doc:     "languages; default from people.csv"},
		{Name: "available", Kind: KindBool,
			Aliases: []string{"disponible", "disponibilité", "availability"},
			Doc:     "yes or no; default yes"},
	}},
	{FileMentees, []Column{
		{Name: "person_id", Required: true, Kind: KindID,
			Aliases: []string{"mentee", "mentee id", "employee id", "mentoré", "matricule"},
			Doc:     "id of the mentee in people.csv"},
		{Name: "needs", Kind: KindTags,
			Aliases: []string{"development needs", "besoins", "besoins de développement"},
			Doc:     "development needs, tags a|b|c"},
		{Name: "preferences", Kind: KindList,
			Aliases: []string{"preferred mentors", "wishes", "souhaits", "mentors souhaités"},
			Doc:     "mentor ids, most wanted first, a|b|c"},
		{Name: "avoid", Kind: KindList,
			Aliases: []string{"do not match", "éviter", "à éviter", "exclusions", "mentors à éviter"},
			Doc:     "mentor ids never to pair with, a|b|c"},
		{Name: "priority", Kind: KindPriority,
			Aliases: []string{"tier", "priorité"},
			Doc:     "1–3; overrides the computed priority tier"},
	}},
	{FileHistory, []Column{
		{Name: "mentee_id", Required: true, Kind: KindID,
			Aliases: []string{"mentee", "mentoré"},
			Doc:     "id of the mentee in people.csv"},
		{Name: "mentor_id", Required: true, Kind: KindID,
			Aliases: []string{"mentor"},
			Doc:     "id of the mentor in people.csv"},
		{Name: "status", Kind: KindStatus,
			Aliases: []string{"state", "statut", "état"},
			Doc:     "active or ended; default active"},
		{Name: "since", Kind: KindDate,
			Aliases: []string{"start date", "date", "depuis", "date de début", "début"},
			Doc:     "date the pair started"},
	}},
	{FileDecisions, []Column{
		{Name: "kind", Required: true, Kind: KindText,
			Aliases: []string{"type", "decision kind", "nature", "objet"},
			Doc:     "move or pair (French: mouvement, binôme)"},
		{Name: "decision", Required: true, Kind: KindText,
			Aliases: []string{"verdict", "action", "choix du comité"},
			Doc:     "require or forbid (French: imposer, interdire)"},
		{Name: "move_id", Kind: KindID,
			Aliases: []string{"move", "id mouvement", "mouvement"},
			Doc:     "kind move: the move of moves.csv (or give person_id and position_id)"},
		{Name: "person_id", Kind: KindID,
			Aliases: []string{"person", "employee id", "personne", "collaborateur", "matricule"},
			Doc:     "kind move: the person, with position_id, when move_id is not given"},
		{Name: "position_id", Kind: KindID,
			Aliases: []string{"position", "poste", "id poste", "code poste"},
			Doc:     "kind move: the target position, with person_id"},
		{Name: "mentee_id", Kind: KindID,
			Aliases: []string{"mentee", "mentoré"},
			Doc:     "kind pair: the mentee, a person_id of mentees.csv"},
		{Name: "mentor_id", Kind: KindID,
			Aliases: []string{"mentor"},
			Doc:     "kind pair: the mentor, a person_id of mentors.csv"},
		{Name: "note", Kind: KindText,
			Aliases: []string{"notes", "comment", "commentaire", "motif", "justification"},
			Doc:     "the committee's words, carried into every output that shows the decision"},
		{Name: "decided_by", Kind: KindText,
			Aliases: []string{"decided by", "décidé par", "comité", "committee"},
			Doc:     "who decided; carried into the run record"},
		{Name: "date", Kind: KindDate,
			Aliases: []string{"decision date", "date de décision", "décidé le"},
			Doc:     "date of the decision, YYYY-MM-DD or DD/MM/YYYY"},
	}},
	{FileActivity, activityColumns},
}

// headerIndex maps the HeaderKey of every name and alias of one file's
// columns to the column's index in the file's table.
type headerIndex map[string]int

var headerIndexes = func() map[string]headerIndex {
	m := make(map[string]headerIndex, len(fileTables))
	for _, f := range fileTables {
		idx := make(headerIndex)
		for i, c := range f.cols {
			for _, name := range append([]string{c.Name}, c.Aliases...) {
				if _, dup := idx[HeaderKey(name)]; !dup {
					idx[HeaderKey(name)] = i
				}
			}
		}
		m[f.name] = idx
	}
	return m
}()

// tableOf returns the columns of the standard file name without copying.
func tableOf(file string) []Column {
	for _, f := range fileTables {
		if f.name == file {
			return f.cols
		}
	}
	return nil
}
