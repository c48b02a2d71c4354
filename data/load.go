package data

import (
	"fmt"

	"github.com/stretchmatch/stretchmatch/model"
)

// Source is one input file already read into memory, so that its bytes can
// also be hashed for the run record.
type Source struct {
	// Name is the file as shown in messages, such as "people.csv" or
	// "in/people.csv".
	Name string
	Data []byte
}

// Inputs holds the sources of one review cycle. A nil source is a file that
// was not given.
type Inputs struct {
	People, Positions, Moves, Mentors, Mentees, History *Source
}

// ReadOptions tunes how input files are read.
type ReadOptions struct {
	// Delimiter forces the field delimiter of every file; 0 detects it from
	// each file's header line (',', ';' or tab).
	Delimiter rune
	// Config gives the defaults that depend on the configuration (a
	// mentor's capacity); nil means model.Default().
	Config *model.Config
	// Limits bound the length of lines and cells (the zero value: the
	// defaults); a longer one is a problem at its line and column.
	Limits Limits
	// ShowName, when not nil, gives the name that problems show for a
	// person (a pseudonym under redaction); nil shows names as written.
	ShowName func(id, name string) string
}

// Notes are informational messages about how the input was read: encoding
// and delimiter of each file, columns ignored, files with no rows. They are
// meant for --verbose and are in file order.
type Notes []string

// roles, in the order files are read and problems reported.
const (
	rolePeople = iota
	rolePositions
	roleMoves
	roleMentors
	roleMentees
	roleHistory
	numRoles
)

// fileState is what the loader knows about one input file.
type fileState struct {
	std   string // standard name, e.g. "people.csv"
	c     collector
	given bool
	h     *header // nil when the header could not be read
	// multi holds, for records spanning several physical lines, the line
	// of each field, by the line of the record's first field.
	multi map[int][]int
	// partial holds the keys of ragged records, which were reported but not
	// decoded.
	partial map[string]bool
	// warn holds what can be read but deserves a warning, in file order.
	warn []Problem
}

// usable reports whether the file was read far enough for other files to
// be checked against its ids: the header was read and has column k.
func (fs *fileState) usable(k int) bool { return fs.given && fs.h.has(k) }

// pos returns the physical line and column of the cell of table column k in
// the record whose first field is on line.
func (fs *fileState) pos(line, k int) (int, int) {
	if !fs.h.has(k) {
		return line, 0
	}
	f := fs.h.phys[k]
	if lines, ok := fs.multi[line]; ok && f < len(lines) {
		return lines[f], f + 1
	}
	return line, f + 1
}

// addAt reports a problem at the cell of table column k of the record on
// line.
func (fs *fileState) addAt(line, k int, msg, hint string) {
	l, c := fs.pos(line, k)
	fs.c.add(l, c, msg, hint)
}

// keep remembers the field lines of a record spanning several lines.
func (fs *fileState) keep(rec *record) {
	if rec.lines == nil {
		return
	}
	if fs.multi == nil {
		fs.multi = make(map[int][]int)
	}
	fs.multi[rec.line] = rec.lines
}

// loader reads one cycle's files.
type loader struct {
	delim      rune
	lim        Limits
	showNameFn func(id, name string) string
	cfg        model.Config
	notes      Notes
	files      [numRoles]fileState
	ds         model.Dataset
}

// Load decodes, checks and cross-checks every given input file and returns
// the dataset. Rows keep the order of the files and record their physical
// line.
//
// Load reports every problem it finds, not just the first: when there is
// any, the error is a [Problems] (sorted by file, line and column) and the
// dataset is nil. A missing people.csv (in.People == nil) is a problem;
// every other file is optional, and a header with no rows below it is
// accepted for them (it is a problem for people.csv). The notes are
// returned in both cases. The only other error is an invalid
// opt.Delimiter. Load never panics, whatever the bytes.
//
// Same bytes give the same dataset and the same problems in the same
// order.
func Load(in Inputs, opt ReadOptions) (*model.Dataset, Notes, error) {
	if opt.Delimiter != 0 && !validDelimiter(opt.Delimiter) {
		return nil, nil, fmt.Errorf("data: invalid delimiter %q", opt.Delimiter)
	}
	l := &loader{delim: opt.Delimiter, cfg: model.Default(), lim: opt.Limits.withDefaults(), showNameFn: opt.ShowName}
	if opt.Config != nil {
		l.cfg = *opt.Config
	}
	for r, name := range Files() {
		l.files[r].std = name
		l.files[r].c.file = name
	}
	if in.People == nil {
		l.files[rolePeople].c.addFile("file is missing", "put people.csv in the input folder, or name it with --people FILE")
	} else {
		l.readPeople(in.People)
	}
	if in.Positions != nil {
		l.readPositions(in.Positions)
	}
	if in.Moves != nil {
		l.readMoves(in.Moves)
	}
	if in.Mentors != nil {
		l.readMentors(in.Mentors)
	}
	if in.Mentees != nil {
		l.readMentees(in.Mentees)
	}
	if in.History != nil {
		l.readHistory(in.History)
	}
	l.crossCheck()

	var ps Problems
	for r := range l.files {
		ps = append(ps, l.files[r].c.sorted()...)
		l.notes = append(l.notes, warningNotes(l.files[r].warn)...)
	}
	ps = l.redactNames(ps)
	if len(ps) > 0 {
		return nil, l.notes, ps
	}
	ds := l.ds
	// A file with a header only gives nil, like an absent file.
	nilIfEmpty(&ds.Positions)
	nilIfEmpty(&ds.Moves)
	nilIfEmpty(&ds.Mentors)
	nilIfEmpty(&ds.Mentees)
	nilIfEmpty(&ds.History)
	return &ds, l.notes, nil
}

