package reports

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/stretchmatch/stretchmatch/data/synthetic"
	"github.com/stretchmatch/stretchmatch/internal/printcheck"
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// images, when set, makes TestPackPrints save pictures of the sample
// committee pack into that folder: report.png (the page on screen) and
// report-print.png (page 1 as printed). From the repository's root:
//
//	go test ./reports -run 'TestPackPrints/sample' -images=../docs
var images = flag.String("images", "", "save report.png and report-print.png of the sample pack into this folder")

// printLimitsFile is where the page counts the printed packs must keep to
// are written down.
const printLimitsFile = "../docs/printing.md"

// printLimits reads the table of docs/printing.md: for each pack, the pages
// it prints in and the most it may print in.
func printLimits(t *testing.T) map[string][2]int {
	t.Helper()
	f, err := os.Open(printLimitsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][2]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(strings.Trim(strings.TrimSpace(sc.Text()), "|"), "|")
		if len(cells) < 3 {
			continue
		}
		name := strings.Trim(strings.TrimSpace(cells[0]), "`")
		pages, err1 := strconv.Atoi(strings.TrimSpace(cells[1]))
		most, err2 := strconv.Atoi(strings.TrimSpace(cells[2]))
		if err1 == nil && err2 == nil {
			out[name] = [2]int{pages, most}
		}
	}
	return out
}

