package data

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/stretchmatch/stretchmatch/model"
)

// Typed cells. gocsv fills each field of a row struct through the field's
// UnmarshalCSV method. A typed cell parses its text there but never returns
// an error (gocsv would stop at the first one): it keeps what was wrong, and
// the row reader reports it afterwards with the cell's physical line and
// column, so that every bad cell of a file is reported. An empty cell is
// always "not given", never zero.

// cell is what the row reader needs from every typed cell.
type cell interface {
	// problem returns what is wrong with the cell, if anything, as a
	// message to put after the column name and a hint. delim is the file's
	// delimiter: a decimal comma is only accepted when it is not ','.
	problem(delim rune) (msg, hint string)
	// empty reports whether the cell was empty (or only spaces).
	empty() bool
}

// textCell is free text or an id, trimmed.
type textCell struct{ v string }

func (c *textCell) UnmarshalCSV(s string) error   { c.v = strings.TrimSpace(s); return nil }
func (c *textCell) problem(rune) (string, string) { return "", "" }
func (c *textCell) empty() bool                   { return c.v == "" }

// listCell is a '|'-separated list kept as written (ids, functions).
type listCell struct{ v []string }

func (c *listCell) UnmarshalCSV(s string) error   { c.v = splitList(s, false); return nil }
func (c *listCell) problem(rune) (string, string) { return "", "" }
func (c *listCell) empty() bool                   { return len(c.v) == 0 }

// tagCell is a '|'-separated list of tags, lower-cased.
type tagCell struct{ v []string }

func (c *tagCell) UnmarshalCSV(s string) error   { c.v = splitList(s, true); return nil }
func (c *tagCell) problem(rune) (string, string) { return "", "" }
func (c *tagCell) empty() bool                   { return len(c.v) == 0 }

