package reports

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// screenshot, when set, makes TestPackHTMLInChromium also save a picture of
// the sample pack there: go test ./reports -run Chromium -screenshot=pack.png
var screenshot = flag.String("screenshot", "", "save a screenshot of the sample committee pack to this PNG file")

// chromiumPath is where the CI installs Chromium (apt-get install chromium).
const chromiumPath = "/usr/bin/chromium"

// runChromium runs headless Chromium on the page with args and returns its
// standard output. The profile lives in a temporary directory and every
// background service that could reach the network is off.
func runChromium(t *testing.T, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	all := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}, args...)
	all = append(all, "file://"+page)
	cmd := exec.CommandContext(ctx, chromiumPath, all...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, lastLines(stderr.String(), 20))
	}
	return out
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestPackHTMLInChromium opens the sample pack in a real browser and counts
// the rows of every table in the DOM the browser built: the page must come
// out whole, with no cell read as markup.
func TestPackHTMLInChromium(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("no Chromium at %s (apt-get install chromium): the page is not checked in a browser", chromiumPath)
	}
	p := samplePack(EN)
	var page bytes.Buffer
	if err := WritePackHTML(&page, p); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "pack.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	dom, err := html.Parse(bytes.NewReader(runChromium(t, file, "--dump-dom")))
	if err != nil {
		t.Fatalf("the dumped DOM does not parse: %v", err)
	}
	tables := map[string]*html.Node{}
	for _, n := range elements(dom, tagged("table")) {
		id, _ := attr(n, "id")
		tables[id] = n
	}
	want := packTables(p)
	if len(tables) != len(want) {
		t.Errorf("the browser shows %d tables, want %d", len(tables), len(want))
	}
	for _, tbl := range want {
		n := tables[tbl.Name]
		if n == nil {
			t.Errorf("table %s is not in the browser's DOM", tbl.Name)
			continue
		}
		rows := 0
		for _, tbody := range elements(n, tagged("tbody")) {
			rows += len(elements(tbody, tagged("tr")))
		}
		if rows != len(tbl.Rows) {
			t.Errorf("table %s: the browser shows %d rows, want %d", tbl.Name, rows, len(tbl.Rows))
		}
		if got, _ := attr(n, "data-rows"); got != strconv.Itoa(len(tbl.Rows)) {
			t.Errorf("table %s: data-rows %q, want %d", tbl.Name, got, len(tbl.Rows))
		}
	}
	// The sample's reasons hold "<b>strategic</b>": it must stay text.
	if n := elements(dom, func(n *html.Node) bool { return n.Data == "b" }); len(n) > 0 {
		t.Errorf("the browser built %d <b> elements out of cell text", len(n))
	}

	if *screenshot != "" {
		path, err := filepath.Abs(*screenshot)
		if err != nil {
			t.Fatal(err)
		}
		runChromium(t, file, "--screenshot="+path, "--window-size=1400,1000", "--hide-scrollbars")
		t.Logf("screenshot of the sample pack: %s", path)
	}
}
