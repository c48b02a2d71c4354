package data

import (
	"regexp"
	"strings"
)

// A French translation of the messages and hints of problems and warnings.
// Each entry matches the whole English text (a regular expression, $1… the
// values it holds: ids, quoted cells, column names, numbers) and gives the
// French text. Texts without an entry stay in English. The example of each
// entry is a text the reader writes; a test checks that it matches.
type frenchEntry struct {
	en, fr, example string
	re              *regexp.Regexp
}

// q is a quoted cell as quoteCell writes it; n a number; w a column name.
const (
	rq = `("(?:[^"\\]|\\.)*"(?: \([0-9]+ characters\))?)`
	rn = `([0-9]+)`
	rw = `([a-z_]+)`
)

var frenchMessages = compileFrench([]frenchEntry{
	// Files and encodings.
	{en: `file is missing`, fr: `fichier absent`, example: `file is missing`},
	{en: `file is empty`, fr: `fichier vide`, example: `file is empty`},
	{en: `the file has a header but no rows`, fr: `le fichier a un en-tête mais aucune ligne`, example: `the file has a header but no rows`},
	{en: `the file has a header but no ([a-z ]+)`, fr: `le fichier a un en-tête mais aucune ligne ($1)`, example: `the file has a header but no people`},
	{en: `unreadable encoding: this is an Excel workbook \(\.xlsx\), not a CSV file`, fr: `encodage illisible : c'est un classeur Excel (.xlsx), pas un fichier CSV`, example: `unreadable encoding: this is an Excel workbook (.xlsx), not a CSV file`},
	{en: `unreadable encoding: this is an old Excel workbook \(\.xls\), not a CSV file`, fr: `encodage illisible : c'est un ancien classeur Excel (.xls), pas un fichier CSV`, example: `unreadable encoding: this is an old Excel workbook (.xls), not a CSV file`},
	{en: `unreadable encoding: the file contains NUL bytes \(UTF-16 or not a text file\)`, fr: `encodage illisible : le fichier contient des octets NUL (UTF-16 sans marque d'ordre, ou pas un fichier texte)`, example: `unreadable encoding: the file contains NUL bytes (UTF-16 or not a text file)`},
	{en: `unreadable encoding: byte (0x[0-9A-F]{2}) is neither UTF-8 nor Windows-1252 \(the file is in another encoding\)`, fr: `encodage illisible : l'octet $1 n'est ni de l'UTF-8 ni du Windows-1252 (le fichier est dans un autre encodage)`, example: `unreadable encoding: byte 0x81 is neither UTF-8 nor Windows-1252 (the file is in another encoding)`},
	{en: `invalid UTF-8: (.*)`, fr: `UTF-8 invalide : $1`, example: `invalid UTF-8: byte 0xFF`},
	{en: `the quote that opens this cell is never closed`, fr: `le guillemet qui ouvre cette cellule n'est jamais fermé`, example: `the quote that opens this cell is never closed`},
	{en: `a quoted cell has text after its closing quote`, fr: `une cellule entre guillemets a du texte après le guillemet fermant`, example: `a quoted cell has text after its closing quote`},
	{en: `row has ` + rn + ` fields but the header has ` + rn, fr: `la ligne a $1 champs mais l'en-tête en a $2`, example: `row has 3 fields but the header has 4`},
	// Columns.
	{en: `missing required column "([a-z_]+)"`, fr: `colonne obligatoire "$1" absente`, example: `missing required column "name"`},
	{en: `duplicate column: ` + rq + ` is the ` + rw + ` column, like column ` + rn + ` ` + rq, fr: `colonne en double : $1 est la colonne $2, comme la colonne $3 $4`, example: `duplicate column: "Nom" is the name column, like column 2 "name"`},
	{en: rw + ` is empty`, fr: `$1 est vide`, example: `name is empty`},
	// Cells.
	{en: rw + ` ` + rq + ` is not a whole number`, fr: `$1 $2 n'est pas un nombre entier`, example: `grade "B" is not a whole number`},
	{en: `(?:` + rw + ` )?` + rq + ` is not a number`, fr: `$1 $2 n'est pas un nombre`, example: `pressure "high" is not a number`},
	{en: rw + ` ` + rq + ` is outside 1–5`, fr: `$1 $2 est hors de 1–5`, example: `pressure "6" is outside 1–5`},
	{en: rw + ` ` + rq + ` is outside 1–3`, fr: `$1 $2 est hors de 1–3`, example: `priority "4" is outside 1–3`},
	{en: rw + ` ` + rq + ` is negative`, fr: `$1 $2 est négatif`, example: `capacity "-1" is negative`},
	{en: rw + ` ` + rq + ` is below 1`, fr: `$1 $2 est inférieur à 1`, example: `openings "0" is below 1`},
	{en: `(?:` + rw + ` )?` + rq + ` has a decimal comma in a comma-separated file`, fr: `$1 $2 a une virgule décimale dans un fichier séparé par des virgules`, example: `rating "3,5" has a decimal comma in a comma-separated file`},
	{en: rw + ` ` + rq + ` is not a yes/no value`, fr: `$1 $2 n'est pas une valeur oui/non`, example: `critical "maybe" is not a yes/no value`},
	{en: rw + ` ` + rq + ` is not a known country code`, fr: `$1 $2 n'est pas un code de pays connu`, example: `country "XX" is not a known country code`},
	{en: rw + ` ` + rq + ` is neither hq nor field`, fr: `$1 $2 n'est ni hq ni field`, example: `site_type "x" is neither hq nor field`},
	{en: rw + ` ` + rq + ` is neither line nor staff`, fr: `$1 $2 n'est ni line ni staff`, example: `role_kind "x" is neither line nor staff`},
	{en: rw + ` ` + rq + ` is neither active nor ended`, fr: `$1 $2 n'est ni active ni ended`, example: `status "x" is neither active nor ended`},
	{en: rw + ` ` + rq + ` is not a date`, fr: `$1 $2 n'est pas une date`, example: `since "soon" is not a date`},
	{en: `(?:` + rw + ` )?` + rq + ` is a missing value \(NaN\) as pandas, numpy or a spreadsheet write it, not (a number|a whole number): leave the cell empty for no value`,
		fr: `$1 $2 est une valeur manquante (NaN) telle que pandas, numpy ou un tableur l'écrivent, pas un nombre : laissez la cellule vide`, example: `grade "NaN" is a missing value (NaN) as pandas, numpy or a spreadsheet write it, not a whole number: leave the cell empty for no value`},
	{en: `(?:` + rw + ` )?` + rq + ` is an infinity, not (?:a number|a whole number): write a finite number`, fr: `$1 $2 est un infini, pas un nombre : écrivez un nombre fini`, example: `"inf" is an infinity, not a number: write a finite number`},
	{en: `(?:` + rw + ` )?` + rq + ` is a percentage, not (?:a number|a whole number): write (.*) without the % sign, or (.*) as a fraction, as the column expects`,
		fr: `$1 $2 est un pourcentage, pas un nombre : écrivez $3 sans le signe %, ou $4 en fraction, selon ce qu'attend la colonne`, example: `learning_orientation "50%" is a percentage, not a number: write 50 without the % sign, or 0.5 as a fraction, as the column expects`},
	{en: `(?:` + rw + ` )?` + rq + ` is an amount of money, not (?:a number|a whole number): write the number alone, (.*)`, fr: `$1 $2 est un montant, pas un nombre : écrivez le nombre seul, $3`, example: `grade "€3" is an amount of money, not a whole number: write the number alone, 3`},
	{en: `(?:` + rw + ` )?` + rq + ` is a negative number in accounting style, not (?:a number|a whole number): write (.*)`, fr: `$1 $2 est un nombre négatif à la manière des comptables, pas un nombre : écrivez $3`, example: `"(2)" is a negative number in accounting style, not a number: write -2`},
	{en: `warning: languages (.*) (?:is not a language|are not languages) stretchmatch knows; compared as written`, fr: `avertissement : langues $1 inconnues de stretchmatch ; comparées telles qu'écrites`, example: `warning: languages "Klingon" is not a language stretchmatch knows; compared as written`},
	// References between files.
	{en: `duplicate id ` + rq + `: first used on line ` + rn, fr: `id $1 en double : déjà utilisé ligne $2`, example: `duplicate id "2": first used on line 3`},
	{en: `duplicate move id ` + rq + `: first used on line ` + rn, fr: `id de mouvement $1 en double : déjà utilisé ligne $2`, example: `duplicate move id "M1": first used on line 3`},
	{en: rw + ` ` + rq + ` is not an id in people\.csv`, fr: `$1 $2 n'est pas un id de people.csv`, example: `person_id "99" is not an id in people.csv`},
	{en: `person ` + rq + ` is their own manager`, fr: `la personne $1 est son propre manager`, example: `person "3" is their own manager`},
	{en: `manager cycle: (.*)`, fr: `cycle de managers : $1`, example: `manager cycle: 2 "Bob" → 4 "Dan" → 2 "Bob"`},
	{en: `positions\.csv was not given, so the positions of the moves cannot be checked`, fr: `positions.csv n'a pas été fourni : les postes des mouvements ne peuvent pas être vérifiés`, example: `positions.csv was not given, so the positions of the moves cannot be checked`},
	{en: `position_id ` + rq + ` is not an id in positions\.csv`, fr: `position_id $1 n'est pas un id de positions.csv`, example: `position_id "P9" is not an id in positions.csv`},
	{en: `mentor ` + rq + ` is listed twice: first on line ` + rn, fr: `le mentor $1 figure deux fois : déjà ligne $2`, example: `mentor "5" is listed twice: first on line 2`},
	{en: `mentee ` + rq + ` is listed twice: first on line ` + rn, fr: `le mentoré $1 figure deux fois : déjà ligne $2`, example: `mentee "5" is listed twice: first on line 2`},
	{en: `mentee ` + rq + ` lists themselves in (preferences|avoid)`, fr: `le mentoré $1 se cite lui-même dans $2`, example: `mentee "5" lists themselves in preferences`},
	{en: `mentee ` + rq + ` prefers (.*), who is not a mentor`, fr: `le mentoré $1 préfère $2, qui n'est pas mentor`, example: `mentee "5" prefers "7" (Ann), who is not a mentor`},
	{en: `mentee ` + rq + ` avoids (.*), who is not a mentor`, fr: `le mentoré $1 évite $2, qui n'est pas mentor`, example: `mentee "5" avoids "7", who is not a mentor`},
	{en: `mentee ` + rq + ` both prefers and avoids (.*)`, fr: `le mentoré $1 à la fois préfère et évite $2`, example: `mentee "5" both prefers and avoids "7"`},
	{en: `mentee_id and mentor_id are both ` + rq, fr: `mentee_id et mentor_id valent tous deux $1`, example: `mentee_id and mentor_id are both "5"`},
	// Plan files and matrices.
	{en: `status ` + rq + ` is neither chosen nor not_chosen`, fr: `le statut $1 n'est ni chosen ni not_chosen`, example: `status "perhaps" is neither chosen nor not_chosen`},
	{en: `move id is empty`, fr: `l'id du mouvement est vide`, example: `move id is empty`},
	{en: `move ` + rq + ` is chosen twice: first on line ` + rn, fr: `le mouvement $1 est retenu deux fois : déjà ligne $2`, example: `move "M1" is chosen twice: first on line 2`},
	{en: `move ` + rq + ` is not in moves\.csv`, fr: `le mouvement $1 n'est pas dans moves.csv`, example: `move "M999" is not in moves.csv`},
	{en: `row id is empty`, fr: `l'id de ligne est vide`, example: `row id is empty`},
	{en: `column id is empty`, fr: `l'id de colonne est vide`, example: `column id is empty`},
	{en: `duplicate row id ` + rq + `: first on line ` + rn, fr: `id de ligne $1 en double : déjà ligne $2`, example: `duplicate row id "r1": first on line 2`},
	{en: `duplicate column id ` + rq + `: first in column ` + rn, fr: `id de colonne $1 en double : déjà en colonne $2`, example: `duplicate column id "a": first in column 2`},
	{en: `duplicate capacity row ` + rq + `: first on line ` + rn, fr: `ligne de capacités $1 en double : déjà ligne $2`, example: `duplicate capacity row "cap": first on line 2`},
	{en: `the header has no column ids`, fr: `l'en-tête n'a aucun id de colonne`, example: `the header has no column ids`},
	{en: `no row ` + rq + ` with the column capacities`, fr: `aucune ligne $1 avec les capacités des colonnes`, example: `no row "cap" with the column capacities`},
	{en: `move ` + rq + ` is for (.*), not ` + rq, fr: `le mouvement $1 concerne $2, pas $3`, example: `move "M1" is for E1, not "E2"`},
	{en: `person (.*) already has a chosen move on line ` + rn, fr: `la personne $1 a déjà un mouvement retenu ligne $2`, example: `person E1 already has a chosen move on line 3`},
	// Folders, files, configuration.
	{en: `folder not found`, fr: `dossier introuvable`, example: `folder not found`},
	{en: `not a folder`, fr: `ce n'est pas un dossier`, example: `not a folder`},
	{en: `cannot open the folder: (.*)`, fr: `impossible d'ouvrir le dossier : $1`, example: `cannot open the folder: permission denied`},
	{en: `file not found`, fr: `fichier introuvable`, example: `file not found`},
	{en: `cannot read the file: (.*)`, fr: `impossible de lire le fichier : $1`, example: `cannot read the file: is a directory`},
	{en: `no standard input`, fr: `pas d'entrée standard`, example: `no standard input`},
	{en: `standard input is already read as (.*)`, fr: `l'entrée standard est déjà lue comme $1`, example: `standard input is already read as people.csv`},
	{en: `unknown key ` + rq + `(.*)`, fr: `clé $1 inconnue$2`, example: `unknown key "min_fitt" in match`},
	{en: `unknown criterion ` + rq + ` in weights`, fr: `critère $1 inconnu dans weights`, example: `unknown criterion "foo" in weights`},
	{en: rq + ` is not true or false`, fr: `$1 n'est ni true ni false`, example: `"maybe" is not true or false`},
	{en: rq + ` is not a group of keys`, fr: `$1 n'est pas un groupe de clés`, example: `"3" is not a group of keys`},
})