// cyclePackOf runs the whole cycle on ds and builds the committee pack with
// the default row limit.
func cyclePackOf(t *testing.T, ds *model.Dataset, lang Lang) (*Pack, []matcher.Score, *matcher.Plan) {
	t.Helper()
	cfg := model.Default()
	ix := matcher.NewIndex(ds)
	scores, err := matcher.ScoreAll(&cfg, ds, ix)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := matcher.MakePlan(&cfg, scores, ds.Positions, matcher.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mt, err := matcher.Match(&cfg, ds, ix, pl, matcher.MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := Committee(CommitteeInput{Config: &cfg, Dataset: ds, Scores: scores, Plan: pl, Matching: mt, Lang: lang,
		Run:     RunRecord{Version: "test", Config: &cfg},
		Options: PackOptions{Period: "2026 Q3", Organisation: "Northwind Instruments", RowLimit: DefaultRowLimit}})
	return p, scores, pl
}

// TestPackPrints prints the committee pack of the sample organisation and
// of a generated one of 5,000 people to PDF with headless Chromium, and
// reads the pages back with pdftotext: every page carries the running
// header, every table that starts on a page shows all its column headers
// there (nothing cut at the right edge), and the page count keeps to what
// docs/printing.md promises. In the browser's DOM it then checks the people
// table (one line per person: the plan's moves and the people left
// without one), the scatter plot (one mark per candidate move), and that
// the inline script sorts and filters. The summary must hold on page 1, in
// English and in French. The 5,000-person pack is skipped with -short.
func TestPackPrints(t *testing.T) {
	for _, tool := range []string{chromiumPath, "/usr/bin/pdftotext"} {
		if _, err := os.Stat(tool); err != nil {
			t.Skipf("no %s (apt-get install chromium poppler-utils): the printed pack is not checked", tool)
		}
	}
	limits := printLimits(t)
	t.Run("sample", func(t *testing.T) {
		p, scores, pl := cyclePack5(t, 0, EN)
		checkPrintedPack(t, "sample", p, scores, pl, limits)
	})
	t.Run("sample-fr", func(t *testing.T) {
		p, scores, pl := cyclePack5(t, 0, FR)
		checkPrintedPack(t, "sample-fr", p, scores, pl, limits)
	})
	t.Run("synthetic-5000", func(t *testing.T) {
		if testing.Short() {
			t.Skip("-short: the 5,000-person pack is not printed")
		}
		p, scores, pl := cyclePack5(t, 5000, EN)
		checkPrintedPack(t, "synthetic-5000", p, scores, pl, limits)
	})
}

// cyclePack5 builds the pack of the sample (n = 0) or of a generated
// organisation of n people.
func cyclePack5(t *testing.T, n int, lang Lang) (*Pack, []matcher.Score, *matcher.Plan) {
	if n == 0 {
		_, _, _, _, ds := cyclePack(t, lang)
		return cyclePackOf(t, ds, lang)
	}
	ds, err := synthetic.Generate(synthetic.Options{People: n, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return cyclePackOf(t, ds, lang)
}

func checkPrintedPack(t *testing.T, name string, p *Pack, scores []matcher.Score, pl *matcher.Plan, limits map[string][2]int) {
	dir := t.TempDir()
	var page bytes.Buffer
	if err := WritePackHTML(&page, p); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	runChromium(t, file, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	pages, err := printcheck.Pages(pdf)
	if err != nil {
		t.Fatal(err)
	}

	limit, ok := limits[name]
	switch {
	case !ok:
		t.Errorf("%s has no line for the %s pack", printLimitsFile, name)
	case len(pages) > limit[1]:
		t.Errorf("the %s pack prints in %d pages, more than the %d of %s", name, len(pages), limit[1], printLimitsFile)
	case len(pages) != limit[0]:
		t.Logf("the %s pack prints in %d pages; %s says %d (update it)", name, len(pages), printLimitsFile, limit[0])
	}
	// Every page carries the running header and its number; each section
	// starts a page; each table shows its headers wherever it goes.
	for _, problem := range printcheck.Check(printSections(p), pages, "Page", p.Identity.Confidential, "2026 Q3") {
		t.Error(problem)
	}

	dom := dumpDOM(t, dir, page.Bytes())
	people := elementByID(dom, "people")
	if got, want := bodyRowCount(people), min(pl.ChosenCount()+len(pl.Unplaced()), p.RowLimit); got != want {
		t.Errorf("people table: %d rows in the browser, want %d (chosen moves + people left without one, within %d)", got, want, p.RowLimit)
	}
	scatter := elements(dom, func(n *html.Node) bool { return hasClass(n, "scatter-plot") })
	if len(scatter) != 1 {
		t.Fatalf("%d scatter plots, want 1", len(scatter))
	}
	marks := elements(scatter[0], func(n *html.Node) bool { return hasClass(n, "mark") })
	chosen := elements(scatter[0], func(n *html.Node) bool { return hasClass(n, "chosen") })
	if len(marks) != len(scores) || len(chosen) != pl.ChosenCount() {
		t.Errorf("scatter: %d marks (%d chosen), want one per candidate move, %d (%d chosen)", len(marks), len(chosen), len(scores), pl.ChosenCount())
	}
	checkSorted(t, dom, people)

	if *images != "" && name == "sample" {
		saveImages(t, file, pdf)
	}
}

// printSections describes p's document tables as printcheck sees them:
// the words of each table's column headers and the first word of its
// first shown row, up to where the line may break. The summary, first,
// must hold on page 1.
func printSections(p *Pack) []printcheck.Section {
	secs := make([]printcheck.Section, len(p.Sections))
	for i := range p.Sections {
		secs[i] = printcheck.Section{Title: p.Sections[i].Title, Lead: i == 0}
		for _, tb := range p.Sections[i].tables() {
			if !inDocument(tb) {
				continue
			}
			var heads []string
			for _, c := range tb.Columns {
				heads = append(heads, strings.Fields(c.Label)...)
			}
			first := ""
			if rows := shownRows(tb, p.RowLimit); len(rows) > 0 {
				if f := strings.Fields(tb.Rows[rows[0]][0]); len(f) > 0 {
					first = f[0]
					if i := strings.IndexAny(first, breakAfter); i >= 0 {
						first = first[:i+1]
					}
				}
			}
			secs[i].Tables = append(secs[i].Tables, printcheck.Table{ID: tb.Name, Heads: heads, First: first})
		}
	}
	return secs
}

// sortCheckScript clicks the sort button of the people table's C column
// twice (ascending, then descending), noting the order after the first
// click in data-asc, then types the first person's name in the filter box
// and notes the rows left visible in data-visible.
const sortCheckScript = `(function () {
  var t = document.getElementById("people");
  var ths = t.tHead.rows[0].cells, col = -1;
  for (var i = 0; i < ths.length; i++) { if (ths[i].textContent.trim() === "C") { col = i; } }
  var b = ths[col].querySelector(".sort");
  var read = function () { return Array.prototype.map.call(t.tBodies[0].rows, function (r) { return r.cells[col].textContent.trim(); }).join(" "); };
  b.click();
  document.body.setAttribute("data-asc", read());
  b.click();
  var input = t.parentNode.previousSibling.querySelector("input");
  input.value = t.tBodies[0].rows[0].cells[0].textContent.trim();
  input.dispatchEvent(new Event("input"));
  var visible = 0;
  Array.prototype.forEach.call(t.tBodies[0].rows, function (r) { if (!r.hidden) { visible++; } });
  document.body.setAttribute("data-visible", String(visible));
})();`

// dumpDOM opens the page in Chromium with sortCheckScript added (and
// allowed by the page's policy), and returns the DOM after both scripts ran.
func dumpDOM(t *testing.T, dir string, page []byte) *html.Node {
	t.Helper()
	sum := sha256.Sum256([]byte(sortCheckScript))
	s := strings.Replace(string(page), "script-src ", "script-src &#39;sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"&#39; ", 1)
	s = strings.Replace(s, "</body>", "<script>"+sortCheckScript+"</script>\n</body>", 1)
	file := filepath.Join(dir, "check.html")
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, err := html.Parse(bytes.NewReader(runChromium(t, file, "--dump-dom")))
	if err != nil {
		t.Fatal(err)
	}
	return dom
}

// checkSorted checks what sortCheckScript saw: C ascending after one
// click, descending after two, every row still there, and the filter
// leaving fewer rows visible.
func checkSorted(t *testing.T, dom, people *html.Node) {
	body := elements(dom, tagged("body"))[0]
	asc, _ := attr(body, "data-asc")
	if asc == "" {
		t.Fatal("the sorting script did not run")
	}
	col := -1
	for i, th := range elements(people, tagged("th")) {
		if strings.TrimSpace(text(th)) == "C" {
			col = i
			if s, _ := attr(th, "aria-sort"); s != "descending" {
				t.Errorf("aria-sort %q after two clicks, want descending", s)
			}
		}
	}
	var desc []float64
	for _, tr := range elements(elements(people, tagged("tbody"))[0], tagged("tr")) {
		v, _ := strconv.ParseFloat(strings.TrimSpace(text(elements(tr, tagged("td"))[col])), 64)
		desc = append(desc, v)
	}
	var up []float64
	for _, f := range strings.Fields(asc) {
		v, _ := strconv.ParseFloat(f, 64)
		up = append(up, v)
	}
	if len(up) != len(desc) || len(desc) < 2 {
		t.Fatalf("%d rows after the first click, %d after the second", len(up), len(desc))
	}
	for i := 1; i < len(desc); i++ {
		if up[i] < up[i-1] || desc[i] > desc[i-1] {
			t.Fatalf("row %d: C not in order after sorting (ascending %v, descending %v)", i+1, up[i-1:i+1], desc[i-1:i+1])
		}
	}
	if up[0] == up[len(up)-1] {
		t.Error("every row has the same C: the sort proves nothing")
	}
	vis, _ := attr(body, "data-visible")
	if n, _ := strconv.Atoi(vis); n < 1 || n >= len(desc) {
		t.Errorf("filtering on a name leaves %s of %d rows visible", vis, len(desc))
	}
}

func elementByID(n *html.Node, id string) *html.Node {
	found := elements(n, func(n *html.Node) bool { v, _ := attr(n, "id"); return v == id })
	if len(found) == 0 {
		return &html.Node{Type: html.ElementNode, Data: "table"}
	}
	return found[0]
}

func bodyRowCount(table *html.Node) int {
	rows := 0
	for _, tbody := range elements(table, tagged("tbody")) {
		rows += len(elements(tbody, tagged("tr")))
	}
	return rows
}

// saveImages saves the screenshot and page 1 as printed.
func saveImages(t *testing.T, page, pdf string) {
	dir, err := filepath.Abs(*images)
	if err != nil {
		t.Fatal(err)
	}
	runChromium(t, page, "--screenshot="+filepath.Join(dir, "report.png"), "--window-size=1400,1000", "--hide-scrollbars")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	prefix := filepath.Join(t.TempDir(), "page")
	if out, err := exec.CommandContext(ctx, "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	b, err := os.ReadFile(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "report-print.png"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s and %s", filepath.Join(dir, "report.png"), filepath.Join(dir, "report-print.png"))
}
