package reports

import (
	"slices"
	"strconv"

	"github.com/stretchmatch/stretchmatch/model"
)

// DatasetTable counts what a dataset holds: people, divisions, countries,
// positions and openings, moves and ratings, mentors and their capacity,
// mentees and earlier pairs.
func DatasetTable(ds *model.Dataset, lang Lang) *Table {
	t := &Table{
		Name:  "dataset",
		Title: T(lang, "t_dataset"),
		Columns: []Column{
			{Key: "what", Label: T(lang, "what")},
			{Key: "count", Label: T(lang, "count"), Kind: Number},
		},
	}
	var divisions, countries []string
	for i := range ds.People {
		divisions = append(divisions, ds.People[i].Division)
		countries = append(countries, ds.People[i].Country)
	}
	openings, rated, blank, capacity := 0, 0, 0, 0
	for i := range ds.Positions {
		openings += ds.Positions[i].Openings
	}
	for i := range ds.Moves {
		for c := range model.Catalog {
			if model.Catalog[c].Source != model.SourceRated {
				continue
			}
			if ds.Moves[i].Ratings[c].OK {
				rated++
			} else {
				blank++
			}
		}
	}
	for i := range ds.Mentors {
		if ds.Mentors[i].Available {
			capacity += ds.Mentors[i].Capacity
		}
	}
	add := func(key string, n int) { t.Add(T(lang, key), strconv.Itoa(n)) }
	add("people", len(ds.People))
	add("divisions", distinct(divisions))
	add("countries", distinct(countries))
	add("positions", len(ds.Positions))
	add("openings", openings)
	add("moves", len(ds.Moves))
	add("ratings", rated)
	add("ratings_off", blank)
	add("mentors", len(ds.Mentors))
	add("capacity", capacity)
	add("mentees", len(ds.Mentees))
	add("history", len(ds.History))
	return t
}

// distinct counts the distinct non-empty values of vs.
func distinct(vs []string) int {
	vs = slices.DeleteFunc(slices.Clone(vs), func(s string) bool { return s == "" })
	slices.Sort(vs)
	return len(slices.Compact(vs))
}
