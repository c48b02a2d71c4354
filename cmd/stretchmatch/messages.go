package main

import (
	"fmt"
	"strings"

	"github.com/stretchmatch/stretchmatch/reports"
)

// message is one line the commands print on standard error or as a
// summary, in English and in French. Both are fmt formats with the same
// verbs in the same order; "[one|many]" picks the singular or the plural
// by the last whole number printed before it (English: singular for 1;
// French: singular for 0 and 1).
type message struct{ en, fr string }

// messages is the catalog, keyed by the English text, which is what the
// code writes. Lookups only: it is never ranged over for output.
var messages = func() map[string]message {
	m := make(map[string]message, len(messageList))
	for _, msg := range messageList {
		m[msg.en] = msg
	}
	return m
}()

var messageList = []message{
	// Progress.
	{"reading and checking the input files", "lecture et vérification des fichiers d'entrée"},
	{"scoring and planning %d candidate [move|moves]", "notation et planification de %d [mouvement proposé|mouvements proposés]"},
	{"scoring %d candidate [move|moves]", "notation de %d [mouvement proposé|mouvements proposés]"},
	{"scoring %d candidate [move|moves] and reading the plan", "notation de %d [mouvement proposé|mouvements proposés] et lecture du plan"},
	{"planning", "planification"},
	{"matching %d [mentee|mentees] with %d [mentor|mentors]", "appariement de %d [mentoré|mentorés] avec %d [mentor|mentors]"},
	{"rendering the CSV files and the committee pack", "mise en forme des fichiers CSV et du dossier du comité"},
	{"writing %d [file|files]", "écriture de %d [fichier|fichiers]"},
	{"pricing %d [decision|decisions]", "calcul du prix de %d [décision|décisions]"},
	{"forming codevelopment groups of %d [volunteer|volunteers]", "formation des groupes de codéveloppement de %d [volontaire|volontaires]"},
	{"%.1f s", "%.1f s"},
	// Summaries.
	{"total development value %s over %d [move|moves] chosen", "valeur de développement totale %s pour %d [mouvement retenu|mouvements retenus]"},
	{"%d [pair|pairs] (%d kept), %d [mentee|mentees] unmatched, %d earlier [pair|pairs] broken",
		"%d [binôme|binômes] (%d [maintenu|maintenus]), %d [mentoré|mentorés] sans mentor, %d [binôme antérieur rompu|binômes antérieurs rompus]"},
	{"%d candidate [move|moves] scored, %d chosen; %d [pair|pairs] (%d kept), %d [mentee|mentees] unmatched, %d earlier [pair|pairs] broken",
		"%d [mouvement proposé noté|mouvements proposés notés], %d [retenu|retenus] ; %d [binôme|binômes] (%d [maintenu|maintenus]), %d [mentoré|mentorés] sans mentor, %d [binôme antérieur rompu|binômes antérieurs rompus]"},
	{"wrote %d [file|files] into %s: %s", "%d [fichier écrit|fichiers écrits] dans %s : %s"},
	{"wrote %s into %s", "%s écrits dans %s"},
	{"ok: no problems found", "ok : aucun problème"},
	{"ok: no problems found, %d [warning|warnings] above", "ok : aucun problème, %d [avertissement|avertissements] ci-dessus"},
	{"%d [problem|problems] found; nothing was written", "%d [problème trouvé|problèmes trouvés] ; rien n'a été écrit"},
	{"Run '%s --help' for usage.", "Lancez « %s --help » pour l'aide."},
	// Usage errors.
	{"--capacity and --capacity-row cannot be used together", "--capacity et --capacity-row ne vont pas ensemble"},
	{"--capacity %s=%s contradicts --capacity %s for column %q: give each column one capacity", "--capacity %s=%s contredit --capacity %s pour la colonne %q : donnez une seule capacité par colonne"},
	{"%s %q: write a date as YYYY-MM-DD or DD/MM/YYYY", "%s %q : écrivez une date sous la forme AAAA-MM-JJ ou JJ/MM/AAAA"},
	{"--since %s is after --as-of %s", "--since %s est postérieur à --as-of %s"},
	{"--previous goes with --synthetic: the sample always has its previous quarter", "--previous va avec --synthetic : l'échantillon a toujours son trimestre précédent"},
	{"--max-file-size %q: give a size in bytes, such as 1048576, 512KiB, 256MiB or 2GiB", "--max-file-size %q : donnez une taille en octets, par exemple 1048576, 512KiB, 256MiB ou 2GiB"},
	{"--max-line-length %d: give a number of bytes ≥ 1", "--max-line-length %d : donnez un nombre d'octets ≥ 1"},
	{"--max-cell-length %d: give a number of characters from 1 to %d (what a spreadsheet cell holds)", "--max-cell-length %d : donnez un nombre de caractères de 1 à %d (ce que contient une cellule de tableur)"},
	{"--as-of is needed: there is no activity.csv with dates to take the day of the follow-up from", "--as-of est nécessaire : aucun activity.csv daté ne donne le jour du suivi"},
	{"--start %q: write the date as YYYY-MM-DD or DD/MM/YYYY, such as 2026-01-12", "--start %q : écrivez la date sous la forme AAAA-MM-JJ ou JJ/MM/AAAA, par exemple 2026-01-12"},
	{"--every %q: write a number of weeks or months, such as 4w, 6w or 1m", "--every %q : écrivez un nombre de semaines ou de mois, par exemple 4w, 6w ou 1m"},
	{"--decimals %d: choose from 0 to 12, or -1 for automatic", "--decimals %d : choisissez de 0 à 12, ou -1 pour automatique"},
	{"--capacity %q: write COL=N", "--capacity %q : écrivez COL=N"},
	{"--capacity %q: N must be a whole number from 0 to %d", "--capacity %q : N doit être un nombre entier de 0 à %d"},
	{"--capacity %s=%s: %s has no column %q", "--capacity %s=%s : %s n'a pas de colonne %q"},
	{"--synthetic %d: give a number of people from 1 to %d", "--synthetic %d : donnez un nombre de personnes de 1 à %d"},
	{"--seed and --mentor-capacity go with --synthetic", "--seed et --mentor-capacity vont avec --synthetic"},
	{"--mentor-capacity %d: give a number ≥ 1", "--mentor-capacity %d : donnez un nombre ≥ 1"},
	{"--delimiter %q: choose comma, semicolon or tab", "--delimiter %q : choisissez comma, semicolon ou tab"},
	{"only one input file can be read from standard input ('-')", "un seul fichier d'entrée peut être lu sur l'entrée standard (« - »)"},
	{"--plan and --allow-overstretch cannot be used together: the plan file already says which moves are chosen", "--plan et --allow-overstretch ne vont pas ensemble : le fichier de plan dit déjà quels mouvements sont retenus"},
	{"--line-depth %d: give a number of levels ≥ 1, or 0 for no limit", "--line-depth %d : donnez un nombre de niveaux ≥ 1, ou 0 pour aucune limite"},
	{"--rows %q: give a number of rows ≥ 1, or all", "--rows %q : donnez un nombre de lignes ≥ 1, ou all"},
	{"--date %q: give the date as YYYY-MM-DD, e.g. 2026-09-30", "--date %q : donnez la date sous la forme AAAA-MM-JJ, par exemple 2026-09-30"},
	{"SOURCE_DATE_EPOCH=%q: give a number of seconds since 1970-01-01 UTC, or unset it", "SOURCE_DATE_EPOCH=%q : donnez un nombre de secondes depuis le 1970-01-01 UTC, ou retirez-la"},
	{"--format %q: choose %s or %s", "--format %q : choisissez %s ou %s"},
	{"-o %s: the extension %q names no format (end the file name with .csv, .md, .json, .txt, .html or .xlsx, or give --format)", "-o %s : l'extension %q ne désigne aucun format (terminez le nom par .csv, .md, .json, .txt, .html ou .xlsx, ou donnez --format)"},
	{"-o %s is a %s file but --format asks for %s (leave out --format, or change the extension)", "-o %s est un fichier %s mais --format demande %s (retirez --format, ou changez l'extension)"},
	{"--format xlsx writes a workbook, not text for a terminal (add -o FILE.xlsx)", "--format xlsx écrit un classeur, pas du texte pour un terminal (ajoutez -o FICHIER.xlsx)"},
	{"--table %q: %s prints the tables %s", "--table %q : %s affiche les tables %s"},
	{"--out writes every format: give either --out or -o/--format", "--out écrit tous les formats : donnez soit --out, soit -o/--format"},
	{"-o %s: end the file name with .md, .html or .xlsx", "-o %s : terminez le nom du fichier par .md, .html ou .xlsx"},
	{"--format %q: choose markdown or html", "--format %q : choisissez markdown ou html"},
	{"--out is required: name the folder to write the output files into", "--out est obligatoire : nommez le dossier où écrire les fichiers"},
	{"--lang %q: choose en or fr", "--lang %q : choisissez en ou fr"},
}