var frenchHints = compileFrench([]frenchEntry{
	{en: `open it in Excel or LibreOffice and save it as CSV UTF-8, comma- or semicolon-separated`, fr: `ouvrez-le dans Excel ou LibreOffice et enregistrez-le en CSV UTF-8, séparé par des virgules ou des points-virgules`, example: hintSaveUTF8},
	{en: `put people\.csv in the input folder, or name it with --people FILE`, fr: `placez people.csv dans le dossier d'entrée, ou indiquez-le avec --people FICHIER`, example: `put people.csv in the input folder, or name it with --people FILE`},
	{en: `export the table again with its header row`, fr: `exportez de nouveau le tableau avec sa ligne d'en-tête`, example: `export the table again with its header row`},
	{en: `export the table again with its header row, or leave the file out`, fr: `exportez de nouveau le tableau avec sa ligne d'en-tête, ou retirez le fichier`, example: `export the table again with its header row, or leave the file out`},
	{en: `add one row per person below the header`, fr: `ajoutez une ligne par personne sous l'en-tête`, example: `add one row per person below the header`},
	{en: `check for a missing or extra (.*), and put cells that contain one in quotes`, fr: `cherchez un séparateur ($1) manquant ou en trop, et mettez entre guillemets les cellules qui en contiennent`, example: `check for a missing or extra comma, and put cells that contain one in quotes`},
	{en: `add a column named ([a-z_]+) to the header; other accepted names include (.*)`, fr: `ajoutez une colonne nommée $1 à l'en-tête ; autres noms acceptés : $2`, example: `add a column named name to the header; other accepted names include nom, full name`},
	{en: `remove or rename one of the two columns`, fr: `supprimez ou renommez l'une des deux colonnes`, example: `remove or rename one of the two columns`},
	{en: `fill in the ([a-z_]+), or remove the row`, fr: `renseignez $1, ou supprimez la ligne`, example: `fill in the name, or remove the row`},
	{en: `write a whole number, higher for more senior, or leave the cell empty`, fr: `écrivez un nombre entier, plus élevé pour plus d'ancienneté, ou laissez la cellule vide`, example: `write a whole number, higher for more senior, or leave the cell empty`},
	{en: `write a whole number, 0 or more, or leave the cell empty`, fr: `écrivez un nombre entier, 0 ou plus, ou laissez la cellule vide`, example: `write a whole number, 0 or more, or leave the cell empty`},
	{en: `write 1, 2 or 3, 3 being the most urgent, or leave the cell empty for the computed tier`, fr: `écrivez 1, 2 ou 3 (3 le plus urgent), ou laissez la cellule vide pour le niveau calculé`, example: `write 1, 2 or 3, 3 being the most urgent, or leave the cell empty for the computed tier`},
	{en: `write how many people the position takes, 1 or more, or leave the cell empty for 1`, fr: `écrivez combien de personnes le poste accueille, 1 ou plus, ou laissez la cellule vide pour 1`, example: `write how many people the position takes, 1 or more, or leave the cell empty for 1`},
	{en: `write a number from 1 = not at all to 5 = extremely, such as 3 or 3\.5, or leave the cell empty`, fr: `écrivez un nombre de 1 = pas du tout à 5 = extrêmement, comme 3 ou 3,5, ou laissez la cellule vide`, example: `write a number from 1 = not at all to 5 = extremely, such as 3 or 3.5, or leave the cell empty`},
	{en: `write (.*) with a decimal point, or save the file with ';' as separator`, fr: `écrivez $1 avec un point décimal, ou enregistrez le fichier avec ';' comme séparateur`, example: `write 3.5 with a decimal point, or save the file with ';' as separator`},
	{en: `write yes or no; also accepted: true/false, 1/0, oui/non, vrai/faux, x for yes, empty for not given`, fr: `écrivez oui ou non ; acceptés aussi : yes/no, true/false, 1/0, vrai/faux, x pour oui, vide pour non renseigné`, example: `write yes or no; also accepted: true/false, 1/0, oui/non, vrai/faux, x for yes, empty for not given`},
	{en: `write the ISO 3166 alpha-2 code, such as FR, DE or US`, fr: `écrivez le code ISO 3166 alpha-2, comme FR, DE ou US`, example: `write the ISO 3166 alpha-2 code, such as FR, DE or US`},
	{en: `write the ISO 3166 alpha-2 code ([A-Z]{2})`, fr: `écrivez le code ISO 3166 alpha-2 $1`, example: `write the ISO 3166 alpha-2 code FR`},
	{en: `write hq for headquarters or field; siège and terrain are accepted too`, fr: `écrivez hq pour le siège ou field pour le terrain ; siège et terrain sont acceptés aussi`, example: `write hq for headquarters or field; siège and terrain are accepted too`},
	{en: `write line for an operational role or staff for a functional one; opérationnel and fonctionnel are accepted too`, fr: `écrivez line pour un rôle opérationnel ou staff pour un rôle fonctionnel ; opérationnel et fonctionnel sont acceptés aussi`, example: `write line for an operational role or staff for a functional one; opérationnel and fonctionnel are accepted too`},
	{en: `write active or ended, or actif or terminé, or leave the cell empty for active`, fr: `écrivez actif ou terminé (active ou ended), ou laissez la cellule vide pour actif`, example: `write active or ended, or actif or terminé, or leave the cell empty for active`},
	{en: `write the date as YYYY-MM-DD or DD/MM/YYYY, such as 2024-03-31`, fr: `écrivez la date au format AAAA-MM-JJ ou JJ/MM/AAAA, comme 2024-03-31`, example: `write the date as YYYY-MM-DD or DD/MM/YYYY, such as 2024-03-31`},
	{en: `write an ISO 639-1 code such as fr or en, or the language's name in English, French, German, Spanish, Italian, Portuguese or Dutch`, fr: `écrivez un code ISO 639-1 comme fr ou en, ou le nom de la langue en français, anglais, allemand, espagnol, italien, portugais ou néerlandais`, example: `write an ISO 639-1 code such as fr or en, or the language's name in English, French, German, Spanish, Italian, Portuguese or Dutch`},
	{en: `give each person their own id, or remove the repeated row`, fr: `donnez à chaque personne son propre id, ou supprimez la ligne répétée`, example: `give each person their own id, or remove the repeated row`},
	{en: `give each position its own id, or remove the repeated row`, fr: `donnez à chaque poste son propre id, ou supprimez la ligne répétée`, example: `give each position its own id, or remove the repeated row`},
	{en: `write the id of a person in people\.csv, or add the person there`, fr: `écrivez l'id d'une personne de people.csv, ou ajoutez-y la personne`, example: `write the id of a person in people.csv, or add the person there`},
	{en: `write the id of their manager, or leave manager_id empty for the top of the organisation`, fr: `écrivez l'id de son manager, ou laissez manager_id vide pour le sommet de l'organisation`, example: `write the id of their manager, or leave manager_id empty for the top of the organisation`},
	{en: `write the id of a person in people\.csv, or leave the cell empty for the top of the organisation`, fr: `écrivez l'id d'une personne de people.csv, ou laissez la cellule vide pour le sommet de l'organisation`, example: `write the id of a person in people.csv, or leave the cell empty for the top of the organisation`},
	{en: `write the id of a position in positions\.csv, or add the position there`, fr: `écrivez l'id d'un poste de positions.csv, ou ajoutez-y le poste`, example: `write the id of a position in positions.csv, or add the position there`},
	{en: `add positions\.csv to the input folder, or name it with --positions FILE`, fr: `ajoutez positions.csv au dossier d'entrée, ou indiquez-le avec --positions FICHIER`, example: `add positions.csv to the input folder, or name it with --positions FILE`},
	{en: `add (.*) to mentors\.csv, or remove them from (preferences|avoid)`, fr: `ajoutez $1 à mentors.csv, ou retirez-le de $2`, example: `add "7" to mentors.csv, or remove them from preferences`},
	{en: `remove (.*) from (preferences|avoid)`, fr: `retirez $1 de $2`, example: `remove "7" from avoid`},
	{en: `keep (.*) in only one of the two lists`, fr: `ne gardez $1 que dans une des deux listes`, example: `keep 7 in only one of the two lists`},
	{en: `use a plan made from the same moves\.csv, or remove the row`, fr: `utilisez un plan fait à partir du même moves.csv, ou supprimez la ligne`, example: `use a plan made from the same moves.csv, or remove the row`},
	{en: `use a plan made from the same moves\.csv`, fr: `utilisez un plan fait à partir du même moves.csv`, example: `use a plan made from the same moves.csv`},
	{en: `write chosen for a move the committee keeps, not_chosen otherwise`, fr: `écrivez chosen pour un mouvement que le comité retient, not_chosen sinon`, example: `write chosen for a move the committee keeps, not_chosen otherwise`},
	{en: `write a number, or leave the cell empty or write x to forbid the pair`, fr: `écrivez un nombre, ou laissez la cellule vide ou écrivez x pour interdire la paire`, example: `write a number, or leave the cell empty or write x to forbid the pair`},
	{en: `give the folder that holds people\.csv and the other input files`, fr: `indiquez le dossier qui contient people.csv et les autres fichiers d'entrée`, example: `give the folder that holds people.csv and the other input files`},
	{en: `only one file can be read from standard input, named -`, fr: `un seul fichier peut être lu sur l'entrée standard, nommé -`, example: `only one file can be read from standard input, named -`},
	{en: `give a file name instead of -`, fr: `donnez un nom de fichier au lieu de -`, example: `give a file name instead of -`},
	{en: `check the name, or put (.*) in the input folder`, fr: `vérifiez le nom, ou placez $1 dans le dossier d'entrée`, example: `check the name, or put moves.csv in the input folder`},
	{en: `check that it is a readable file, not a folder`, fr: `vérifiez que c'est un fichier lisible, pas un dossier`, example: `check that it is a readable file, not a folder`},
	{en: `fix the value, or remove the key to keep the default`, fr: `corrigez la valeur, ou retirez la clé pour garder la valeur par défaut`, example: `fix the value, or remove the key to keep the default`},
	{en: `check the indentation, the colons and the quotes around this line`, fr: `vérifiez l'indentation, les deux-points et les guillemets autour de cette ligne`, example: `check the indentation, the colons and the quotes around this line`},
	{en: `write (a number|a whole number|true or false|a group of keys), or remove the key to keep the default`, fr: `écrivez une valeur du bon type ($1), ou retirez la clé pour garder la valeur par défaut`, example: `write a number, or remove the key to keep the default`},
	{en: `check the spelling; the keys here are (.*)`, fr: `vérifiez l'orthographe ; les clés possibles ici sont $1`, example: `check the spelling; the keys here are min_fit, weights`},
	{en: `use the criterion ids that 'stretchmatch criteria' lists, such as failure_visible`, fr: `utilisez les ids de critères que liste « stretchmatch criteria », comme failure_visible`, example: `use the criterion ids that 'stretchmatch criteria' lists, such as failure_visible`},
	{en: `give each move its own id, or remove the repeated row; without an id column a move's id is person_id>position_id`, fr: `donnez à chaque mouvement son propre id, ou supprimez la ligne répétée ; sans colonne id, l'id d'un mouvement est person_id>position_id`, example: `give each move its own id, or remove the repeated row; without an id column a move's id is person_id>position_id`},
	{en: `write the id of the move, as in moves\.csv`, fr: `écrivez l'id du mouvement, comme dans moves.csv`, example: `write the id of the move, as in moves.csv`},
	{en: `give the plan\.csv written by stretchmatch plan: a header with move_id and status, one move per row`, fr: `donnez le plan.csv écrit par stretchmatch plan : un en-tête avec move_id et status, un mouvement par ligne`, example: `give the plan.csv written by stretchmatch plan: a header with move_id and status, one move per row`},
	{en: `give each (row|column) its own id`, fr: `donnez à chaque $1 son propre id`, example: `give each row its own id`},
	{en: `write the row id in the first cell of every row`, fr: `écrivez l'id de ligne dans la première cellule de chaque ligne`, example: `write the row id in the first cell of every row`},
	{en: `write an id for every column of the header after the first cell`, fr: `écrivez un id pour chaque colonne de l'en-tête après la première cellule`, example: `write an id for every column of the header after the first cell`},
	{en: `write the column ids after the first cell of the header row`, fr: `écrivez les ids de colonnes après la première cellule de la ligne d'en-tête`, example: `write the column ids after the first cell of the header row`},
	{en: `add one row per row id below the header`, fr: `ajoutez une ligne par id de ligne sous l'en-tête`, example: `add one row per row id below the header`},
	{en: `write the column ids in the header row and one row per row id below it`, fr: `écrivez les ids de colonnes dans la ligne d'en-tête et une ligne par id de ligne en dessous`, example: `write the column ids in the header row and one row per row id below it`},
	{en: `write how many rows the column can take, 0 or more, or leave the cell empty for 1`, fr: `écrivez combien de lignes la colonne peut prendre, 0 ou plus, ou laissez la cellule vide pour 1`, example: `write how many rows the column can take, 0 or more, or leave the cell empty for 1`},
	{en: `each person's manager_id leads back to them: (.*)`, fr: `le manager_id de chacune de ces personnes ramène à elle-même : corrigez le manager_id de l'une d'elles pour que la chaîne aboutisse au sommet de l'organisation`, example: `each person's manager_id leads back to them: fix the manager_id of one of these people so that the chain ends at the top of the organisation`},
})

