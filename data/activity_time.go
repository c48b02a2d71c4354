package data

import "strings"

// isTimeOfDay reports whether s is a time of day as it may follow a date in
// an activity export: hours and minutes (14:30, 9:05, 14h30), optionally
// seconds and a fraction (14:30:00, 14:30:00.000), optionally a zone after
// an ISO time (Z, +01:00, -0500). Hours are 0–23, minutes and seconds 0–59.
func isTimeOfDay(s string) bool {
	if s == "" {
		return false
	}
	if z := strings.IndexAny(s, "Z+-"); z > 0 {
		if !isZone(s[z:]) {
			return false
		}
		s = s[:z]
	}
	sep := strings.IndexAny(s, ":h")
	if sep < 1 || sep > 2 || !twoDigits(s[:sep], 23) {
		return false
	}
	rest := s[sep+1:]
	if len(rest) < 2 || !twoDigits(rest[:2], 59) {
		return false
	}
	rest = rest[2:]
	if rest == "" {
		return true
	}
	if rest[0] != ':' || len(rest) < 3 || !twoDigits(rest[1:3], 59) {
		return false
	}
	rest = rest[3:]
	if rest == "" {
		return true
	}
	return rest[0] == '.' && len(rest) > 1 && allDigits(rest[1:])
}

// isZone reports whether s is Z or a UTC offset ±hh:mm or ±hhmm.
func isZone(s string) bool {
	if s == "Z" {
		return true
	}
	s = strings.Replace(s[1:], ":", "", 1)
	return len(s) == 4 && twoDigits(s[:2], 23) && twoDigits(s[2:], 59)
}

// twoDigits reports whether s is one or two digits worth at most limit.
func twoDigits(s string, limit int) bool {
	if len(s) == 0 || len(s) > 2 || !allDigits(s) {
		return false
	}
	v := 0
	for _, r := range s {
		v = 10*v + int(r-'0')
	}
	return v <= limit
}
