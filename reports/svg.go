package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Geometry of a bar chart, in SVG user units (CSS pixels at scale 1).
const (
	chartWidth    = 520.0
	chartRow      = 24.0 // height of one bar's row
	chartBar      = 16.0 // height of a bar
	chartPad      = 6.0  // space above the first and below the last row
	chartCharW    = 6.6  // width of a character at 12px, for the text columns
	chartMaxLabel = 28   // longer labels are cut, with an ellipsis
	chartGap      = 6.0  // between a label and the axis, a bar and its value
)

// svgChart is what the page template reads to draw one [Chart]. Every
// coordinate is formatted with one decimal, so the drawing depends only on
// the chart.
type svgChart struct {
	ID, Title, Desc string
	Width, Height   string
	AxisX           string
	Bars            []svgBar
	Empty           string // shown instead of bars when there is no value
	Flagged         bool   // some bar is flagged: the hatch pattern is defined
	Ref             *svgRef
}

type svgBar struct {
	Label, Tip, Value string
	LabelX, ValueX    string
	X, Y, W, H, TextY string
	CapW              string // width of the capacity outline, "" for none
	Flag              bool
}

// svgRef is the reference line of a bar chart.
type svgRef struct {
	X, Bottom, TextY, Label string
}

// newSVGChart lays c out as horizontal bars: labels on the left, right-
// aligned against the axis; bars proportional to value/max; each value
// printed after its bar. none is shown when c has no value.
func newSVGChart(c *Chart, id, none string) svgChart {
	checkChart(c)
	if c.Capacity != nil && len(c.Capacity) != len(c.Values) || c.Flagged != nil && len(c.Flagged) != len(c.Values) {
		panic(fmt.Sprintf("reports: chart %q: capacities or flags do not match the values", c.Title))
	}
	values := make([]string, len(c.Values))
	labelRunes, valueRunes := 1, 1
	for i, v := range c.Values {
		values[i] = chartValue(v, c.Unit)
		if c.Capacity != nil {
			values[i] = chartValue(v, "") + " / " + chartValue(c.Capacity[i], c.Unit)
		}
		if c.Flagged != nil && c.Flagged[i] {
			values[i] += " ⚑"
		}
		labelRunes = max(labelRunes, min(utf8.RuneCountInString(c.Labels[i]), chartMaxLabel))
		valueRunes = max(valueRunes, utf8.RuneCountInString(values[i]))
	}
	labelW := math.Max(float64(labelRunes)*chartCharW+2*chartGap, 48)
	valueW := float64(valueRunes)*chartCharW + 2*chartGap
	area := math.Max(chartWidth-labelW-valueW, 60)

	top := c.Max
	if !(top > 0) || math.IsInf(top, 0) {
		top = 0
		for i, v := range c.Values {
			if c.Capacity != nil {
				v = math.Max(v, c.Capacity[i])
			}
			if v > top && !math.IsInf(v, 0) {
				top = v
			}
		}
		if top == 0 {
			top = 1
		}
	}

	height := 2*chartPad + float64(len(c.Values))*chartRow
	bottom := height
	if c.Ref > 0 {
		height += chartRow // room for the reference line's label
	}
	sc := svgChart{
		ID:     id,
		Title:  c.Title,
		Width:  coord(chartWidth),
		AxisX:  coord(labelW),
		Height: coord(height),
	}
	if len(c.Values) == 0 {
		sc.Height = coord(32)
		sc.Empty = none
	}
	desc := make([]string, len(c.Values))
	for i, v := range c.Values {
		share := 0.0
		if v > 0 { // also false for NaN
			share = math.Min(v/top, 1)
		}
		w := area * share
		rowTop := chartPad + float64(i)*chartRow
		tip := c.Labels[i] + ": " + values[i]
		desc[i] = tip
		bar := svgBar{
			Label:  cutLabel(c.Labels[i]),
			Tip:    tip,
			Value:  values[i],
			LabelX: coord(labelW - chartGap),
			ValueX: coord(labelW + w + chartGap),
			X:      coord(labelW),
			Y:      coord(rowTop + (chartRow-chartBar)/2),
			W:      coord(w),
			H:      coord(chartBar),
			TextY:  coord(rowTop + chartRow/2 + 4),
		}
		if c.Capacity != nil {
			capW := area * math.Min(math.Max(c.Capacity[i], 0)/top, 1)
			bar.CapW = coord(capW)
			bar.ValueX = coord(labelW + math.Max(w, capW) + chartGap)
		}
		if c.Flagged != nil && c.Flagged[i] {
			bar.Flag = true
			sc.Flagged = true
		}
		sc.Bars = append(sc.Bars, bar)
	}
	sc.Desc = strings.Join(desc, "; ")
	if c.Ref > 0 && len(c.Values) > 0 {
		x := labelW + area*math.Min(c.Ref/top, 1)
		sc.Ref = &svgRef{X: coord(x), Bottom: coord(bottom), TextY: coord(bottom + chartRow/2 + 4), Label: c.RefLabel}
		if c.RefLabel != "" {
			sc.Desc += "; " + c.RefLabel
		}
	}
	return sc
}

// coord formats a coordinate with one decimal.
func coord(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// chartValue formats a bar's value with at most two decimals, trailing
// zeros dropped, followed by the unit. NaN and infinities give "–".
func chartValue(v float64, unit string) string {
	s := Num(v, 2)
	if s == "" {
		return "–"
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	switch {
	case unit == "":
		return s
	case unit == "%":
		return s + "%"
	default:
		return s + " " + unit
	}
}

// cutLabel shortens a label longer than chartMaxLabel runes, ending it with
// an ellipsis. The whole label stays in the bar's tooltip.
func cutLabel(s string) string {
	if utf8.RuneCountInString(s) <= chartMaxLabel {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:chartMaxLabel-1])) + "…"
}