func compileFrench(es []frenchEntry) []frenchEntry {
	for i := range es {
		es[i].re = regexp.MustCompile("^(?:" + es[i].en + ")$")
	}
	return es
}

// translate returns s in French by the first entry that matches it whole,
// and whether one did.
func translate(entries []frenchEntry, s string) (string, bool) {
	for _, e := range entries {
		if m := e.re.FindStringSubmatchIndex(s); m != nil {
			out := string(e.re.ExpandString(nil, e.fr, s, m))
			return strings.TrimSpace(strings.ReplaceAll(out, "  ", " ")), true
		}
	}
	return s, false
}

// Localized formats the problem as String does, with the message and the
// hint in lang ("fr" for French; anything else gives String). A message
// or hint without a translation stays in English.
func (p Problem) Localized(lang string) string {
	if lang != "fr" {
		return p.String()
	}
	q := p
	q.Msg, _ = translate(frenchMessages, p.Msg)
	q.Hint, _ = translate(frenchHints, p.Hint)
	return q.String()
}

// LocalizedNote returns a note in lang: warnings ("FILE:LINE:COLUMN:
// warning: … (…)") are translated into French for "fr"; other notes are
// returned as they are.
func LocalizedNote(note, lang string) string {
	if lang != "fr" {
		return note
	}
	i := strings.Index(note, warningMark)
	if i < 0 {
		return note
	}
	where, rest := note[:i], note[i+2:]
	msg, hint := rest, ""
	if strings.HasSuffix(rest, ")") {
		if j := strings.LastIndex(rest, " ("); j >= 0 {
			msg, hint = rest[:j], rest[j+2:len(rest)-1]
		}
	}
	msg, _ = translate(frenchMessages, msg)
	if hint != "" {
		hint, _ = translate(frenchHints, hint)
		return where + ": " + msg + " (" + hint + ")"
	}
	return where + ": " + msg
}
