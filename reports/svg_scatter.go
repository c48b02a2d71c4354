package reports

import (
	"math"
	"strings"
)

// Geometry of a scatter plot, in SVG user units.
const (
	scatterWidth  = 640.0
	scatterHeight = 380.0
	scatterLeft   = 56.0
	scatterRight  = 16.0
	scatterTop    = 40.0 // room for the legend
	scatterBottom = 44.0
	// scatterTips is the most points that get their own tooltip: beyond,
	// the page would grow by megabytes for tooltips nobody hovers.
	scatterTips = 1500
)

// regionFills are the fills of a scatter's regions, by Shade: light
// blue, light bluish green, light orange (after the Okabe–Ito palette),
// told apart by their labels too.
var regionFills = []string{"#dbe9f6", "#d8f0e4", "#fbe0c8", "#eeeeee"}

// svgScatter is what the page template reads to draw one [Scatter].
type svgScatter struct {
	ID, Title, Desc         string
	Width, Height           string
	X0, X1, Y0, Y1          string
	XLabel, YLabel          string
	XLabelX, XLabelY        string
	YLabelX, YLabelY        string
	Regions                 []svgRegion
	Ticks                   []svgTick
	Points                  []svgPoint
	Marked                  int
	PointLabel, MarkedLabel string
	LegendX, LegendTextX    string
}

type svgRegion struct {
	Points, Fill, Label, LabelX, LabelY string
}

type svgTick struct {
	X, Y, Anchor, Text string
}

type svgPoint struct {
	X, Y, Top, Tip string
	Marked         bool
}

// newSVGScatter lays s out: regions first, then axes and ticks, then the
// points, the marked ones last so that they stay on top.
func newSVGScatter(s *Scatter, id string) svgScatter {
	x0, x1 := scatterLeft, scatterWidth-scatterRight
	y0, y1 := scatterHeight-scatterBottom, scatterTop
	xmax, ymax := positive(s.XMax), positive(s.YMax)
	px := func(x float64) float64 { return x0 + clamp01(x/xmax)*(x1-x0) }
	py := func(y float64) float64 { return y0 - clamp01(y/ymax)*(y0-y1) }
	sc := svgScatter{
		ID: id, Title: s.Title, Desc: s.Desc,
		Width: coord(scatterWidth), Height: coord(scatterHeight),
		X0: coord(x0), X1: coord(x1), Y0: coord(y0), Y1: coord(y1),
		XLabel: s.XLabel, YLabel: s.YLabel,
		XLabelX: coord((x0 + x1) / 2), XLabelY: coord(scatterHeight - 8),
		YLabelX: coord(14), YLabelY: coord((y0 + y1) / 2),
		PointLabel: s.PointLabel, MarkedLabel: s.MarkedLabel,
		LegendX: coord(x0 + 8), LegendTextX: coord(x0 + 18),
	}
	for _, r := range s.Regions {
		pts := make([]string, len(r.Poly))
		cx := 0.0
		for i, p := range r.Poly {
			pts[i] = coord(px(p[0])) + "," + coord(py(p[1]))
			cx += px(p[0])
		}
		if len(r.Poly) > 0 {
			cx /= float64(len(r.Poly))
		}
		sc.Regions = append(sc.Regions, svgRegion{
			Points: strings.Join(pts, " "), Fill: regionFills[min(max(r.Shade, 0), len(regionFills)-1)],
			Label: r.Label, LabelX: coord(cx), LabelY: coord(y1 + 14),
		})
	}
	for _, t := range s.XTicks {
		sc.Ticks = append(sc.Ticks, svgTick{X: coord(px(t)), Y: coord(y0 + 16), Anchor: "middle", Text: chartValue(t, "")})
	}
	for _, t := range s.YTicks {
		sc.Ticks = append(sc.Ticks, svgTick{X: coord(x0 - 6), Y: coord(py(t) + 4), Anchor: "end", Text: chartValue(t, "")})
	}
	tips := len(s.Points) <= scatterTips
	add := func(p Point) {
		sp := svgPoint{X: coord(px(p.X)), Y: coord(py(p.Y)), Top: coord(py(p.Y) - 5), Marked: p.Marked}
		if tips {
			sp.Tip = p.Label
		}
		sc.Points = append(sc.Points, sp)
	}
	for _, p := range s.Points {
		if !p.Marked {
			add(p)
		}
	}
	for _, p := range s.Points {
		if p.Marked {
			add(p)
			sc.Marked++
		}
	}
	return sc
}

// positive returns v when it is a positive finite number, else 1.
func positive(v float64) float64 {
	if v > 0 && !math.IsInf(v, 0) {
		return v
	}
	return 1
}

// clamp01 returns v within [0, 1]; NaN gives 0.
func clamp01(v float64) float64 {
	if !(v > 0) {
		return 0
	}
	return math.Min(v, 1)
}