// nilIfEmpty makes an empty slice nil.
func nilIfEmpty[T any](s *[]T) {
	if len(*s) == 0 {
		*s = nil
	}
}

// hintEmpty returns what to do with an empty input file.
func hintEmpty(role int) string {
	if role == rolePeople {
		return "export the table again with its header row"
	}
	return "export the table again with its header row, or leave the file out"
}

// open decodes src as the file of the given role and reads its header. It
// returns nil when the file cannot be read further.
func (l *loader) open(src *Source, role int) *csvReader {
	fs := &l.files[role]
	fs.given = true
	fs.c.file = src.Name
	t, ok := decodeText(src, l.delim, hintEmpty(role), &fs.c, &l.notes)
	if !ok || !checkLines(&t, l.lim.MaxLine, &fs.c) {
		return nil
	}
	cr := newCSVReader(&t, &fs.c)
	cr.maxCell = l.lim.MaxCell
	rec, ok := cr.next()
	if !ok {
		if len(fs.c.list) == 0 {
			fs.c.add(0, 0, "file is empty", hintEmpty(role))
		}
		return nil
	}
	fs.h = readHeader(rec, tableOf(fs.std), headerIndexes[fs.std], &fs.c, &l.notes)
	return cr
}

// noRows handles a file whose header has no data rows below it.
func (l *loader) noRows(role int, what string) {
	fs := &l.files[role]
	if role == rolePeople {
		fs.c.add(fs.h.line, 0, "the file has a header but no "+what, "add one row per person below the header")
		return
	}
	l.notes = append(l.notes, fmt.Sprintf("%s: no %s (the file has only its header)", fs.c.file, what))
}

func (l *loader) readPeople(src *Source) {
	cr := l.open(src, rolePeople)
	if cr == nil {
		return
	}
	fs := &l.files[rolePeople]
	l.ds.People = make([]model.Person, 0, cr.estimateRows())
	audit := auditFields(fs, l.cfg.Pack.EquityColumns)
	n := decodeRows(cr, fs, tableOf(FilePeople), func(r *personRow, rec *record) {
		fs.keep(rec)
		p := r.model(rec.line)
		p.Audit = auditValues(rec, audit)
		l.ds.People = append(l.ds.People, p)
	})
	if n == 0 {
		l.noRows(rolePeople, "people")
	}
}

func (l *loader) readPositions(src *Source) {
	cr := l.open(src, rolePositions)
	if cr == nil {
		return
	}
	fs := &l.files[rolePositions]
	l.ds.Positions = make([]model.Position, 0, cr.estimateRows())
	n := decodeRows(cr, fs, tableOf(FilePositions), func(r *positionRow, rec *record) {
		fs.keep(rec)
		l.ds.Positions = append(l.ds.Positions, r.model(rec.line))
	})
	if n == 0 {
		l.noRows(rolePositions, "positions")
	}
}

func (l *loader) readMoves(src *Source) {
	cr := l.open(src, roleMoves)
	if cr == nil {
		return
	}
	fs := &l.files[roleMoves]
	l.ds.Moves = make([]model.Move, 0, cr.estimateRows())
	n := decodeRows(cr, fs, tableOf(FileMoves), func(r *moveRow, rec *record) {
		fs.keep(rec)
		l.ds.Moves = append(l.ds.Moves, r.model(rec.line))
	})
	if n == 0 {
		l.noRows(roleMoves, "moves")
	}
}

func (l *loader) readMentors(src *Source) {
	cr := l.open(src, roleMentors)
	if cr == nil {
		return
	}
	fs := &l.files[roleMentors]
	l.ds.Mentors = make([]model.Mentor, 0, cr.estimateRows())
	n := decodeRows(cr, fs, tableOf(FileMentors), func(r *mentorRow, rec *record) {
		fs.keep(rec)
		l.ds.Mentors = append(l.ds.Mentors, r.model(rec.line, l.cfg.Match.DefaultCapacity))
	})
	if n == 0 {
		l.noRows(roleMentors, "mentors")
	}
}

func (l *loader) readMentees(src *Source) {
	cr := l.open(src, roleMentees)
	if cr == nil {
		return
	}
	fs := &l.files[roleMentees]
	l.ds.Mentees = make([]model.Mentee, 0, cr.estimateRows())
	n := decodeRows(cr, fs, tableOf(FileMentees), func(r *menteeRow, rec *record) {
		fs.keep(rec)
		l.ds.Mentees = append(l.ds.Mentees, r.model(rec.line))
	})
	if n == 0 {
		l.noRows(roleMentees, "mentees")
	}
}

func (l *loader) readHistory(src *Source) {
	cr := l.open(src, roleHistory)
	if cr == nil {
		return
	}
	fs := &l.files[roleHistory]
	l.ds.History = make([]model.HistoryPair, 0, cr.estimateRows())
	n := decodeRows(cr, fs, tableOf(FileHistory), func(r *historyRow, rec *record) {
		fs.keep(rec)
		l.ds.History = append(l.ds.History, r.model(rec.line))
	})
	if n == 0 {
		l.noRows(roleHistory, "pairs")
	}
}