// splitList splits s on '|', trims every item, drops empty items and
// repeats, and keeps the order. It returns nil when nothing is left.
func splitList(s string, lower bool) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	out := make([]string, 0, strings.Count(s, "|")+1)
	for item := range strings.SplitSeq(s, "|") {
		item = strings.TrimSpace(item)
		if lower {
			item = strings.ToLower(item)
		}
		if item == "" || contains(out, item) {
			continue
		}
		out = append(out, item)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// flagCell is a yes/no answer.
type flagCell struct {
	v   model.OptBool
	raw string
	bad bool
}

func (c *flagCell) UnmarshalCSV(s string) error {
	c.raw = strings.TrimSpace(s)
	switch strings.ToLower(c.raw) {
	case "":
	case "yes", "true", "1", "oui", "vrai", "x":
		c.v = model.Bool(true)
	case "no", "false", "0", "non", "faux":
		c.v = model.Bool(false)
	default:
		c.bad = true
	}
	return nil
}

func (c *flagCell) problem(rune) (string, string) {
	if c.bad {
		return fmt.Sprintf("%s is not a yes/no value", quoteCell(c.raw)),
			"write yes or no; also accepted: true/false, 1/0, oui/non, vrai/faux, x for yes, empty for not given"
	}
	return "", ""
}
func (c *flagCell) empty() bool { return c.raw == "" }

// number is the common part of numeric cells: the text as written, whether
// it used a decimal comma, and what is wrong with it.
type number struct {
	raw   string
	comma bool
	msg   string // what is wrong, without the column name; "" when fine
}

func (n *number) empty() bool { return n.raw == "" }

func (n *number) check(delim rune, hint string) (string, string) {
	if n.msg != "" {
		return n.msg, hint
	}
	if n.comma && delim == ',' {
		return fmt.Sprintf("%s has a decimal comma in a comma-separated file", quoteCell(n.raw)),
			"write " + strings.Replace(n.raw, ",", ".", 1) + " with a decimal point, or save the file with ';' as separator"
	}
	return "", ""
}

// parseNumber reads a number as spreadsheets and numpy write it (see
// readNumber). comma tells whether a decimal comma was used.
func parseNumber(s string) (f float64, comma, ok bool) { return readNumber(s) }

// ungroup removes spaces (normal, no-break or narrow no-break) that group
// the digits of a number by three, as in "1 250" or "12 000,5". Anything
// else is returned unchanged, so "3 5" stays invalid.
func ungroup(s string) string {
	if !strings.ContainsAny(s, " \u00a0\u202f") {
		return s
	}
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' })
	if len(groups) < 2 {
		return s
	}
	for i, g := range groups {
		if i == 0 {
			g = strings.TrimLeft(g, "+-")
			if len(g) < 1 || len(g) > 3 || !allDigits(g) {
				return s
			}
			continue
		}
		d := g
		if i == len(groups)-1 {
			if j := strings.IndexAny(g, ".,"); j >= 0 {
				d = g[:j]
			}
		}
		if len(d) != 3 || !allDigits(d) {
			return s
		}
	}
	return strings.Join(groups, "")
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// parseInt reads a whole number; an integral decimal such as "12.0" (as
// written by tools that store whole numbers as decimals) is accepted.
func (n *number) parseInt(s string) (model.OptInt, bool) {
	n.raw = strings.TrimSpace(s)
	if n.raw == "" {
		return model.OptInt{}, false
	}
	f, comma, ok := parseNumber(n.raw)
	switch {
	case !ok:
		n.msg = notNumber(n.raw, "a whole number")
	case f != math.Trunc(f):
		n.msg = fmt.Sprintf("%s is not a whole number", quoteCell(n.raw))
	case math.Abs(f) > model.MaxWhole:
		n.msg = fmt.Sprintf("%s is too large: at most %d in magnitude", quoteCell(n.raw), model.MaxWhole)
	default:
		n.comma = comma
		return model.Int(int(f)), true
	}
	return model.OptInt{}, false
}

// intCell is a whole number of any sign (grade).
type intCell struct {
	number
	v model.OptInt
}

func (c *intCell) UnmarshalCSV(s string) error { c.v, _ = c.parseInt(s); return nil }
func (c *intCell) problem(d rune) (string, string) {
	return c.check(d, "write a whole number, higher for more senior, or leave the cell empty")
}

// countCell is a whole number ≥ 0 (headcount, capacity).
type countCell struct {
	number
	v model.OptInt
}

func (c *countCell) UnmarshalCSV(s string) error {
	v, ok := c.parseInt(s)
	if ok && v.V < 0 {
		c.msg = fmt.Sprintf("%s is negative", quoteCell(c.raw))
		return nil
	}
	c.v = v
	return nil
}
func (c *countCell) problem(d rune) (string, string) {
	return c.check(d, "write a whole number, 0 or more, or leave the cell empty")
}

// priorityCell is a whole number from 1 to 3.
type priorityCell struct {
	number
	v model.OptInt
}

func (c *priorityCell) UnmarshalCSV(s string) error {
	v, ok := c.parseInt(s)
	if ok && (v.V < 1 || v.V > 3) {
		c.msg = fmt.Sprintf("%s is outside 1–3", quoteCell(c.raw))
		return nil
	}
	c.v = v
	return nil
}
func (c *priorityCell) problem(d rune) (string, string) {
	return c.check(d, "write 1, 2 or 3, 3 being the most urgent, or leave the cell empty for the computed tier")
}

// openingsCell is a whole number ≥ 1; empty means 1.
type openingsCell struct {
	number
	v model.OptInt
}

func (c *openingsCell) UnmarshalCSV(s string) error {
	v, ok := c.parseInt(s)
	if ok && v.V < 1 {
		c.msg = fmt.Sprintf("%s is below 1", quoteCell(c.raw))
		return nil
	}
	c.v = v
	return nil
}
func (c *openingsCell) problem(d rune) (string, string) {
	return c.check(d, "write how many people the position takes, 1 or more, or leave the cell empty for 1")
}

// ratingCell is a number from 1 to 5, decimals allowed.
type ratingCell struct {
	number
	v model.OptFloat
}

func (c *ratingCell) UnmarshalCSV(s string) error {
	c.raw = strings.TrimSpace(s)
	if c.raw == "" {
		return nil
	}
	f, comma, ok := parseNumber(c.raw)
	switch {
	case !ok:
		c.msg = notNumber(c.raw, "a number")
	case f < 1 || f > 5:
		c.msg = fmt.Sprintf("%s is outside 1–5", quoteCell(c.raw))
	default:
		c.comma = comma
		c.v = model.Float(f)
	}
	return nil
}
func (c *ratingCell) problem(d rune) (string, string) {
	return c.check(d, "write a number from 1 = not at all to 5 = extremely, such as 3 or 3.5, or leave the cell empty")
}

// countryCell is an ISO 3166 alpha-2 code, upper-cased.
type countryCell struct {
	v   string
	raw string
}

func (c *countryCell) UnmarshalCSV(s string) error {
	c.raw = strings.TrimSpace(s)
	c.v = strings.ToUpper(c.raw)
	return nil
}
func (c *countryCell) problem(rune) (string, string) {
	if c.v != "" && !model.KnownCountry(c.v) {
		hint := "write the ISO 3166 alpha-2 code, such as FR, DE or US"
		if iso, ok := notISO[c.v]; ok {
			hint = "write the ISO 3166 alpha-2 code " + iso
		}
		return fmt.Sprintf("%s is not a known country code", quoteCell(c.raw)), hint
	}
	return "", ""
}
func (c *countryCell) empty() bool { return c.raw == "" }

// notISO maps country codes that are common but not ISO 3166 alpha-2 to
// the ISO code.
var notISO = map[string]string{"UK": "GB", "EL": "GR"}

// enumCell reads one of a few words, compared after HeaderKey folding
// (so case and accents do not matter).
type enumCell struct {
	v   string
	raw string
	bad bool
}

func (c *enumCell) set(s string, words map[string]string) {
	c.raw = strings.TrimSpace(s)
	if c.raw == "" {
		return
	}
	v, ok := words[HeaderKey(c.raw)]
	c.v, c.bad = v, !ok
}
func (c *enumCell) empty() bool { return c.raw == "" }

var siteWords = map[string]string{
	"hq": "hq", "headquarters": "hq", "siege": "hq", "siegesocial": "hq",
	"field": "field", "terrain": "field",
}

var roleWords = map[string]string{
	"line": "line", "operational": "line", "operationnel": "line",
	"staff": "staff", "functional": "staff", "fonctionnel": "staff",
}

var statusWords = map[string]string{
	"active": string(model.PairActive), "actif": string(model.PairActive), "ongoing": string(model.PairActive), "encours": string(model.PairActive),
	"ended": string(model.PairEnded), "termine": string(model.PairEnded), "closed": string(model.PairEnded), "finished": string(model.PairEnded), "fini": string(model.PairEnded),
}

// siteCell is hq or field.
type siteCell struct{ enumCell }

func (c *siteCell) UnmarshalCSV(s string) error { c.set(s, siteWords); return nil }
func (c *siteCell) problem(rune) (string, string) {
	if c.bad {
		return fmt.Sprintf("%s is neither hq nor field", quoteCell(c.raw)), "write hq for headquarters or field; siège and terrain are accepted too"
	}
	return "", ""
}

// roleCell is line or staff.
type roleCell struct{ enumCell }

func (c *roleCell) UnmarshalCSV(s string) error { c.set(s, roleWords); return nil }
func (c *roleCell) problem(rune) (string, string) {
	if c.bad {
		return fmt.Sprintf("%s is neither line nor staff", quoteCell(c.raw)), "write line for an operational role or staff for a functional one; opérationnel and fonctionnel are accepted too"
	}
	return "", ""
}

// statusCell is active or ended; empty means active.
type statusCell struct{ enumCell }

func (c *statusCell) UnmarshalCSV(s string) error { c.set(s, statusWords); return nil }
func (c *statusCell) problem(rune) (string, string) {
	if c.bad {
		return fmt.Sprintf("%s is neither active nor ended", quoteCell(c.raw)), "write active or ended, or actif or terminé, or leave the cell empty for active"
	}
	return "", ""
}

// dateCell is a date written YYYY-MM-DD or DD/MM/YYYY, kept as YYYY-MM-DD.
type dateCell struct {
	v   string
	raw string
	bad bool
}

func (c *dateCell) UnmarshalCSV(s string) error {
	c.raw = strings.TrimSpace(s)
	if c.raw == "" {
		return nil
	}
	for _, layout := range [...]string{"2006-01-02", "2/1/2006"} {
		if t, err := time.Parse(layout, c.raw); err == nil {
			c.v = t.Format("2006-01-02")
			return nil
		}
	}
	c.bad = true
	return nil
}
func (c *dateCell) problem(rune) (string, string) {
	if c.bad {
		return fmt.Sprintf("%s is not a date", quoteCell(c.raw)), "write the date as YYYY-MM-DD or DD/MM/YYYY, such as 2024-03-31"
	}
	return "", ""
}
func (c *dateCell) empty() bool { return c.raw == "" }
