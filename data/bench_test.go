package data

import (
	"bytes"
	"fmt"
	"testing"
)

// syntheticPeople returns a people.csv of n people in a tree of managers,
// with every column filled in.
func syntheticPeople(n int) []byte {
	var b bytes.Buffer
	b.WriteString("id,name,manager_id,division,function,country,site_type,role_kind,product_line,team,grade,headcount,functions_held,languages,gender,learning_orientation\n")
	countries := []string{"FR", "DE", "US", "BR", "JP", "CA"}
	for i := 1; i <= n; i++ {
		mgr := ""
		if i > 1 {
			mgr = fmt.Sprint(i / 8)
			if i < 8 {
				mgr = "1"
			}
		}
		fmt.Fprintf(&b, "%d,Person %d,%s,Div %d,Func %d,%s,%s,%s,PL %d,Team %d,%d,%d,Func %d|Func %d,fr|en,%s,%d.5\n",
			i, i, mgr, i%7, i%11, countries[i%len(countries)], []string{"hq", "field"}[i%2], []string{"line", "staff"}[i%3%2],
			i%5, i/8, 3+i%9, i%40, (i+1)%11, (i+2)%11, []string{"F", "M"}[i%2], 1+i%4)
	}
	return b.Bytes()
}

func benchmarkLoadPeople(b *testing.B, n int) {
	data := syntheticPeople(n)
	in := Inputs{People: &Source{Name: "people.csv", Data: data}}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ds, _, err := Load(in, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.People) != n {
			b.Fatalf("%d people", len(ds.People))
		}
	}
}

// BenchmarkLoadPeople50k loads a 50,000-row people.csv with every column.
func BenchmarkLoadPeople50k(b *testing.B) { benchmarkLoadPeople(b, 50_000) }

// BenchmarkLoadPeople1M loads a 1,000,000-row people.csv.
func BenchmarkLoadPeople1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	benchmarkLoadPeople(b, 1_000_000)
}
