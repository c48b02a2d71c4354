package data

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/stretchmatch/stretchmatch/model"
)

// NameReplacer returns a replacer that writes, in a message, show(id, name)
// in place of the name of each person of people, so that no message names
// a person when names are redacted. Longer names are replaced first (a
// name inside a longer one is not cut); names shorter than 3 characters
// are left alone, as they would hit ordinary words. A name shared by two
// people takes the form of the first. It returns nil when no name is long
// enough.
func NameReplacer(people []model.Person, show func(id, name string) string) *strings.Replacer {
	type pair struct{ name, shown string }
	seen := make(map[string]bool, len(people))
	var pairs []pair
	for i := range people {
		name := strings.TrimSpace(people[i].Name)
		if utf8.RuneCountInString(name) < 3 || seen[name] {
			continue
		}
		seen[name] = true
		pairs = append(pairs, pair{name, show(people[i].ID, people[i].Name)})
	}
	if len(pairs) == 0 {
		return nil
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		if d := len(b.name) - len(a.name); d != 0 {
			return d
		}
		return strings.Compare(a.name, b.name)
	})
	args := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		args = append(args, p.name, p.shown)
	}
	return strings.NewReplacer(args...)
}

// Redact returns the problems with every name r knows replaced, in the
// message and in the hint; ps itself is left as it is. A nil r returns ps.
func (ps Problems) Redact(r *strings.Replacer) Problems {
	if r == nil {
		return ps
	}
	out := make(Problems, len(ps))
	for i, p := range ps {
		p.Msg, p.Hint = r.Replace(p.Msg), r.Replace(p.Hint)
		out[i] = p
	}
	return out
}

// redactNames, when names are shown by ShowName, replaces every name of
// people.csv in the problems and the notes of the load.
func (l *loader) redactNames(ps Problems) Problems {
	if l.showNameFn == nil {
		return ps
	}
	r := NameReplacer(l.ds.People, l.showNameFn)
	if r == nil {
		return ps
	}
	for i, n := range l.notes {
		l.notes[i] = r.Replace(n)
	}
	return ps.Redact(r)
}
