package main

import (
	"io"
	"regexp"
	"strings"

	"github.com/spf13/pflag"

	"github.com/stretchmatch/stretchmatch/reports"
)

// The French of the run-time errors and notes the data layer and the
// commands write in English: files that cannot be read or written, locks,
// signals, the --verbose notes. Each entry matches a whole message; $1…
// are the paths, reasons and numbers it holds. A message without an entry
// stays in English. The reasons the system gives (an *os.PathError) are
// translated inside the message.
type runtimeFrench struct {
	re *regexp.Regexp
	fr string
}

func fr(en, fr string) runtimeFrench {
	return runtimeFrench{regexp.MustCompile(`^(?:data: )?` + en + `$`), fr}
}

var runtimeFrenchList = []runtimeFrench{
	// Writing.
	fr(`refusing to write (.+): it is the input file (.+) \(choose another output file: inputs are never overwritten\)`,
		`refus d'écrire $1 : c'est le fichier d'entrée $2 (choisissez un autre fichier de sortie : les entrées ne sont jamais écrasées)`),
	fr(`refusing to write (.+): it is the input file (.+) \(choose another output folder: inputs are never overwritten\)`,
		`refus d'écrire $1 : c'est le fichier d'entrée $2 (choisissez un autre dossier de sortie : les entrées ne sont jamais écrasées)`),
	fr(`refusing to write (.+): it was edited by hand \(line ([0-9]+): the status does not match its reason\); move the committee's edits to DIR/decisions.csv, or give the file with --plan and another --out`,
		`refus d'écrire $1 : il a été modifié à la main (ligne $2 : le statut ne correspond pas à sa raison) ; reportez les modifications du comité dans DIR/decisions.csv, ou donnez le fichier avec --plan et un autre --out`),
	fr(`cannot write (.+): it is a folder \(give the name of a file\)`, `impossible d'écrire $1 : c'est un dossier (donnez le nom d'un fichier)`),
	fr(`cannot write (.+): it is a folder \(move it away, or choose another output folder\)`,
		`impossible d'écrire $1 : c'est un dossier (déplacez-le, ou choisissez un autre dossier de sortie)`),
	fr(`cannot write (.+): the symbolic link cannot be followed: (.+) \(write to the file itself\)`,
		`impossible d'écrire $1 : le lien symbolique ne peut pas être suivi : $2 (écrivez dans le fichier lui-même)`),
	fr(`cannot write (.+): it is a symbolic link to a file that does not exist \(remove the link, or write to the file itself\)`,
		`impossible d'écrire $1 : c'est un lien symbolique vers un fichier qui n'existe pas (supprimez le lien, ou écrivez dans le fichier lui-même)`),
	fr(`cannot write (.+): it is a symbolic link, which the pack would replace \(remove the link, or choose another output folder\)`,
		`impossible d'écrire $1 : c'est un lien symbolique, que le dossier remplacerait (supprimez le lien, ou choisissez un autre dossier de sortie)`),
	fr(`cannot write (.+): it is not a regular file \((.+)\) \(remove it, or choose another output folder\)`,
		`impossible d'écrire $1 : ce n'est pas un fichier ordinaire ($2) (supprimez-le, ou choisissez un autre dossier de sortie)`),
	fr(`cannot write (.+): (.+) \(check that the folder (.+) exists and is writable\)`,
		`impossible d'écrire $1 : $2 (vérifiez que le dossier $3 existe et est accessible en écriture)`),
	fr(`cannot write (.+): (.+) \(nothing was changed in (.+)\)`, `impossible d'écrire $1 : $2 (rien n'a été changé dans $3)`),
	fr(`cannot create the folder (.+): (.+) \(check that the folder above it exists and is writable\)`,
		`impossible de créer le dossier $1 : $2 (vérifiez que le dossier parent existe et est accessible en écriture)`),
	fr(`cannot write into (.+): another stretchmatch run is writing into this folder \(wait for it to finish, or choose another output folder\)`,
		`impossible d'écrire dans $1 : une autre exécution de stretchmatch écrit dans ce dossier (attendez qu'elle se termine, ou choisissez un autre dossier de sortie)`),
	fr(`cannot write into (.+): it is a file, not a folder \(give the name of a folder\)`,
		`impossible d'écrire dans $1 : c'est un fichier, pas un dossier (donnez le nom d'un dossier)`),
	fr(`cannot write into (.+): (.+) \(check that the folder is writable\)`,
		`impossible d'écrire dans $1 : $2 (vérifiez que le dossier est accessible en écriture)`),
	fr(`cannot write into (.+): (.+)`, `impossible d'écrire dans $1 : $2`),
	fr(`cannot lock (.+): (.+)`, `impossible de verrouiller $1 : $2`),
	fr(`cannot write (.+): (.+)`, `impossible d'écrire $1 : $2`),
	fr(`(.+) already exists: choose an empty directory, or use --force to overwrite`,
		`$1 existe déjà : choisissez un dossier vide, ou utilisez --force pour l'écraser`),
	// Reading.
	fr(`cannot read the plan: (.+) \(give the plan.csv written by stretchmatch plan\)`,
		`impossible de lire le plan : $1 (donnez le plan.csv écrit par stretchmatch plan)`),
	fr(`cannot read the configuration: (.+) \(check the path given to --config\)`,
		`impossible de lire la configuration : $1 (vérifiez le chemin donné à --config)`),
	fr(`cannot read the matrix: (.+) \(check the path of MATRIX.csv\)`,
		`impossible de lire la matrice : $1 (vérifiez le chemin de MATRIX.csv)`),
	fr(`cannot read (.+): (.+)`, `impossible de lire $1 : $2`),
	// Signals.
	fr(`stretchmatch: stopped by (SIG[A-Z]+); files being written were removed, earlier output is unchanged`,
		"stretchmatch : arrêté par $1 ; les fichiers en cours d'écriture ont été supprimés, les sorties précédentes sont inchangées"),
	fr(`interrupted: nothing more is written`, `interrompu : plus rien n'est écrit`),
	// --verbose notes.
	fr(`configuration: the defaults \(no config.yaml in DIR, no --config\)`, "configuration : les valeurs par défaut (pas de config.yaml dans DIR, pas de --config)"),
	fr(`configuration: (.+)`, "configuration : $1"),
	fr(`(.+): ([0-9]+) decisions of the committee`, "$1 : $2 décisions du comité"),
	fr(`(.+): encoding (.+); delimiter (.+) detected from the header line(.*)`, `$1 : encodage $2 ; séparateur $3 détecté d'après la ligne d'en-tête$4`),
	fr(`(.+): encoding (.+); delimiter (.+) forced(.*)`, `$1 : encodage $2 ; séparateur $3 imposé$4`),
	fr(`(.+): recognised columns: (.+)`, `$1 : colonnes reconnues : $2`),
	fr(`(.+): ignored columns not used by stretchmatch: (.+)`, `$1 : colonnes ignorées, inutilisées par stretchmatch : $2`),
	fr(`(.+): no ([a-z ]+) \(the file has only its header\)`, `$1 : aucune ligne ($2) (le fichier n'a que son en-tête)`),
	fr(`(.+): ([0-9]+) earlier members no longer in people.csv: (.+)`, `$1 : $2 anciens membres ne sont plus dans people.csv : $3`),
	fr(`warning: (.+): ([0-9]+) of the ([0-9]+) candidate moves of moves.csv are not in the file: the plan chooses among them freely \(add them with a status to decide them\)`,
		`avertissement : $1 : $2 des $3 mouvements proposés de moves.csv ne sont pas dans le fichier : le plan choisit librement parmi eux (ajoutez-les avec un statut pour en décider)`),
}

