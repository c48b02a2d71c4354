package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// Files of a previous pack read by [ReadPrevious].
const (
	FileRunJSON       = "run.json"
	FilePrevPlan      = "plan.csv"
	FilePrevPairs     = "pairs.csv"
	FileDecisionCosts = "decision_costs.csv"
	FileGroups        = "groups.csv"
	FileGroupSessions = "group_sessions.csv"
)

// PrevFiles are the output files of a pack that the follow-up reads, in
// the order they are checked; plan.csv and pairs.csv must be there.
func PrevFiles() []string {
	return []string{FilePrevPlan, FilePrevPairs, FileDecisionCosts, FileGroups, FileGroupSessions}
}

// runJSON is the part of run.json the follow-up reads.
type runJSON struct {
	Tool    string                     `json:"tool"`
	Inputs  map[string]runJSONFile     `json:"inputs"`
	Outputs map[string]runJSONFile     `json:"outputs"`
	Counts  map[string]json.RawMessage `json:"counts"`
}

type runJSONFile struct {
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// Previous is a previous pack as read by [ReadPrevious], with the files
// it was read from.
type Previous struct {
	model.Previous
	// Sources are the files read, for the run record and so that no output
	// is ever written over them.
	Sources []Source
	// CommitteePlan is true when the previous run took its chosen moves
	// from a plan file the committee edited (run --plan).
	CommitteePlan bool
}

// ReadPrevious reads the pack a `run --out` wrote into dir: run.json, then
// plan.csv and pairs.csv, and decision_costs.csv, groups.csv and
// group_sessions.csv when present. Each file must have the SHA-256 that
// run.json records for it under "outputs": a file changed after the run,
// or missing, or present but not recorded, is a problem naming it. The
// previous quarter's people.csv, positions.csv and history.csv are read
// too when they can be found with the SHA-256 run.json records under
// "inputs": first as dir/NAME (a copy put there, which must match), then
// at the path recorded (as is, then relative to dir's parent folder);
// otherwise they are left out.
//
// Every problem is a [Problems] naming the file (FILE:LINE:COLUMN inside
// CSV files). ReadPrevious never panics.
func ReadPrevious(dir string, opt ReadOptions) (*Previous, error) {
	return readPrevious(packDir{fsys: os.DirFS(dir), dir: dir, disk: true}, opt)
}

// SamplePrevious returns the previous quarter of the embedded sample
// (data/sample/previous), read and checked as [ReadPrevious] does, its
// files named "sample/previous/NAME".
func SamplePrevious(opt ReadOptions) (*Previous, error) {
	sub, err := fs.Sub(sampleFiles, "sample/previous")
	if err != nil {
		return nil, err
	}
	return readPrevious(packDir{fsys: sub, dir: "sample/previous"}, opt)
}

// SampleActivity returns the embedded sample's activity.csv, named
// "sample/activity.csv".
func SampleActivity() (Source, error) {
	b, err := fs.ReadFile(sampleFiles, "sample/"+FileActivity)
	return Source{Name: "sample/" + FileActivity, Data: b}, err
}

// packDir is the folder of a previous pack.
type packDir struct {
	fsys fs.FS
	dir  string // shown in messages
	disk bool   // a folder on disk: recorded input paths may be followed
}

func (d packDir) name(file string) string {
	if d.disk {
		return filepath.Join(d.dir, file)
	}
	return d.dir + "/" + file
}

func readPrevious(d packDir, opt ReadOptions) (*Previous, error) {
	var ps Problems
	runPath := d.name(FileRunJSON)
	b, err := readFSLimited(d.fsys, FileRunJSON, 0)
	if err != nil {
		msg := "cannot read the file: " + reason(err)
		if errors.Is(err, fs.ErrNotExist) {
			msg = "file not found"
		}
		return nil, Problems{{File: runPath, Msg: msg, Hint: "give the folder that stretchmatch run --out wrote last quarter"}}
	}
	var rj runJSON
	if err := json.Unmarshal(b, &rj); err != nil || rj.Tool != "stretchmatch" {
		return nil, Problems{{File: runPath, Line: 1, Col: 1, Msg: "not a run record of stretchmatch",
			Hint: "give the folder that stretchmatch run --out wrote last quarter, with its run.json untouched"}}
	}
	if len(rj.Outputs) == 0 {
		return nil, Problems{{File: runPath, Line: 1, Col: 1, Msg: "run.json records no output files, so the pack cannot be checked",
			Hint: "run last quarter's stretchmatch run again with this version: the same inputs give the same files, and run.json then records them"}}
	}
	prev := &Previous{Sources: []Source{{Name: runPath, Data: b}}}
	_, prev.CommitteePlan = rj.Inputs["plan_file"]
	srcs := map[string]*Source{}
	for _, name := range PrevFiles() {
		path := d.name(name)
		rec, recorded := rj.Outputs[name]
		body, err := readFSLimited(d.fsys, name, 0)
		switch {
		case err != nil && errors.Is(err, fs.ErrNotExist) && !recorded && name != FilePrevPlan && name != FilePrevPairs:
			continue
		case err != nil && errors.Is(err, fs.ErrNotExist):
			ps = append(ps, Problem{File: path, Msg: "file not found", Hint: "put back the " + name + " that stretchmatch run wrote with this run.json"})
			continue
		case err != nil:
			ps = append(ps, Problem{File: path, Msg: "cannot read the file: " + reason(err), Hint: "check that it is a readable file"})
			continue
		case !recorded:
			ps = append(ps, Problem{File: path, Msg: "the file is not recorded in run.json",
				Hint: "remove it, or give the folder as stretchmatch run wrote it"})
			continue
		}
		if sum := hashHex(body); sum != rec.SHA256 {
			ps = append(ps, Problem{File: path, Msg: fmt.Sprintf("the file does not match run.json: its SHA-256 is %s, run.json records %s", short(sum), short(rec.SHA256)),
				Hint: "the file was changed after the run; put back the one stretchmatch run wrote (decisions go into decisions.csv, not into the outputs)"})
			continue
		}
		src := Source{Name: path, Data: body}
		prev.Sources = append(prev.Sources, src)
		srcs[name] = &prev.Sources[len(prev.Sources)-1]
	}
	if len(ps) > 0 {
		return nil, ps
	}
	c := prevCSV{opt: opt}
	prev.Moves = c.plan(*srcs[FilePrevPlan], &prev.Decisions)
	prev.Pairs = c.pairs(*srcs[FilePrevPairs], &prev.Decisions)
	if s := srcs[FileGroups]; s != nil {
		prev.Groups = c.groups(*s)
	}
	if s := srcs[FileGroupSessions]; s != nil {
		prev.Sessions = c.sessions(*s)
	}
	if len(c.ps) > 0 {
		return nil, c.ps
	}
	if err := prev.readInputs(d, rj.Inputs, opt); err != nil {
		return nil, err
	}
	return prev, nil
}

// readInputs finds and reads the previous quarter's people.csv,
// positions.csv and history.csv.
func (prev *Previous) readInputs(d packDir, recorded map[string]runJSONFile, opt ReadOptions) error {
	var in Inputs
	var ps Problems
	for _, f := range []struct {
		name string
		dst  **Source
	}{{FilePeople, &in.People}, {FilePositions, &in.Positions}, {FileHistory, &in.History}} {
		rec, ok := recorded[f.name]
		if !ok {
			continue
		}
		src, p := findRecorded(d, f.name, rec)
		if p != nil {
			ps = append(ps, *p)
		}
		*f.dst = src
	}
	if len(ps) > 0 {
		return ps
	}
	if in.People == nil {
		return nil // without the people, the other two cannot be checked
	}
	ds, _, err := Load(in, opt)
	if err != nil {
		return err
	}
	prev.People, prev.Positions = ds.People, ds.Positions
	for _, s := range []*Source{in.People, in.Positions, in.History} {
		if s != nil {
			prev.Sources = append(prev.Sources, *s)
		}
	}
	prev.History = ds.History
	return nil
}

// findRecorded looks for the input file name that run.json recorded as
// rec: in the pack (which must then match), then, for a pack on disk, at
// rec.Path as is and relative to the pack's parent folder.
func findRecorded(d packDir, name string, rec runJSONFile) (*Source, *Problem) {
	local := d.name(name)
	if b, err := readFSLimited(d.fsys, name, 0); err == nil {
		if hashHex(b) != rec.SHA256 {
			return nil, &Problem{File: local, Msg: fmt.Sprintf("the file does not match run.json: its SHA-256 is %s, run.json records %s for the %s of that run", short(hashHex(b)), short(rec.SHA256), name),
				Hint: "put there a copy of the " + name + " that run read, or remove it"}
		}
		return &Source{Name: local, Data: b}, nil
	}
	if !d.disk || rec.Path == "" || rec.Path == "-" || strings.HasSuffix(rec.Path, "(standard input)") {
		return nil, nil
	}
	cands := []string{rec.Path}
	if !filepath.IsAbs(rec.Path) {
		cands = append(cands, filepath.Join(filepath.Dir(filepath.Clean(d.dir)), rec.Path))
	}
	for _, p := range cands {
		if b, err := ReadFileLimited(p, 0); err == nil && hashHex(b) == rec.SHA256 {
			return &Source{Name: p, Data: b}, nil
		}
	}
	return nil, nil
}

func hashHex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// short shortens a hex digest for a message.
func short(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}

// prevCSV reads the CSV files of a previous pack, gathering their
// problems.
type prevCSV struct {
	opt ReadOptions
	ps  Problems
}

// prevTable is one file of a previous pack opened: its rows and the field
// index of each wanted column (-1 when absent).
type prevTable struct {
	c    *collector
	cr   *csvReader
	cols map[string]int
	w    int
}

// open reads src's header and finds the columns by their canonical names;
// required ones must be there.
func (p *prevCSV) open(src Source, required, optional []string) *prevTable {
	hint := "give the " + filepath.Base(src.Name) + " that stretchmatch run wrote"
	cr, head, c, err := openTable(src, p.opt, hint)
	if err != nil {
		var ps Problems
		if errors.As(err, &ps) {
			p.ps = append(p.ps, ps...)
		} else {
			p.ps = append(p.ps, Problem{File: src.Name, Msg: err.Error()})
		}
		return nil
	}
	t := &prevTable{c: c, cr: cr, cols: map[string]int{}, w: len(head.fields)}
	for _, name := range append(append([]string(nil), required...), optional...) {
		t.cols[name] = -1
	}
	for i, f := range head.fields {
		k := strings.TrimSpace(f)
		if j, ok := t.cols[k]; ok && j < 0 {
			t.cols[k] = i
		}
	}
	for _, name := range required {
		if t.cols[name] < 0 {
			c.add(head.line, len(head.fields)+1, fmt.Sprintf("missing column %q", name), hint)
		}
	}
	if len(c.list) > 0 {
		p.ps = append(p.ps, c.sorted()...)
		return nil
	}
	return t
}

// each calls f for every record of the right width, with a getter of the
// named cells.
func (t *prevTable) each(f func(rec *record, get func(string) string)) {
	for {
		rec, ok := t.cr.next()
		if !ok {
			return
		}
		if len(rec.fields) != t.w && !blankTail(rec.fields, t.w) {
			t.c.add(rec.line, raggedColumn(len(rec.fields), t.w), fmt.Sprintf("row has %d fields but the header has %d", len(rec.fields), t.w),
				"give the file as stretchmatch run wrote it")
			continue
		}
		f(&rec, func(name string) string {
			if i := t.cols[name]; i >= 0 {
				return strings.TrimSpace(rec.fields[i])
			}
			return ""
		})
	}
}

func (p *prevCSV) done(t *prevTable) {
	p.ps = append(p.ps, t.c.sorted()...)
}

// number reads an optional number of a previous pack (point or comma).
func (t *prevTable) number(rec *record, col, s string) model.OptFloat {
	if s == "" {
		return model.OptFloat{}
	}
	f, _, ok := parseNumber(s)
	if !ok {
		i := t.cols[col]
		t.c.add(rec.lineOf(i), i+1, fmt.Sprintf("%s %s is not a number", col, quoteCell(s)), "give the file as stretchmatch run wrote it")
		return model.OptFloat{}
	}
	return model.Float(f)
}

// decisionWord reads the decision column of plan.csv or pairs.csv.
func decisionWord(s string) string {
	switch HeaderKey(s) {
	case "required", "require", "requis", "impose":
		return "required"
	case "forbidden", "forbid", "interdit":
		return "forbidden"
	}
	return ""
}

func (p *prevCSV) plan(src Source, decisions *bool) []model.PrevMove {
	t := p.open(src, []string{"move_id", "person_id", "position_id", "status"}, []string{"challenge", "band", "decision"})
	if t == nil {
		return nil
	}
	*decisions = *decisions || t.cols["decision"] >= 0
	var out []model.PrevMove
	t.each(func(rec *record, get func(string) string) {
		if get("status") != "chosen" {
			return
		}
		out = append(out, model.PrevMove{MoveID: get("move_id"), PersonID: get("person_id"), PositionID: get("position_id"),
			Band: get("band"), Challenge: t.number(rec, "challenge", get("challenge")),
			Decision: decisionWord(get("decision")), Line: rec.line})
	})
	p.done(t)
	return out
}

func (p *prevCSV) pairs(src Source, decisions *bool) []model.PrevPair {
	t := p.open(src, []string{"mentee_id", "mentor_id"}, []string{"mentee_name", "mentor_name", "fit", "tier", "status", "decision"})
	if t == nil {
		return nil
	}
	*decisions = *decisions || t.cols["decision"] >= 0
	var out []model.PrevPair
	t.each(func(rec *record, get func(string) string) {
		pr := model.PrevPair{MenteeID: get("mentee_id"), MenteeName: get("mentee_name"), MentorID: get("mentor_id"),
			MentorName: get("mentor_name"), Fit: t.number(rec, "fit", get("fit")), Status: get("status"),
			Decision: decisionWord(get("decision")), Line: rec.line}
		if tier := t.number(rec, "tier", get("tier")); tier.OK {
			pr.Tier = model.Int(int(tier.V))
		}
		out = append(out, pr)
	})
	p.done(t)
	return out
}

func (p *prevCSV) groups(src Source) []model.PrevGroup {
	t := p.open(src, []string{"group_id", "person_id"}, nil)
	if t == nil {
		return nil
	}
	var out []model.PrevGroup
	at := map[string]int{}
	t.each(func(_ *record, get func(string) string) {
		g, person := get("group_id"), get("person_id")
		if g == "" || person == "" {
			return
		}
		i, ok := at[g]
		if !ok {
			i = len(out)
			at[g] = i
			out = append(out, model.PrevGroup{ID: g})
		}
		out[i].Members = append(out[i].Members, person)
	})
	p.done(t)
	return out
}

func (p *prevCSV) sessions(src Source) []model.PrevSession {
	t := p.open(src, []string{"group_id"}, []string{"date"})
	if t == nil {
		return nil
	}
	var out []model.PrevSession
	t.each(func(rec *record, get func(string) string) {
		s := model.PrevSession{GroupID: get("group_id")}
		if d := get("date"); d != "" {
			v, ok := ParseDay(d)
			if !ok {
				i := t.cols["date"]
				t.c.add(rec.lineOf(i), i+1, fmt.Sprintf("date %s is not a date", quoteCell(d)), "give the file as stretchmatch groups wrote it")
			}
			s.Date = v
		}
		out = append(out, s)
	})
	p.done(t)
	return out
}

// ReadCodevHistory reads codev_history.csv (group_id, person_id, cycle),
// all three required, in file order.
func ReadCodevHistory(src Source, opt ReadOptions) ([]model.CodevMembership, error) {
	p := prevCSV{opt: opt}
	t := p.open(src, []string{"group_id", "person_id", "cycle"}, nil)
	if t == nil {
		return nil, p.ps
	}
	var out []model.CodevMembership
	t.each(func(rec *record, get func(string) string) {
		m := model.CodevMembership{GroupID: get("group_id"), PersonID: get("person_id"), Cycle: get("cycle")}
		for _, col := range []string{"group_id", "person_id", "cycle"} {
			if get(col) == "" {
				i := t.cols[col]
				t.c.add(rec.lineOf(i), i+1, col+" is empty", "fill in the "+col+", or remove the row")
			}
		}
		out = append(out, m)
	})
	p.done(t)
	if len(p.ps) > 0 {
		return nil, p.ps
	}
	return out, nil
}
