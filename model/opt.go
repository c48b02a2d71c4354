package model

import "strconv"

// OptInt is an integer that may be absent. The zero value is "not given".
type OptInt struct {
	V  int
	OK bool
}

// Int returns a present OptInt holding v.
func Int(v int) OptInt { return OptInt{V: v, OK: true} }

// Or returns the value when present, else def.
func (o OptInt) Or(def int) int {
	if o.OK {
		return o.V
	}
	return def
}

// String returns the decimal value, or "" when absent.
func (o OptInt) String() string {
	if !o.OK {
		return ""
	}
	return strconv.Itoa(o.V)
}

// OptFloat is a real number that may be absent. The zero value is "not given".
type OptFloat struct {
	V  float64
	OK bool
}

// Float returns a present OptFloat holding v.
func Float(v float64) OptFloat { return OptFloat{V: v, OK: true} }

// Or returns the value when present, else def.
func (o OptFloat) Or(def float64) float64 {
	if o.OK {
		return o.V
	}
	return def
}

// OptBool is a yes/no answer that may be absent. The zero value is "not given".
type OptBool struct {
	V  bool
	OK bool
}

// Bool returns a present OptBool holding v.
func Bool(v bool) OptBool { return OptBool{V: v, OK: true} }

// Or returns the value when present, else def.
func (o OptBool) Or(def bool) bool {
	if o.OK {
		return o.V
	}
	return def
}