// systemReasons are the reasons the system gives for a failed file
// operation, in French.
var systemReasons = strings.NewReplacer(
	"no such file or directory", "fichier ou dossier introuvable",
	"permission denied", "permission refusée",
	"not a directory", "n'est pas un dossier",
	"is a directory", "est un dossier",
	"no space left on device", "plus de place sur le disque",
	"read-only file system", "système de fichiers en lecture seule",
	"file exists", "le fichier existe déjà",
	"too many open files", "trop de fichiers ouverts",
	"file name too long", "nom de fichier trop long",
	"disk quota exceeded", "quota de disque dépassé",
	// Words of the --verbose notes.
	"(the bytes are not valid UTF-8)", "(les octets ne sont pas de l'UTF-8 valide)",
	"' (comma)", "' (virgule)",
	"' (semicolon)", "' (point-virgule)",
	"(column ", "(colonne ",
	"; line ends CR (old Mac)", " ; fins de ligne CR (ancien Mac)",
)

// localizeRuntime returns msg in lang: in French the text of the first
// entry whose English matches it whole, with the system's reasons
// translated; else msg as it is.
func localizeRuntime(msg string, lang reports.Lang) string {
	if lang != reports.FR {
		return msg
	}
	text, nl := strings.CutSuffix(msg, "\n")
	for _, e := range runtimeFrenchList {
		if m := e.re.FindStringSubmatchIndex(text); m != nil {
			text = systemReasons.Replace(string(e.re.ExpandString(nil, e.fr, text, m)))
			break
		}
	}
	if nl {
		text += "\n"
	}
	return text
}

// localizedWriter writes each message through localizeRuntime in lang.
// Each Write is one whole message, as the commands write them.
type localizedWriter struct {
	w    io.Writer
	lang reports.Lang
}

func (w localizedWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, localizeRuntime(string(p), w.lang)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// commandLang is the --lang of cmd, English when it has none.
func commandLang(cmd interface {
	Flags() *pflag.FlagSet
}) reports.Lang {
	if cmd == nil {
		return reports.EN
	}
	if f := cmd.Flags().Lookup("lang"); f != nil {
		if l, ok := reports.ParseLang(f.Value.String()); ok {
			return l
		}
	}
	return reports.EN
}

// langWriter writes each message through localizeRuntime in the language
// of the command running, known only once its flags are parsed.
type langWriter struct{ ios *iostreams }

func (w langWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.ios.ErrOut, localizeRuntime(string(p), w.ios.Lang)); err != nil {
		return 0, err
	}
	return len(p), nil
}
