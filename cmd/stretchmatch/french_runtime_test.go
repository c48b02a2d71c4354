package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/reports"
)

// TestFrenchRuntimeMessages: under --lang fr the run-time errors of the
// commands (inputs never overwritten, a folder that does not exist, a plan
// that cannot be read, an edited plan.csv), the --verbose notes, and the
// summaries of groups and followup are in French.
func TestFrenchRuntimeMessages(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "q3")
	var o, e bytes.Buffer
	if code := Run([]string{"init", dir}, nil, &o, &e); code != 0 {
		t.Fatalf("init: %s", e.String())
	}
	edited := filepath.Join(base, "edited")
	if code := Run([]string{"plan", dir, "--out", edited}, nil, &o, &e); code != 0 {
		t.Fatalf("plan: %s", e.String())
	}
	plan := filepath.Join(edited, "plan.csv")
	b, _ := os.ReadFile(plan)
	os.WriteFile(plan, bytes.Replace(b, []byte(",chosen,chosen:"), []byte(",not_chosen,chosen:"), 1), 0o644)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"score", dir, "-o", filepath.Join(dir, "people.csv")}, 1,
			"stretchmatch: refus d'écrire " + filepath.Join(dir, "people.csv") + " : c'est le fichier d'entrée " + filepath.Join(dir, "people.csv") + " (choisissez un autre fichier de sortie : les entrées ne sont jamais écrasées)\n"},
		{[]string{"plan", dir, "-o", filepath.Join(base, "nope", "x.csv")}, 1,
			"stretchmatch: impossible d'écrire " + filepath.Join(base, "nope", "x.csv") + " : fichier ou dossier introuvable (vérifiez que le dossier " + filepath.Join(base, "nope") + "/ existe et est accessible en écriture)\n"},
		{[]string{"match", dir, "--plan", filepath.Join(base, "none.csv")}, 1,
			"stretchmatch: impossible de lire le plan : open " + filepath.Join(base, "none.csv") + ": fichier ou dossier introuvable (donnez le plan.csv écrit par stretchmatch plan)\n"},
		{[]string{"plan", dir, "--out", edited}, 1,
			"stretchmatch: refus d'écrire " + plan + " : il a été modifié à la main (ligne 2 : le statut ne correspond pas à sa raison) ; reportez les modifications du comité dans DIR/decisions.csv, ou donnez le fichier avec --plan et un autre --out\n"},
		{[]string{"groups", dir, "--format", "table"}, 0,
			"6 groupes, 42 volontaires placés, 1 sans groupe ; "},
		{[]string{"followup", filepath.Join(dir, "previous"), dir, "--format", "table"}, 0,
			"au 2026-03-25 : 35 mouvements suivis, 50 binômes, 0 groupe ; 0 ligne d'activité postérieure à ce jour laissée de côté\n"},
		{[]string{"validate", dir, "-v", "--format", "csv"}, 0,
			"configuration : " + filepath.Join(dir, "config.yaml") + "\n" +
				filepath.Join(dir, "people.csv") + " : encodage UTF-8 ; séparateur ',' (virgule) détecté d'après la ligne d'en-tête\n" +
				filepath.Join(dir, "people.csv") + ` : colonnes reconnues : "id" (colonne 1), "name" (colonne 2),`},
	} {
		var stdout, stderr bytes.Buffer
		code := Run(append(tt.args, "--lang", "fr"), nil, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%s: exit %d (want %d), stderr\n%s\nwant it to hold\n%s", strings.Join(tt.args, " "), code, tt.code, stderr.String(), tt.want)
		}
		if strings.Contains(stderr.String(), "cannot ") || strings.Contains(stderr.String(), "refusing") {
			t.Errorf("%s: English left: %s", strings.Join(tt.args, " "), stderr.String())
		}
	}
}

// TestFrenchSignalAndLock: the message of a signal and that of a folder
// another run is writing into are in French under --lang fr, and in
// English otherwise.
func TestFrenchSignalAndLock(t *testing.T) {
	var buf bytes.Buffer
	ios := &iostreams{ErrOut: &buf, Lang: reports.FR}
	w := langWriter{ios}
	w.Write([]byte("stretchmatch: stopped by SIGTERM; files being written were removed, earlier output is unchanged\n"))
	if want := "stretchmatch : arrêté par SIGTERM ; les fichiers en cours d'écriture ont été supprimés, les sorties précédentes sont inchangées\n"; buf.String() != want {
		t.Errorf("signal: %q\nwant %q", buf.String(), want)
	}
	buf.Reset()
	ios.Lang = reports.EN
	w.Write([]byte("stretchmatch: stopped by SIGINT; files being written were removed, earlier output is unchanged\n"))
	if want := "stretchmatch: stopped by SIGINT; files being written were removed, earlier output is unchanged\n"; buf.String() != want {
		t.Errorf("signal in English: %q", buf.String())
	}
	lock := "cannot write into q3: another stretchmatch run is writing into this folder (wait for it to finish, or choose another output folder)"
	if got, want := localizeRuntime(lock, reports.FR), "impossible d'écrire dans q3 : une autre exécution de stretchmatch écrit dans ce dossier (attendez qu'elle se termine, ou choisissez un autre dossier de sortie)"; got != want {
		t.Errorf("lock: %q\nwant %q", got, want)
	}
}

// TestRuntimeFrenchCoversTheDataMessages: every run-time message the data
// layer writes has an entry (a sample of each text, as it writes it).
func TestRuntimeFrenchCoversTheDataMessages(t *testing.T) {
	for _, en := range []string{
		"data: cannot write out/x.csv: it is a folder (give the name of a file)",
		"cannot write out/report.html: it is a folder (move it away, or choose another output folder)",
		"cannot write out/a.csv: it is a symbolic link, which the pack would replace (remove the link, or choose another output folder)",
		"cannot write out/a.csv: it is not a regular file (FIFO) (remove it, or choose another output folder)",
		"cannot create the folder out: permission denied (check that the folder above it exists and is writable)",
		"cannot write into out: it is a file, not a folder (give the name of a folder)",
		"cannot write out/a.csv: no space left on device (nothing was changed in out)",
		"q3/people.csv already exists: choose an empty directory, or use --force to overwrite",
		"cannot read the configuration: open c.yaml: no such file or directory (check the path given to --config)",
		"cannot read the matrix: open m.csv: no such file or directory (check the path of MATRIX.csv)",
		"warning: p.csv: 2 of the 5 candidate moves of moves.csv are not in the file: the plan chooses among them freely (add them with a status to decide them)",
		"configuration: the defaults (no config.yaml in DIR, no --config)",
		"q3/decisions.csv: 3 decisions of the committee",
		"q3/people.csv: ignored columns not used by stretchmatch: \"x\" (column 3)",
		"interrupted: nothing more is written",
	} {
		got := localizeRuntime(en, reports.FR)
		if got == en || strings.Contains(got, "cannot") || strings.Contains(got, "data:") {
			t.Errorf("%q has no French: %q", en, got)
		}
	}
}
