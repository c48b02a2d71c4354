package main

import (
	"strconv"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1048576", 1 << 20, true}, {"512KiB", 512 << 10, true}, {"256MiB", 256 << 20, true},
		{"2GiB", 2 << 30, true}, {"3 mb", 3 << 20, true}, {"10k", 10 << 10, true}, {"7B", 7, true},
		{"0", 0, false}, {"-1", 0, false}, {"1.5MiB", 0, false}, {"MiB", 0, false}, {"", 0, false},
		{"9999999999999GiB", 0, false},
	} {
		got, ok := parseSize(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseSize(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzParseSize checks that a size read is positive and that the digits
// written back read as the same size.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"1", "256MiB", "2GiB", "10k", "-3", "1e9", " 5 KB "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := parseSize(s)
		if !ok {
			return
		}
		if n < 1 {
			t.Fatalf("parseSize(%q) = %d", s, n)
		}
		if m, ok := parseSize(strconv.FormatInt(n, 10)); !ok || m != n {
			t.Fatalf("parseSize(%q) = %d, but %d reads as %d, %v", s, n, n, m, ok)
		}
	})
}
