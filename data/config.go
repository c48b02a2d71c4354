package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stretchmatch/stretchmatch/model"
)

// LoadConfig reads a YAML configuration file. Keys left out keep the values
// of model.Default(); an empty file gives the defaults.
//
// Every problem is a [Problems] naming src.Name: YAML syntax errors (with
// their line), unknown keys and unknown criterion ids under weights (with
// the key's line and column; the YAML decoder runs with KnownFields(true)),
// values of the wrong type, and the first value model.Config.Check rejects
// (with the line of its key when the file sets it). On error the returned
// Config is the zero value. LoadConfig never panics.
func LoadConfig(src Source) (model.Config, error) {
	c := collector{file: src.Name}
	var root yaml.Node
	if err := yaml.Unmarshal(src.Data, &root); err != nil {
		yamlError(&c, &root, err)
		return model.Config{}, Problems(c.sorted())
	}
	cfg := model.Default()
	if len(root.Content) == 0 {
		return cfg, nil // empty file: defaults
	}
	checkKeys(&c, root.Content[0], reflect.TypeOf(cfg), "")
	if len(c.list) > 0 {
		return model.Config{}, Problems(c.sorted())
	}
	dec := yaml.NewDecoder(bytes.NewReader(src.Data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
		yamlError(&c, &root, err)
		return model.Config{}, Problems(c.sorted())
	}
	if err := cfg.Check(); err != nil {
		msg := err.Error()
		line, col := 0, 0
		if n := findKey(root.Content[0], checkKeyPath(msg)); n != nil {
			line, col = n.Line, n.Column
		}
		c.add(line, col, msg, "fix the value, or remove the key to keep the default")
		return model.Config{}, Problems(c.sorted())
	}
	return cfg, nil
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
var yamlCannot = regexp.MustCompile("^cannot unmarshal !!(\\w+) `(.*)` into (.*)$")

// yamlError turns an error of the YAML library into problems.
func yamlError(c *collector, root *yaml.Node, err error) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		line := 0
		if sm := yamlLine.FindStringSubmatch(m); sm != nil {
			line, _ = strconv.Atoi(sm[1])
			m = sm[2]
		}
		m = strings.TrimPrefix(m, "yaml: ")
		col, hint := 0, "check the indentation, the colons and the quotes around this line"
		if sm := yamlCannot.FindStringSubmatch(m); sm != nil {
			if n := findValue(root, line, sm[2]); n != nil {
				col = n.Column
			}
			want := sm[3]
			switch {
			case strings.HasPrefix(want, "float"):
				want = "a number"
			case strings.HasPrefix(want, "int"):
				want = "a whole number"
			case want == "bool":
				want = "true or false"
			case strings.HasPrefix(want, "map"), strings.HasPrefix(want, "model."):
				want = "a group of keys"
			}
			m = fmt.Sprintf("%q is not %s", sm[2], want)
			if want == "a number" || want == "a whole number" {
				m = notNumber(sm[2], want) // says what a percentage or NaN is
			}
			hint = "write " + want + ", or remove the key to keep the default"
		}
		c.add(line, col, m, hint)
	}
}

// findValue returns the first node on line whose value is v.
func findValue(n *yaml.Node, line int, v string) *yaml.Node {
	if n == nil {
		return nil
	}
	if n.Line == line && n.Value == v && n.Kind == yaml.ScalarNode {
		return n
	}
	for _, k := range n.Content {
		if f := findValue(k, line, v); f != nil {
			return f
		}
	}
	return nil
}

// yamlKeys returns the yaml keys of a struct type with the field index of
// each, in field order.
func yamlKeys(t reflect.Type) (names []string, fields []int) {
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" || !t.Field(i).IsExported() {
			continue
		}
		names = append(names, tag)
		fields = append(fields, i)
	}
	return names, fields
}

