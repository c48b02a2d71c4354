package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// RunRecord says what a run used and produced: the tool version, the
// configuration in force, every input file with its SHA-256, and counts.
// It holds no time, so the same inputs give the same record.
type RunRecord struct {
	Version string
	Config  *model.Config
	Inputs  []InputFile // in the order of the input files, the config last
	Counts  []Count     // see RunCounts
	// Outputs are the CSV files the run wrote, with their SHA-256, so that
	// a later follow-up can check that they were not changed. Path is
	// empty: the files sit next to run.json.
	Outputs []InputFile
	// Plan is the plan the run shows and Prices the committee's decisions
	// with their prices; run.json records them when the run had decisions
	// (Prices not nil).
	Plan   *matcher.Plan
	Prices *matcher.Prices
}

// InputFile is one file a run read.
type InputFile struct {
	Name   string // standard name ("people.csv"), or "config_file" for --config
	Path   string // where it was read from, as given
	Bytes  int
	SHA256 string // lower-case hex
}

// HashInput describes the file name read from path, with content b.
func HashInput(name, path string, b []byte) InputFile {
	sum := sha256.Sum256(b)
	return InputFile{Name: name, Path: path, Bytes: len(b), SHA256: hex.EncodeToString(sum[:])}
}

// Count is one count of a run record, under a stable key.
type Count struct {
	Key string
	N   int
}

// RunCounts counts what a run read and produced, in a fixed order: people,
// positions, moves, mentors, mentees, history, chosen_moves, pairs,
// unmatched, broken_pairs.
func RunCounts(ds *model.Dataset, pl *matcher.Plan, mt *matcher.Matching) []Count {
	chosen, pairs, unmatched, broken := 0, 0, 0, 0
	if pl != nil {
		chosen = pl.ChosenCount()
	}
	if mt != nil {
		pairs, unmatched, broken = len(mt.Pairs), len(mt.Unmatched), len(mt.Broken)
	}
	return []Count{
		{"people", len(ds.People)},
		{"positions", len(ds.Positions)},
		{"moves", len(ds.Moves)},
		{"mentors", len(ds.Mentors)},
		{"mentees", len(ds.Mentees)},
		{"history", len(ds.History)},
		{"chosen_moves", chosen},
		{"pairs", pairs},
		{"unmatched", unmatched},
		{"broken_pairs", broken},
	}
}

// WriteRunJSON writes the run record as run.json: one JSON object with the
// keys tool, version, inputs (an object keyed by file name, each with path,
// bytes and sha256), config (the configuration in force, keyed like the
// YAML configuration file), counts (an object of integers) and, when the
// record lists them, outputs (an object keyed by file name, each with bytes
// and sha256). Keys come
// in a fixed order, so reruns are byte-identical.
func WriteRunJSON(w io.Writer, r *RunRecord) error {
	inputs := jsonObject{}
	for _, f := range r.Inputs {
		inputs = append(inputs, jsonField{f.Name, jsonObject{
			{"path", f.Path}, {"bytes", f.Bytes}, {"sha256", f.SHA256},
		}})
	}
	counts := jsonObject{}
	for _, c := range r.Counts {
		counts = append(counts, jsonField{c.Key, c.N})
	}
	var cfg any = jsonObject{}
	if r.Config != nil {
		cfg = configTree(r.Config)
	}
	doc := jsonObject{
		{"tool", "stretchmatch"},
		{"version", r.Version},
		{"inputs", inputs},
		{"config", cfg},
		{"counts", counts},
	}
	if len(r.Outputs) > 0 {
		outputs := jsonObject{}
		for _, f := range r.Outputs {
			outputs = append(outputs, jsonField{f.Name, jsonObject{{"bytes", f.Bytes}, {"sha256", f.SHA256}}})
		}
		doc = append(doc, jsonField{"outputs", outputs})
	}
	doc = append(doc, decisionFields(r)...)
	var b bytes.Buffer
	if err := doc.write(&b, ""); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// jsonObject is a JSON object whose keys keep their order. Values are
// string, int, bool, jsonNumber or jsonObject.
type jsonObject []jsonField

type jsonField struct {
	Key   string
	Value any
}

// jsonNumber is a number already formatted as JSON.
type jsonNumber string

func (o jsonObject) write(b *bytes.Buffer, indent string) error {
	if len(o) == 0 {
		b.WriteString("{}")
		return nil
	}
	b.WriteString("{\n")
	for i, f := range o {
		k, _ := json.Marshal(f.Key)
		b.WriteString(indent + "  ")
		b.Write(k)
		b.WriteString(": ")
		switch v := f.Value.(type) {
		case jsonObject:
			if err := v.write(b, indent+"  "); err != nil {
				return err
			}
		case string:
			s, _ := json.Marshal(v)
			b.Write(s)
		case int:
			b.WriteString(strconv.Itoa(v))
		case bool:
			b.WriteString(strconv.FormatBool(v))
		case jsonNumber:
			b.WriteString(string(v))
		default:
			return fmt.Errorf("reports: run record: no JSON form for %T", v)
		}
		if i < len(o)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "}")
	return nil
}

// configTree returns the configuration as an ordered object keyed like the
// YAML configuration file: fields in declaration order, the criterion
// weights in catalog order (then any other key, sorted).
func configTree(cfg *model.Config) jsonObject {
	return structTree(reflect.ValueOf(*cfg))
}

func structTree(v reflect.Value) jsonObject {
	var o jsonObject
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		o = append(o, jsonField{name, treeValue(v.Field(i))})
	}
	return o
}

func treeValue(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		return structTree(v)
	case reflect.Map:
		m, ok := v.Interface().(map[string]float64)
		if !ok {
			panic("reports: run record: unexpected map in the configuration")
		}
		var o jsonObject
		seen := make(map[string]bool, len(m))
		for _, cr := range model.Catalog {
			if w, ok := m[cr.ID]; ok {
				o = append(o, jsonField{cr.ID, jsonNumber(strconv.FormatFloat(w, 'f', -1, 64))})
				seen[cr.ID] = true
			}
		}
		var rest []string
		for k := range m {
			if !seen[k] {
				rest = append(rest, k)
			}
		}
		slices.Sort(rest)
		for _, k := range rest {
			o = append(o, jsonField{k, jsonNumber(strconv.FormatFloat(m[k], 'f', -1, 64))})
		}
		return o
	case reflect.Float32, reflect.Float64:
		return jsonNumber(strconv.FormatFloat(v.Float(), 'f', -1, 64))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(v.Int())
	case reflect.Bool:
		return v.Bool()
	case reflect.String:
		return v.String()
	case reflect.Slice: // a list of strings, as one string
		items := make([]string, v.Len())
		for i := range items {
			items[i] = v.Index(i).String()
		}
		return strings.Join(items, "|")
	}
	panic("reports: run record: no form for a configuration value of kind " + v.Kind().String())
}

// flattenConfig lists the leaves of a configuration tree as dotted keys and
// their values, in tree order.
func flattenConfig(o jsonObject, prefix string) [][2]string {
	var out [][2]string
	for _, f := range o {
		key := f.Key
		if prefix != "" {
			key = prefix + "." + f.Key
		}
		switch v := f.Value.(type) {
		case jsonObject:
			out = append(out, flattenConfig(v, key)...)
		case string:
			out = append(out, [2]string{key, v})
		case int:
			out = append(out, [2]string{key, strconv.Itoa(v)})
		case bool:
			out = append(out, [2]string{key, strconv.FormatBool(v)})
		case jsonNumber:
			out = append(out, [2]string{key, string(v)})
		}
	}
	return out
}
