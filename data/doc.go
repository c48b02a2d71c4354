// Package data owns everything of stretchmatch that touches files: reading
// the CSV input files of a review cycle into model values ([ReadInputs],
// [Load]), checking them with messages a user can act on, reading the YAML
// configuration ([LoadConfig], [DefaultConfigYAML]), the committee's
// decisions ([ReadDecisions], [ReadPlanDecisions]) and the matrix of
// `stretchmatch assign` ([ReadMatrix]), and writing CSV outputs safely
// ([WriteCSV], [WriteFileAtomic], [StageFiles]); it also holds the embedded sample
// organisation. For the follow-up across quarters it reads a previous pack
// checked against its run.json ([ReadPrevious], [SamplePrevious]), the
// activity export ([ReadActivity], same rules as the input files) and
// codev_history.csv ([ReadCodevHistory]). Other packages take and return
// values; all CSV hygiene lives here.
//
// # Reading rules
//
// Input files are what real HR exports look like (SPEC §3):
//
//   - Encoding: UTF-8 with or without byte-order mark, or Windows-1252 (the
//     plain "CSV" of French Excel) when the bytes are not valid UTF-8. The
//     byte-order mark is removed before encoding/csv sees the header. UTF-16,
//     NUL bytes and Excel workbooks are reported as an unreadable encoding.
//   - Line ends CRLF or LF, or the lone CR of old Mac files. Blank lines
//     and rows whose cells are all empty (the ";;;;" rows spreadsheets leave
//     below a table) are skipped, and so are trailing empty cells beyond
//     the header's width. A first line "sep=;" (Excel's delimiter hint) is
//     honoured and skipped.
//   - Delimiter ',', ';' or tab, detected from the header line by counting
//     outside quotes (ties go to ','), unless [ReadOptions].Delimiter forces
//     it. With ';' or tab, numbers may use a decimal comma ("3,5").
//     Thousands may be grouped with spaces, as French Excel writes them.
//   - Header names are matched case-, accent-, space-, hyphen- and
//     underscore-insensitively ([HeaderKey]) against the canonical names and
//     the English and French aliases of [Columns], the single table of
//     accepted names. Unknown columns are ignored and listed in the notes. A
//     column given twice and a missing required column are problems.
//   - Cells: spaces around a cell are trimmed. An empty cell is "not given",
//     never zero (model.OptInt, model.OptFloat). Lists are separated by '|'.
//     Ids are text: leading zeros are kept. See [Kind] for each kind of cell.
//   - Every file but people.csv is optional. A header with no rows is a
//     problem for people.csv only; an empty file (no bytes, or only
//     whitespace) is a problem for any file given.
//
// Each file is read with its own encoding/csv.Reader; gocsv maps the records
// onto row structs of typed cells through gocsv.UnmarshalDecoder, fed with
// canonical header names, a batch of rows at a time so that memory beyond
// the dataset stays bounded. gocsv's package-level settings are never
// touched: they are shared by the whole program.
//
// # Problems
//
// Every problem found in the input is reported, not just the first, as
// FILE:LINE:COLUMN: what is wrong (what to do) — see [Problem]. LINE is the
// physical line of the file: a quoted cell that spans several lines does not
// shift the lines of the cells after it. COLUMN is the 1-based index of the
// field in its row, which is the column number a spreadsheet shows (A = 1),
// not a byte offset: users fix these files in a spreadsheet. A problem
// about a whole row or header (a ragged row, a missing required column) has
// COLUMN 0, which is left out of the message; a problem about a whole file
// has LINE 0 too. Problems are sorted by file (people, positions, moves,
// mentors, mentees, history), then line, then column.
//
// The checks across rows and files: repeated ids (naming the line of the
// first), a person repeated in mentors.csv or mentees.csv, manager ids,
// person ids, position ids and mentor ids that do not exist, a person who is
// their own manager, cycles in the chain of managers (found with gonum's
// Tarjan strongly connected components, each named by the ids and names of
// its people, starting from the smallest id), a mentee who lists
// themselves, a preference or avoid entry that is not a mentor.
//
// # Determinism
//
// The same bytes give the same dataset, notes and problems, in the same
// order: no output depends on map iteration order.
//
// # Writing
//
// [WriteCSV] neutralises cells against CSV injection and writes Excel's
// flavour on request; [WriteFileAtomic] never leaves a half-written file and
// never overwrites an input; [StageFiles] writes a set of files into a
// folder as one transaction under an exclusive lock of the folder, so the
// folder holds either all the old files or all the new ones. Files follow
// the umask; devices, FIFOs and standard output are written through, never
// replaced. [AbortWrites] removes what is being written when a signal
// stops the process.
package data
