package model

import "strings"

// continentCountries lists ISO 3166-1 alpha-2 codes by continent. Countries
// spanning two continents are placed where their capital lies (Russia and
// Türkiye in Europe, Egypt in Africa, Kazakhstan in Asia).
var continentCountries = [...]struct{ continent, codes string }{
	{"AF", "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW"},
	{"AN", "AQ BV GS HM TF"},
	{"AS", "AE AF AM AZ BD BH BN BT CC CN CX GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TW UZ VN YE"},
	{"EU", "AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TR UA VA XK"},
	{"NA", "AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV SX TC TT US VC VG VI"},
	{"OC", "AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS"},
	{"SA", "AR BO BR CL CO EC FK GF GY PE PY SR UY VE"},
}

var continentOf = func() map[string]string {
	m := make(map[string]string, 260)
	for _, c := range continentCountries {
		for _, code := range strings.Fields(c.codes) {
			m[code] = c.continent
		}
	}
	return m
}()

// Continent returns the continent code (AF, AN, AS, EU, NA, OC, SA) of an
// ISO 3166-1 alpha-2 country code, case-insensitively, and whether the code
// is known.
func Continent(country string) (string, bool) {
	c, ok := continentOf[strings.ToUpper(strings.TrimSpace(country))]
	return c, ok
}

// KnownCountry reports whether code is an ISO 3166-1 alpha-2 code of the
// built-in table.
func KnownCountry(code string) bool {
	_, ok := Continent(code)
	return ok
}
