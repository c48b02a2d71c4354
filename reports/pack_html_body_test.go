package reports

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
)

// rowTemplate is how the page template rendered table bodies cell by cell:
// the oracle of bodyHTML.
var rowTemplate = template.Must(template.New("rows").Parse(`<tbody>
{{- range .}}
<tr>{{range .}}<td{{with .Class}} class="{{.}}"{{end}}>{{if eq .Class "long"}}<div>{{.Text}}</div>{{else}}{{.Text}}{{end}}</td>{{end}}</tr>
{{- end}}
</tbody>`))

// TestBodyHTMLAgainstTemplate renders random bodies (markup characters,
// NUL, invalid UTF-8, non-characters, accents, every class) both ways.
func TestBodyHTMLAgainstTemplate(t *testing.T) {
	pieces := []string{"a", "Zoë", " ", "<", ">", "&", "'", "\"", "+", "\x00", "\xff", "\xe2\x82", "\ufdd0", "\uffff",
		"=1+2", "&amp;", "<script>", "€", "日本", "\t", "\n"}
	classes := []string{"", "num", "long"}
	rng := rand.New(rand.NewPCG(3, 9))
	for trial := range 500 {
		body := make([][]htmlCell, rng.IntN(5))
		for r := range body {
			body[r] = make([]htmlCell, 1+rng.IntN(4))
			for c := range body[r] {
				var s strings.Builder
				for range rng.IntN(6) {
					s.WriteString(pieces[rng.IntN(len(pieces))])
				}
				body[r][c] = htmlCell{Text: s.String(), Class: classes[rng.IntN(len(classes))]}
			}
		}
		var want strings.Builder
		if err := rowTemplate.Execute(&want, body); err != nil {
			t.Fatal(err)
		}
		if got := "<tbody>" + string(bodyHTML(body)) + "\n</tbody>"; got != want.String() {
			t.Fatalf("trial %d:\n got %q\nwant %q", trial, got, want.String())
		}
	}
}
