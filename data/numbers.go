package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// readNumber reads a decimal number as spreadsheets, pandas and numpy
// write them: an optional sign ('+', '-' or the Unicode minus U+2212),
// digits with '.' or ',' as the decimal mark, spaces (normal, no-break or
// narrow no-break) grouping thousands ("1 250"), and an optional exponent
// ("1e-05", "1.5E+2", "2,5e3"). comma tells whether a decimal comma was
// used. NaN, infinities and numbers too large for a float64 are not
// numbers; [notNumber] says what they are.
func readNumber(s string) (f float64, comma, ok bool) {
	s = ungroup(strings.ReplaceAll(s, "\u2212", "-"))
	if s == "" {
		return 0, false, false
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
		if !validExponent(exp) {
			return 0, false, false
		}
	}
	i := 0
	if mant != "" && (mant[0] == '+' || mant[0] == '-') {
		i++
	}
	digits, sep := 0, -1
	for ; i < len(mant); i++ {
		switch ch := mant[i]; {
		case ch >= '0' && ch <= '9':
			digits++
		case (ch == '.' || ch == ',') && sep < 0:
			sep = i
		default:
			return 0, false, false
		}
	}
	if digits == 0 {
		return 0, false, false
	}
	if sep >= 0 && mant[sep] == ',' {
		comma = true
		mant = mant[:sep] + "." + mant[sep+1:]
	}
	if exp != "" {
		mant += "e" + exp
	}
	f, err := strconv.ParseFloat(mant, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false, false
	}
	return f, comma, true
}

// validExponent reports whether s is an optional sign and 1 to 4 digits.
func validExponent(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return len(s) >= 1 && len(s) <= 4 && allDigits(s)
}

// Words that stand for "not a number" or an infinity in the exports of
// spreadsheets, pandas, numpy and R.
var (
	nanWords = []string{"nan", "-nan", "+nan", "na", "n/a", "#n/a", "<na>", "null", "none", "#num!", "#value!", "nat"}
	infWords = []string{"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "+∞", "-∞", "−inf", "−∞", "#div/0!", "1.#inf", "-1.#inf"}
	// currencies: symbols and ISO codes written before or after amounts.
	currencies = []string{"€", "$", "£", "¥", "₹", "₽", "₩", "₺", "CHF", "EUR", "USD", "GBP", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN"}
)

// notNumber says what s is when it is not a number, for a cell that
// expects want ("a number", "a whole number"), and what to write instead:
// NaN and the like, infinities, percentages, amounts of money, and
// accounting negatives in parentheses each get their own message.
func notNumber(s, want string) string {
	q := quoteCell(s)
	t := strings.ToLower(strings.TrimSpace(s))
	for _, w := range nanWords {
		if t == w {
			return fmt.Sprintf("%s is a missing value (NaN) as pandas, numpy or a spreadsheet write it, not %s: leave the cell empty for no value", q, want)
		}
	}
	for _, w := range infWords {
		if t == w {
			return fmt.Sprintf("%s is an infinity, not %s: write a finite number", q, want)
		}
	}
	if rest, ok := strings.CutSuffix(strings.TrimSpace(s), "%"); ok {
		if f, _, ok := readNumber(strings.TrimSpace(rest)); ok {
			return fmt.Sprintf("%s is a percentage, not %s: write %s without the %% sign, or %s as a fraction, as the column expects",
				q, want, strings.TrimSpace(rest), strconv.FormatFloat(f/100, 'f', -1, 64))
		}
	}
	if amount, ok := stripCurrency(strings.TrimSpace(s)); ok {
		return fmt.Sprintf("%s is an amount of money, not %s: write the number alone, %s", q, want, amount)
	}
	if inner, ok := strings.CutPrefix(strings.TrimSpace(s), "("); ok {
		if inner, ok := strings.CutSuffix(inner, ")"); ok {
			if _, _, ok := readNumber(strings.TrimSpace(inner)); ok {
				return fmt.Sprintf("%s is a negative number in accounting style, not %s: write -%s", q, want, strings.TrimSpace(inner))
			}
		}
	}
	return fmt.Sprintf("%s is not %s", q, want)
}

// stripCurrency returns the number of an amount such as "€12", "12 €",
// "$1,5" or "12.50 EUR", and whether s was one.
func stripCurrency(s string) (string, bool) {
	for _, c := range currencies {
		var rest string
		var ok bool
		if rest, ok = strings.CutPrefix(s, c); !ok {
			rest, ok = strings.CutSuffix(s, c)
		}
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if _, _, isNum := readNumber(rest); isNum {
			return rest, true
		}
	}
	return "", false
}
