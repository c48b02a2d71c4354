package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

func TestDefaultConfigYAMLRoundTrips(t *testing.T) {
	got, err := LoadConfig(Source{Name: "config.yaml", Data: DefaultConfigYAML()})
	if err != nil {
		t.Fatalf("LoadConfig(DefaultConfigYAML()):\n%v", err)
	}
	if diff := cmp.Diff(model.Default(), got); diff != "" {
		t.Errorf("(-default +loaded):\n%s", diff)
	}
}

// TestDefaultConfigYAMLIsDocumented checks that every key of the config
// has its comment, and that every comment belongs to a key, so the
// template follows model.Config when it changes.
func TestDefaultConfigYAMLIsDocumented(t *testing.T) {
	var paths []string
	var walk func(t reflect.Type, path string)
	walk = func(ty reflect.Type, path string) {
		names, fields := yamlKeys(ty)
		for i, name := range names {
			full := joinPath(path, name)
			paths = append(paths, full)
			if f := ty.Field(fields[i]).Type; f.Kind() == reflect.Struct {
				walk(f, full)
			}
		}
	}
	walk(reflect.TypeOf(model.Config{}), "")
	for _, p := range paths {
		if configDocs[p] == "" {
			t.Errorf("config key %s has no comment in configDocs", p)
		}
	}
	if len(configDocs) != len(paths) {
		t.Errorf("configDocs has %d entries for %d keys", len(configDocs), len(paths))
	}
	text := string(DefaultConfigYAML())
	for _, want := range []string{
		"weights:\n  failure_visible: 1 # list A: failure possible and visible\n",
		"  pressure: 0.75 # list A: strong pressure: urgency, complexity\n",
		"bands:\n  # comfort when C is below this value.\n  comfort_below: 25\n",
		"  fit_weights:\n    # Shared experience: needs met by the mentor's experience.\n    experience: 0.35\n",
		"  default_capacity: 2\n",
		"  first_time_abroad_manager: true\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("default config lacks %q:\n%s", want, text)
		}
	}
}

func TestLoadConfig(t *testing.T) {
	partial := model.Default()
	partial.Weights["pressure"] = 2
	partial.Bands.ComfortBelow = 30
	partial.Match.DefaultCapacity = 4

	tests := []struct {
		name string
		yaml string
		want model.Config
		errs []string
	}{{
		name: "empty file keeps every default",
		yaml: "",
		want: model.Default(),
	}, {
		name: "comments only",
		yaml: "# nothing\n",
		want: model.Default(),
	}, {
		name: "partial config keeps the other defaults",
		yaml: "weights:\n  pressure: 2\nbands:\n  comfort_below: 30\nmatch:\n  default_capacity: 4\n",
		want: partial,
	}, {
		name: "unknown key names the key, its line and column",
		yaml: "bands:\n  comfort_below: 30\n  stretch_bse: 70\n",
		errs: []string{`config.yaml:3:3: unknown key "stretch_bse" in bands (check the spelling; the keys here are comfort_below, stretch_base, stretch_support, default_support)`},
	}, {
		name: "unknown top-level keys, all reported",
		yaml: "wieghts: {}\nmatch:\n  min_fit: 10\nextra: 1\n",
		errs: []string{
			`config.yaml:1:1: unknown key "wieghts" (check the spelling; the keys here are weights, proxies, bands, strategic_min, triggers, match, followup, codev, pack)`,
			`config.yaml:4:1: unknown key "extra" (check the spelling; the keys here are weights, proxies, bands, strategic_min, triggers, match, followup, codev, pack)`,
		},
	}, {
		name: "unknown criterion under weights",
		yaml: "weights:\n  presure: 2\n",
		errs: []string{`config.yaml:2:3: unknown criterion "presure" in weights (use the criterion ids that 'stretchmatch criteria' lists, such as failure_visible)`},
	}, {
		name: "wrong type",
		yaml: "match:\n  min_fit: lots\n",
		errs: []string{"config.yaml:2:12: \"lots\" is not a number (write a number, or remove the key to keep the default)"},
	}, {
		name: "syntax error",
		yaml: "bands:\n  comfort_below: 30\n stretch_base: [\n",
		errs: []string{"config.yaml:2:1: did not find expected key (check the indentation, the colons and the quotes around this line)"},
	}, {
		name: "Check errors surface with the key's line",
		yaml: "# tuned\nbands:\n  comfort_below: 70\n  stretch_base: 60\n",
		errs: []string{"config.yaml:4:3: bands.stretch_base (60) must not be below bands.comfort_below (70) (fix the value, or remove the key to keep the default)"},
	}, {
		name: "Check errors on a weight",
		yaml: "weights:\n  pressure: -1\n",
		errs: []string{"config.yaml:2:3: weights.pressure: must be a number from 0 to 1000, got -1 (fix the value, or remove the key to keep the default)"},
	}, {
		name: "Check error on a key the file does not set",
		yaml: "weights:\n" + zeroWeights(),
		errs: []string{"config.yaml:1:1: weights: at least one weight must be above 0 (fix the value, or remove the key to keep the default)"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadConfig(Source{Name: "config.yaml", Data: []byte(tt.yaml)})
			if tt.errs == nil {
				if err != nil {
					t.Fatalf("unexpected error:\n%v", err)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
				return
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error %T is not Problems: %v", err, err)
			}
			if diff := cmp.Diff(strings.Join(tt.errs, "\n"), ps.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if !reflect.DeepEqual(got, model.Config{}) {
				t.Errorf("config not zero on error")
			}
		})
	}
}

func zeroWeights() string {
	var b strings.Builder
	for _, c := range model.Catalog {
		b.WriteString("  " + c.ID + ": 0\n")
	}
	return b.String()
}
