package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// Standard names of the codevelopment input files. They are also file
// arguments of [Columns].
const (
	FileCodev        = "codev.csv"
	FileCodevHistory = "codev_history.csv"
)

// CodevFiles returns the codevelopment input file names in the order their
// problems are reported.
func CodevFiles() []string { return []string{FileCodev, FileCodevHistory} }

// codevTables are the columns and header aliases of the codevelopment
// files; [Columns] serves them like the other input files.
var codevTables = [...]struct {
	name string
	cols []Column
}{
	{FileCodev, []Column{
		{Name: "person_id", Required: true, Kind: KindID,
			Aliases: []string{"volunteer", "volunteer id", "employee id", "matricule", "participant", "volontaire"},
			Doc:     "id of the volunteer in people.csv"},
		{Name: "mode", Kind: KindCodevMode,
			Aliases: []string{"attendance", "format", "modalité", "présence"},
			Doc:     "in_person or remote (French: présentiel, distanciel); default remote"},
		{Name: "avoid", Kind: KindList,
			Aliases: []string{"do not group with", "éviter", "à éviter", "exclusions", "personnes à éviter"},
			Doc:     "person ids never to share a group with, a|b|c"},
		{Name: "note", Kind: KindText,
			Aliases: []string{"notes", "comment", "comments", "commentaire", "remarque"},
			Doc:     "free note"},
	}},
	{FileCodevHistory, []Column{
		{Name: "group_id", Required: true, Kind: KindID,
			Aliases: []string{"group", "groupe", "id groupe", "code groupe"},
			Doc:     "id of the earlier group"},
		{Name: "person_id", Required: true, Kind: KindID,
			Aliases: []string{"member", "member id", "employee id", "matricule", "membre", "participant"},
			Doc:     "id of the member"},
		{Name: "cycle", Kind: KindText,
			Aliases: []string{"period", "season", "période", "session", "vague"},
			Doc:     "the cycle of the group, ordered as text (2025-Q3, 2025-09…); empty counts as the latest"},
	}},
}

// KindCodevMode is in_person or remote (French: présentiel, distanciel).
const KindCodevMode Kind = 100

func codevTable(file string) []Column {
	for _, f := range codevTables {
		if f.name == file {
			return f.cols
		}
	}
	return nil
}

