package main

// runtimeMessages are the catalog entries of the run-time errors and
// notes: files that cannot be read or written, the solver's findings on a
// matrix, locks and signals, the --verbose notes and the summaries of the
// later commands. They join messageList before any command runs.
var runtimeMessages = []message{
	// Summaries of groups and followup.
	{"%d [group|groups], %d [volunteer|volunteers] placed, %d without a group; %s", "%d [groupe|groupes], %d [volontaire placé|volontaires placés], %d sans groupe ; %s"},
	{"as of %s: %d [move|moves] followed up, %d [pair|pairs], %d [group|groups]; %d activity [row|rows] after that day left out",
		"au %s : %d [mouvement suivi|mouvements suivis], %d [binôme|binômes], %d [groupe|groupes] ; %d [ligne d'activité postérieure|lignes d'activité postérieures] à ce jour [laissée|laissées] de côté"},
	// validate.
	{"%s: read as %s, not UTF-8", "%s : lu en %s, pas en UTF-8"},
	{"UTF-16 little-endian with byte-order mark", "UTF-16 petit-boutiste avec marque d'ordre des octets"},
	{"UTF-16 big-endian with byte-order mark", "UTF-16 gros-boutiste avec marque d'ordre des octets"},
	// assign.
	{"is not a number (NaN)", "n'est pas un nombre (NaN)"},
	{"is an infinity of the wrong sign", "est un infini du mauvais signe"},
	{"the cell of row %s and column %s %s", "la cellule de la ligne %s et de la colonne %s %s"},
	{"write a number, or leave the cell empty or write x to forbid the pair", "écrivez un nombre, ou laissez la cellule vide ou écrivez x pour interdire la paire"},
	{"the capacity %d of column %s is out of range", "la capacité %d de la colonne %s est hors limites"},
	{"give a whole number from 0 to %d", "donnez un nombre entier de 0 à %d"},
	{"the values are too large to be summed exactly (scale every value of the matrix down, dividing them all by the same number)", "les valeurs sont trop grandes pour être additionnées exactement (réduisez toutes les valeurs de la matrice en les divisant par un même nombre)"},
	{"not every row can be assigned: no allowed column for %s", "toutes les lignes ne peuvent pas être affectées : aucune colonne permise pour %s"},
	{"allow a cell, or drop --strict to assign the others", "permettez une cellule, ou retirez --strict pour affecter les autres"},
	{"not every row can be assigned: the %d [row|rows] %s (lines %s) can only use %d [column|columns] (%s), which take %d in all",
		"toutes les lignes ne peuvent pas être affectées : les %d [ligne|lignes] %s (lignes %s) ne peuvent utiliser que %d [colonne|colonnes] (%s), qui en prennent %d en tout"},
	{"raise a capacity, allow more cells, or drop --strict", "augmentez une capacité, permettez plus de cellules, ou retirez --strict"},
}

func init() {
	messageList = append(messageList, runtimeMessages...)
	for _, m := range runtimeMessages {
		messages[m.en] = m
	}
}