// checkKeys reports unknown keys of the mapping n decoded into type t, with
// their position; path is the dotted path of n.
func checkKeys(c *collector, n *yaml.Node, t reflect.Type, path string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		return // a wrong type is reported by the decoder
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value == "<<" {
			continue
		}
		full := joinPath(path, k.Value)
		switch t.Kind() {
		case reflect.Struct:
			names, fields := yamlKeys(t)
			j := indexOf(names, k.Value)
			if j < 0 {
				where := ""
				if path != "" {
					where = " in " + path
				}
				c.add(k.Line, k.Column, fmt.Sprintf("unknown key %q%s", k.Value, where),
					"check the spelling; the keys here are "+strings.Join(names, ", "))
				continue
			}
			checkKeys(c, v, t.Field(fields[j]).Type, full)
		case reflect.Map:
			if path == "weights" && model.CriterionIndex(k.Value) < 0 {
				c.add(k.Line, k.Column, fmt.Sprintf("unknown criterion %q in weights", k.Value),
					"use the criterion ids that 'stretchmatch criteria' lists, such as failure_visible")
			}
		}
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// checkKeyPath returns the dotted key that a model.Config.Check message
// starts with ("bands.stretch_base (60) must …" → "bands.stretch_base").
func checkKeyPath(msg string) string {
	if i := strings.IndexAny(msg, ": "); i >= 0 {
		return msg[:i]
	}
	return msg
}

// findKey returns the key node of the dotted path under the mapping n, or
// nil.
func findKey(n *yaml.Node, path string) *yaml.Node {
	var key *yaml.Node
	for _, part := range strings.Split(path, ".") {
		for n != nil && n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == part {
				key, next = n.Content[i], n.Content[i+1]
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	return key
}

// configDocs holds the comment written above each key of the default
// configuration, by dotted path. A test checks that every key has one.
var configDocs = map[string]string{
	"weights":                                   "Weight of each criterion in the challenge score C = 100·Σwx/Σw (0 or more; 0 leaves a criterion out).",
	"proxies":                                   "Values x given to a rated criterion that was not rated, when the data allows a proxy (0–1).",
	"proxies.failure_visible_critical":          "failure_visible when the position is critical.",
	"proxies.take_charge_line_manager":          "take_charge when the target is a line role with a headcount above 0.",
	"proxies.influence_without_authority_staff": "influence_without_authority when the target is a staff role.",
	"proxies.ambiguity_new_role_or_country":     "ambiguity when the position is a new role or the move changes country.",
	"proxies.team_building_new_role_with_team":  "team_building when the position is a new role with a headcount above 0.",
	"bands":                              "Bands of the challenge C (0–100) given the support S (0–1).",
	"bands.comfort_below":                "comfort when C is below this value.",
	"bands.stretch_base":                 "stretch up to stretch_base + stretch_support·S; overstretch above.",
	"bands.stretch_support":              "How much full support (S = 1) raises the overstretch threshold.",
	"bands.default_support":              "S when neither the move's support nor the person's learning orientation is given.",
	"strategic_min":                      "A move is strategic when all four list-B conditions reach this value (0–1).",
	"triggers":                           "Hard triggers that make a move overstretch whatever C is.",
	"triggers.many_changes":              "many_changes fires from this number of big changes.",
	"triggers.grade_jump":                "grade_jump is set when the target grade is at least this much higher.",
	"triggers.first_time_abroad_manager": "Turn the first_time_abroad_manager trigger on (true) or off (false).",
	"match":                              "Mentor matching.",
	"pack":                               "The committee pack.",
	"match.min_fit":                      "Pairs with a fit F below this value (0–100) are not allowed.",
	"match.line_depth":                   "How far up the chain of managers the reporting-line rule looks; 0 = no limit.",
	"match.fit_weights":                  "Weights of the five fit components.",
	"match.fit_weights.experience":       "Shared experience: needs met by the mentor's experience.",
	"match.fit_weights.preference":       "The mentee's ranking of the mentor.",
	"match.fit_weights.seniority":        "Grade difference between mentor and mentee.",
	"match.fit_weights.cross_division":   "Mentor from another division.",
	"match.fit_weights.location":         "Same country or continent.",
	"match.tier2_min_challenge":          "A stretch move with C at least this value gives the mentee priority tier 2.",
	"match.need_min_x":                   "A planned move's criteria with x at least this value count as the mentee's needs.",
	"match.allow_repeat":                 "Allow pairs that already ended in history.csv.",
	"match.default_capacity":             "A mentor's capacity when mentors.csv leaves it empty.",
	"followup":                           "Follow-up of the previous quarter (stretchmatch followup); defaults for a monthly rhythm.",
	"followup.first_meeting_days":        "A pair or group with no meeting this many days after its start is no_first_meeting.",
	"followup.inactive_days":             "A pair or group whose last meeting is more than this many days old is inactive.",
	"followup.session_every_days":        "Planned rhythm: one session per full period of this many days since the start.",
	"followup.quarter_days":              "Without --since, pairs and groups started this many days before the follow-up day.",
	"followup.gas_correlation":           "ρ, the correlation between goals assumed by the Goal Attainment Scaling T-score (0 ≤ ρ < 1).",
	"codev":                              "Codevelopment groups (stretchmatch groups).",
	"codev.min_size":                     "Smallest group (at least 2).",
	"codev.max_size":                     "Largest group.",
	"codev.no_repeat":                    "Two people who shared a group in the latest N cycles of codev_history.csv are kept apart; 0 = no limit.",
	"codev.grade_spread":                 "Largest grade difference between two members that still counts as a similar job.",
	"codev.animator":                     "rotating: the next session's client animates; fixed: one member animates every session but their own.",
	"codev.gender":                       "rule: nobody is the only one of their gender in a group; weight: it lowers the score; off.",
	"codev.weights":                      "Weights of the group score components (0 or more).",
	"codev.weights.function":             "Pairs of members with the same function (half for the same role kind only).",
	"codev.weights.grade":                "Pairs of members whose grades differ by at most grade_spread.",
	"codev.weights.challenge":            "Pairs of members whose planned moves share flags or strong criteria.",
	"codev.weights.variety":              "Pairs of members from different divisions and sites.",
	"codev.weights.gender":               "Nobody alone of their gender (used when gender is weight).",
	"pack.confidential":                  "The mark on every page of the committee pack (empty: none).",
	"pack.equity_columns":                "More columns of people.csv for the equity audit, e.g. [site_type, team]; read for the audit only.",
}

// DefaultConfigYAML returns the commented configuration file that
// `stretchmatch init` writes. It is generated from model.Default(), so its
// values never drift from the built-in ones: LoadConfig of it gives
// model.Default().
func DefaultConfigYAML() []byte {
	var b bytes.Buffer
	b.WriteString("# stretchmatch configuration.\n")
	b.WriteString("# Every key is optional: a key left out keeps the default value shown here.\n")
	b.WriteString("# Unknown keys are an error. Use with --config FILE.\n")
	writeYAML(&b, reflect.ValueOf(model.Default()), "", 0)
	return b.Bytes()
}

func writeYAML(b *bytes.Buffer, v reflect.Value, path string, depth int) {
	indent := strings.Repeat("  ", depth)
	names, fields := yamlKeys(v.Type())
	for i, name := range names {
		f := v.Field(fields[i])
		full := joinPath(path, name)
		if depth == 0 {
			b.WriteByte('\n')
		}
		if doc := configDocs[full]; doc != "" {
			fmt.Fprintf(b, "%s# %s\n", indent, doc)
		}
		switch f.Kind() {
		case reflect.Struct:
			fmt.Fprintf(b, "%s%s:\n", indent, name)
			writeYAML(b, f, full, depth+1)
		case reflect.Map: // weights, by criterion id in catalog order
			fmt.Fprintf(b, "%s%s:\n", indent, name)
			weights := f.Interface().(map[string]float64)
			for _, cr := range model.Catalog {
				w, ok := weights[cr.ID]
				if !ok {
					w = cr.Weight
				}
				fmt.Fprintf(b, "%s  %s: %s # list %s: %s\n", indent, cr.ID, yamlScalar(reflect.ValueOf(w)), cr.List, cr.LabelEN)
			}
		case reflect.Slice: // a list of strings, in flow style
			items := make([]string, f.Len())
			for i := range items {
				items[i] = yamlScalar(f.Index(i))
			}
			fmt.Fprintf(b, "%s%s: [%s]\n", indent, name, strings.Join(items, ", "))
		default:
			fmt.Fprintf(b, "%s%s: %s\n", indent, name, yamlScalar(f))
		}
	}
}

func yamlScalar(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.String:
		return strconv.Quote(v.String())
	}
	panic("data: no YAML form for a config value of kind " + v.Kind().String())
}