// say returns the message whose English text is en, in lang, with args.
// A text missing from the catalog is printed in English.
func say(lang reports.Lang, en string, args ...any) string {
	format := en
	if m, ok := messages[en]; ok && lang == reports.FR {
		format = m.fr
	}
	return plurals(fmt.Sprintf(stripPlurals(format), args...), format, args, lang)
}

// stripPlurals replaces every "[one|many]" by a mark that fmt leaves
// alone, so that the format can be printed first.
func stripPlurals(format string) string {
	return strings.NewReplacer("[", "\x00[", "]", "]\x00").Replace(format)
}

// plurals resolves the marks left by stripPlurals in s: each "[one|many]"
// takes the form its count asks for, the count being the last whole-number
// argument printed before it in format.
func plurals(s, format string, args []any, lang reports.Lang) string {
	counts := pluralCounts(format, args)
	var b strings.Builder
	k := 0
	for {
		i := strings.Index(s, "\x00[")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.Index(s[i:], "]\x00")
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		one, many, _ := strings.Cut(s[i+2:i+j], "|")
		n := 2
		if k < len(counts) {
			n = counts[k]
		}
		k++
		b.WriteString(s[:i])
		if n == 1 || (lang == reports.FR && n == 0) {
			b.WriteString(one)
		} else {
			b.WriteString(many)
		}
		s = s[i+j+2:]
	}
}

// pluralCounts returns, for each "[one|many]" of format, the last
// whole-number argument before it (2, for the plural, when there is none).
func pluralCounts(format string, args []any) []int {
	var counts []int
	arg, last := 0, 2
	for i := 0; i < len(format); i++ {
		switch format[i] {
		case '%':
			if i+1 < len(format) && format[i+1] == '%' {
				i++
				continue
			}
			if arg < len(args) {
				if n, ok := args[arg].(int); ok {
					last = n
				}
			}
			arg++
		case '[':
			counts = append(counts, last)
		}
	}
	return counts
}