var codevIndexes = func() map[string]headerIndex {
	m := make(map[string]headerIndex, len(codevTables))
	for _, f := range codevTables {
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

var codevModeWords = map[string]string{
	"remote": string(model.CodevRemote), "online": string(model.CodevRemote), "video": string(model.CodevRemote),
	"distanciel": string(model.CodevRemote), "adistance": string(model.CodevRemote), "visio": string(model.CodevRemote),
	"inperson": string(model.CodevInPerson), "onsite": string(model.CodevInPerson), "presentiel": string(model.CodevInPerson),
	"surplace": string(model.CodevInPerson), "ensalle": string(model.CodevInPerson),
}

// modeCell is in_person or remote.
type modeCell struct{ enumCell }

func (c *modeCell) UnmarshalCSV(s string) error { c.set(s, codevModeWords); return nil }
func (c *modeCell) problem(rune) (string, string) {
	if c.bad {
		return fmt.Sprintf("%s is neither in_person nor remote", quoteCell(c.raw)),
			"write in_person or remote, or présentiel or distanciel, or leave the cell empty for remote"
	}
	return "", ""
}

type codevRow struct {
	PersonID textCell `csv:"person_id"`
	Mode     modeCell `csv:"mode"`
	Avoid    listCell `csv:"avoid"`
	Note     textCell `csv:"note"`
}

func (r *codevRow) cells(b []cell) []cell {
	return append(b[:0], &r.PersonID, &r.Mode, &r.Avoid, &r.Note)
}

type codevHistoryRow struct {
	GroupID  textCell `csv:"group_id"`
	PersonID textCell `csv:"person_id"`
	Cycle    textCell `csv:"cycle"`
}

func (r *codevHistoryRow) cells(b []cell) []cell {
	return append(b[:0], &r.GroupID, &r.PersonID, &r.Cycle)
}

// ReadCodevInputs reads codev.csv and codev_history.csv: each from the path
// given, "-" meaning stdin, or else from dir under its standard name. A
// standard file missing from dir is simply absent (nil); a file named by a
// path must exist. Problems are a [Problems].
func ReadCodevInputs(dir, codevPath, historyPath string, stdin io.Reader) (codev, history *Source, err error) {
	var ps Problems
	read := func(std, p string) *Source {
		explicit := p != ""
		if p == "-" {
			if stdin == nil {
				ps = append(ps, Problem{File: std + " (standard input)", Msg: "no standard input", Hint: "give a file name instead of -"})
				return nil
			}
			b, p := readLimited(stdin, std+" (standard input)", 0)
			if p != nil {
				ps = append(ps, *p)
				return nil
			}
			stdin = nil
			return &Source{Name: std + " (standard input)", Data: b}
		}
		if !explicit {
			p = filepath.Join(dir, std)
		}
		b, err := ReadFileLimited(p, 0)
		var fileProblems Problems
		switch {
		case errors.As(err, &fileProblems):
			ps = append(ps, fileProblems...)
		case err == nil:
			return &Source{Name: p, Data: b}
		case errors.Is(err, fs.ErrNotExist) && !explicit:
		case errors.Is(err, fs.ErrNotExist):
			ps = append(ps, Problem{File: p, Msg: "file not found", Hint: "check the name, or put " + std + " in the input folder"})
		default:
			ps = append(ps, Problem{File: p, Msg: "cannot read the file: " + reason(err), Hint: "check that it is a readable file, not a folder"})
		}
		return nil
	}
	codev = read(FileCodev, codevPath)
	history = read(FileCodevHistory, historyPath)
	if len(ps) > 0 {
		return codev, history, ps
	}
	return codev, history, nil
}

// SampleCodevInputs returns the embedded sample's codev.csv and
// codev_history.csv, named "sample/<name>" in messages.
func SampleCodevInputs() (codev, history *Source) {
	read := func(name string) *Source {
		b, err := fs.ReadFile(SampleFS(), name)
		if err != nil {
			panic("data: embedded sample has no " + name)
		}
		return &Source{Name: path.Join("sample", name), Data: b}
	}
	return read(FileCodev), read(FileCodevHistory)
}

// LoadCodev decodes and checks codev.csv (src, required) and
// codev_history.csv (history, may be nil) against the people of ds, a
// dataset [Load] returned (nil when Load found problems: the files are then
// checked on their own, without the references to people.csv).
//
// Every problem is reported, as [Problems] naming FILE:LINE:COLUMN and
// sorted by file, line and column: the problems of any input file (encoding,
// delimiter, header, ragged rows, bad cells); in codev.csv a person_id that
// is not in people.csv or is listed twice, and an avoid list naming an
// unknown person or the volunteer themselves; in codev_history.csv a member
// listed twice in one group, and a group given two different cycles. A
// member of an earlier group who is no longer in people.csv is accepted
// (and named in the notes). LoadCodev never panics, whatever the bytes.
func LoadCodev(src, history *Source, ds *model.Dataset, opt ReadOptions) (*model.Codev, Notes, error) {
	if opt.Delimiter != 0 && !validDelimiter(opt.Delimiter) {
		return nil, nil, fmt.Errorf("data: invalid delimiter %q", opt.Delimiter)
	}
	if src == nil {
		return nil, nil, errors.New("data: LoadCodev needs codev.csv")
	}
	var people map[string]bool
	if ds != nil {
		people = make(map[string]bool, len(ds.People))
		for i := range ds.People {
			people[ds.People[i].ID] = true
		}
	}
	var notes Notes
	cv := &model.Codev{}
	var ps Problems

	fv := &fileState{std: FileCodev}
	if cr := openCodev(src, fv, &notes); cr != nil {
		n := decodeRows(cr, fv, codevTable(FileCodev), func(r *codevRow, rec *record) {
			fv.keep(rec)
			mode := model.CodevMode(r.Mode.v)
			if mode == "" {
				mode = model.CodevRemote
			}
			cv.Volunteers = append(cv.Volunteers, model.CodevVolunteer{PersonID: r.PersonID.v, Mode: mode,
				Avoid: r.Avoid.v, Note: r.Note.v, Line: rec.line})
		})
		if n == 0 {
			fv.c.add(fv.h.line, 0, "the file has a header but no volunteers", "add one row per volunteer below the header")
		}
		checkVolunteers(fv, cv.Volunteers, people)
	}
	ps = append(ps, fv.c.sorted()...)

	if history != nil {
		fh := &fileState{std: FileCodevHistory}
		if cr := openCodev(history, fh, &notes); cr != nil {
			n := decodeRows(cr, fh, codevTable(FileCodevHistory), func(r *codevHistoryRow, rec *record) {
				fh.keep(rec)
				cv.History = append(cv.History, model.CodevHistoryRow{GroupID: r.GroupID.v, PersonID: r.PersonID.v,
					Cycle: r.Cycle.v, Line: rec.line})
			})
			if n == 0 {
				notes = append(notes, fh.c.file+": no earlier groups (the file has only its header)")
			}
			checkCodevHistory(fh, cv.History, people, &notes)
		}
		ps = append(ps, fh.c.sorted()...)
	}
	if len(ps) > 0 {
		return nil, notes, ps
	}
	return cv, notes, nil
}

// openCodev decodes src and reads its header into fs.
func openCodev(src *Source, fs *fileState, notes *Notes) *csvReader {
	fs.given = true
	fs.c.file = src.Name
	const hint = "export the table again with its header row"
	t, ok := decodeText(src, 0, hint, &fs.c, notes)
	if !ok {
		return nil
	}
	cr := newCSVReader(&t, &fs.c)
	rec, ok := cr.next()
	if !ok {
		if len(fs.c.list) == 0 {
			fs.c.add(0, 0, "file is empty", hint)
		}
		return nil
	}
	fs.h = readHeader(rec, codevTable(fs.std), codevIndexes[fs.std], &fs.c, notes)
	return cr
}

// Column indices of the codevelopment tables.
const (
	kCodevPerson   = 0
	kCodevAvoid    = 2
	kCodevHGroup   = 0
	kCodevHPerson  = 1
	kCodevHCycle   = 2
	codevUnknownID = "write the id of a person in people.csv, or add the person there"
)

func checkVolunteers(fs *fileState, vs []model.CodevVolunteer, people map[string]bool) {
	if !fs.usable(kCodevPerson) {
		return
	}
	first := make(map[string]int, len(vs))
	for i := range vs {
		v := &vs[i]
		if v.PersonID != "" && !fs.partial[v.PersonID] {
			switch line, dup := first[v.PersonID]; {
			case dup:
				fs.addAt(v.Line, kCodevPerson, fmt.Sprintf("volunteer %s is listed twice: first on line %d", quoteCell(v.PersonID), line),
					"keep one row per volunteer")
			case people != nil && !people[v.PersonID]:
				fs.addAt(v.Line, kCodevPerson, fmt.Sprintf("person_id %s is not an id in people.csv", quoteCell(v.PersonID)), codevUnknownID)
			default:
				first[v.PersonID] = v.Line
			}
		}
		for _, a := range v.Avoid {
			switch {
			case a == v.PersonID:
				fs.addAt(v.Line, kCodevAvoid, fmt.Sprintf("volunteer %s lists themselves in avoid", quoteCell(v.PersonID)),
					"remove "+shown(a)+" from avoid")
			case people != nil && !people[a]:
				fs.addAt(v.Line, kCodevAvoid, fmt.Sprintf("avoid names %s, who is not an id in people.csv", quoteCell(a)), codevUnknownID)
			}
		}
	}
}

func checkCodevHistory(fs *fileState, rows []model.CodevHistoryRow, people map[string]bool, notes *Notes) {
	if !fs.usable(kCodevHGroup) || !fs.usable(kCodevHPerson) {
		return
	}
	type member struct{ group, person string }
	seen := make(map[member]int, len(rows))
	cycleOf := make(map[string]int) // group id → index of its first row
	var left []string
	for i := range rows {
		r := &rows[i]
		if r.GroupID == "" || r.PersonID == "" {
			continue
		}
		if line, dup := seen[member{r.GroupID, r.PersonID}]; dup {
			fs.addAt(r.Line, kCodevHPerson, fmt.Sprintf("%s is listed twice in group %s: first on line %d", quoteCell(r.PersonID), quoteCell(r.GroupID), line),
				"keep one row per member of each group")
			continue
		}
		seen[member{r.GroupID, r.PersonID}] = r.Line
		if j, ok := cycleOf[r.GroupID]; !ok {
			cycleOf[r.GroupID] = i
		} else if rows[j].Cycle != r.Cycle && fs.h.has(kCodevHCycle) {
			fs.addAt(r.Line, kCodevHCycle, fmt.Sprintf("group %s is in cycle %s on line %d, not %s", quoteCell(r.GroupID), quoteCell(rows[j].Cycle), rows[j].Line, quoteCell(r.Cycle)),
				"give every row of a group the same cycle, or give the groups of different cycles different ids")
		}
		if people != nil && !people[r.PersonID] && !slices.Contains(left, r.PersonID) {
			left = append(left, r.PersonID)
		}
	}
	if len(left) > 0 {
		slices.Sort(left)
		*notes = append(*notes, fmt.Sprintf("%s: %d earlier members no longer in people.csv: %s", fs.c.file, len(left), joinShort(left)))
	}
}

// joinShort joins up to ten ids, then says how many more there are.
func joinShort(ids []string) string {
	out := ""
	for i, id := range ids {
		if i == 10 {
			return out + fmt.Sprintf(" … and %d more", len(ids)-10)
		}
		if i > 0 {
			out += ", "
		}
		out += id
	}
	return out
}

// EncodeCodev writes cv.Volunteers as codev.csv, with the canonical column
// names, as WriteCSV writes them. Reading it back with LoadCodev gives the
// volunteers back.
func EncodeCodev(cv *model.Codev) (*Source, error) {
	var header []string
	for _, c := range codevTable(FileCodev) {
		header = append(header, c.Name)
	}
	rows := make([][]string, len(cv.Volunteers))
	for i, v := range cv.Volunteers {
		mode := string(v.Mode)
		if mode == "" {
			mode = string(model.CodevRemote)
		}
		rows[i] = []string{v.PersonID, mode, strings.Join(v.Avoid, "|"), v.Note}
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, header, rows, CSVOptions{}); err != nil {
		return nil, err
	}
	return &Source{Name: FileCodev, Data: b.Bytes()}, nil
}
