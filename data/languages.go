package data

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// languageNames gives, for each ISO 639-1 code, the names of the language
// in English, French, German, Spanish, Italian, Portuguese and Dutch (and
// its own name where it is written in Latin letters), folded: lower case,
// accents removed. Three-letter codes (ISO 639-2, both the bibliographic
// and the terminology forms) are accepted for the most common languages.
var languageNames = []struct {
	code  string
	names []string
}{
	{"ar", []string{"ara", "arabic", "arabe", "arabisch", "arabo", "arabe", "arabisch", "arabiya"}},
	{"bg", []string{"bul", "bulgarian", "bulgare", "bulgarisch", "bulgaro", "bulgaars"}},
	{"bn", []string{"ben", "bengali", "bengalisch", "bengalese", "bengaals", "bangla"}},
	{"ca", []string{"cat", "catalan", "katalanisch", "catalana", "catalano", "catalao", "catalaans", "catala"}},
	{"cs", []string{"ces", "cze", "czech", "tcheque", "tschechisch", "checo", "ceco", "checo", "tsjechisch", "cestina"}},
	{"cy", []string{"cym", "wel", "welsh", "gallois", "walisisch", "gales", "galles", "gales", "welsh", "cymraeg"}},
	{"da", []string{"dan", "danish", "danois", "danisch", "danes", "danese", "dinamarques", "deens", "dansk"}},
	{"de", []string{"deu", "ger", "german", "allemand", "deutsch", "aleman", "tedesco", "alemao", "duits"}},
	{"el", []string{"ell", "gre", "greek", "grec", "griechisch", "griego", "greco", "grego", "grieks"}},
	{"en", []string{"eng", "english", "anglais", "englisch", "ingles", "inglese", "engels"}},
	{"es", []string{"spa", "spanish", "espagnol", "spanisch", "espanol", "castellano", "castilian", "spagnolo", "espanhol", "spaans"}},
	{"et", []string{"est", "estonian", "estonien", "estnisch", "estonio", "estone", "estoniano", "ests", "eesti"}},
	{"eu", []string{"eus", "baq", "basque", "baskisch", "vasco", "euskera", "basco", "basco", "baskisch", "euskara"}},
	{"fa", []string{"fas", "per", "persian", "farsi", "persan", "persisch", "persa", "persiano", "perzisch"}},
	{"fi", []string{"fin", "finnish", "finnois", "finnisch", "finlandes", "finlandese", "fins", "suomi"}},
	{"fr", []string{"fra", "fre", "french", "francais", "franzosisch", "frances", "francese", "frans"}},
	{"ga", []string{"gle", "irish", "irlandais", "irisch", "irlandes", "irlandese", "iers", "gaeilge"}},
	{"gl", []string{"glg", "galician", "galicien", "galicisch", "gallego", "galiziano", "galego", "galicisch"}},
	{"he", []string{"heb", "hebrew", "hebreu", "hebraisch", "hebreo", "ebraico", "hebraico", "hebreeuws", "ivrit"}},
	{"hi", []string{"hin", "hindi"}},
	{"hr", []string{"hrv", "croatian", "croate", "kroatisch", "croata", "croato", "croata", "kroatisch", "hrvatski"}},
	{"hu", []string{"hun", "hungarian", "hongrois", "ungarisch", "hungaro", "ungherese", "hongaars", "magyar"}},
	{"id", []string{"ind", "indonesian", "indonesien", "indonesisch", "indonesio", "indonesiano", "indonesio", "bahasa indonesia"}},
	{"is", []string{"isl", "ice", "icelandic", "islandais", "islandisch", "islandes", "islandese", "ijslands", "islenska"}},
	{"it", []string{"ita", "italian", "italien", "italienisch", "italiano", "italiaans"}},
	{"ja", []string{"jpn", "japanese", "japonais", "japanisch", "japones", "giapponese", "japans"}},
	{"ko", []string{"kor", "korean", "coreen", "koreanisch", "coreano", "koreaans"}},
	{"lb", []string{"ltz", "luxembourgish", "luxembourgeois", "luxemburgisch", "luxemburgues", "lussemburghese", "luxemburgues", "luxemburgs", "letzebuergesch"}},
	{"lt", []string{"lit", "lithuanian", "lituanien", "litauisch", "lituano", "litouws", "lietuviu"}},
	{"lv", []string{"lav", "latvian", "letton", "lettisch", "leton", "lettone", "letao", "lets", "latviesu"}},
	{"mk", []string{"mkd", "mac", "macedonian", "macedonien", "mazedonisch", "macedonio", "macedone", "macedonio", "macedonisch"}},
	{"ms", []string{"msa", "may", "malay", "malais", "malaiisch", "malayo", "malese", "malaio", "maleis", "bahasa melayu"}},
	{"mt", []string{"mlt", "maltese", "maltais", "maltesisch", "maltes", "maltees", "malti"}},
	{"nl", []string{"nld", "dut", "dutch", "flemish", "neerlandais", "neerlandes", "flamand", "niederlandisch", "hollandisch", "flamisch", "holandes", "olandese", "fiammingo", "nederlands", "vlaams"}},
	{"no", []string{"nb", "nn", "nor", "nob", "nno", "norwegian", "norvegien", "norwegisch", "noruego", "norvegese", "noruegues", "noors", "norsk", "bokmal", "nynorsk"}},
	{"pl", []string{"pol", "polish", "polonais", "polnisch", "polaco", "polacco", "polones", "pools", "polski"}},
	{"pt", []string{"por", "portuguese", "portugais", "portugiesisch", "portugues", "portoghese", "portugees", "brazilian portuguese", "portugues do brasil"}},
	{"ro", []string{"ron", "rum", "romanian", "roumain", "rumanisch", "rumano", "rumeno", "romeno", "roemeens", "romana"}},
	{"ru", []string{"rus", "russian", "russe", "russisch", "ruso", "russo", "russisch", "russkiy"}},
	{"sk", []string{"slk", "slo", "slovak", "slovaque", "slowakisch", "eslovaco", "slovacco", "slowaaks", "slovencina"}},
	{"sl", []string{"slv", "slovenian", "slovene", "slovene", "slowenisch", "esloveno", "sloveno", "sloveens", "slovenscina"}},
	{"sq", []string{"sqi", "alb", "albanian", "albanais", "albanisch", "albanes", "albanese", "albanees", "shqip"}},
	{"sr", []string{"srp", "serbian", "serbe", "serbisch", "serbio", "serbo", "servio", "servisch", "srpski"}},
	{"sv", []string{"swe", "swedish", "suedois", "schwedisch", "sueco", "svedese", "zweeds", "svenska"}},
	{"sw", []string{"swa", "swahili", "kiswahili", "suajili", "suaili"}},
	{"th", []string{"tha", "thai", "thailandais", "thailandisch", "tailandes", "tailandese", "tailandes", "thais"}},
	{"tl", []string{"tgl", "tagalog", "filipino"}},
	{"tr", []string{"tur", "turkish", "turc", "turkisch", "turco", "turco", "turkish", "turks", "turkce"}},
	{"uk", []string{"ukr", "ukrainian", "ukrainien", "ukrainisch", "ucraniano", "ucraino", "oekraiens", "ukrainska"}},
	{"ur", []string{"urd", "urdu", "ourdou"}},
	{"vi", []string{"vie", "vietnamese", "vietnamien", "vietnamesisch", "vietnamita", "vietnamees", "tieng viet"}},
	{"zh", []string{"zho", "chi", "chinese", "mandarin", "chinois", "chinesisch", "chino", "cinese", "chines", "chinees", "mandarijn", "mandarim", "putonghua", "cantonese"}},
}

// isoCodes are all the ISO 639-1 codes; those of languageNames are also
// known by name. nb and nn (Norwegian Bokmål and Nynorsk) are read as no.
const isoCodes = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy " +
	"da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz " +
	"ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo " +
	"lt lu lv mg mh mi mk ml mn mr ms mt my na nd ne ng nl no nr nv ny oc oj om or os pa pi pl ps pt qu " +
	"rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr " +
	"ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"

// languageIndex maps every folded code and name to its ISO 639-1 code.
var languageIndex = func() map[string]string {
	idx := make(map[string]string)
	for _, c := range strings.Fields(isoCodes) {
		idx[c] = c
	}
	for _, l := range languageNames {
		idx[l.code] = l.code
		for _, n := range l.names {
			idx[n] = l.code
		}
	}
	return idx
}()

// foldLanguage lower-cases s, removes its accents, drops a region or
// script ("fr-FR", "pt_BR", "zh-Hant", "English (US)") and squeezes spaces.
func foldLanguage(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '('); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	if isASCII(s) {
		s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
		if i := strings.IndexAny(s, "-_"); i > 0 && i <= 3 {
			s = s[:i]
		}
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s = strings.Join(strings.Fields(b.String()), " ")
	if i := strings.IndexAny(s, "-_"); i > 0 && i <= 3 {
		s = s[:i] // a language tag with a region or script
	}
	return s
}

// NormalizeLanguage returns the ISO 639-1 code of a language given by its
// code (two or three letters, with or without a region: "fr", "FR",
// "fr-CA", "fra") or by its name in English, French, German, Spanish,
// Italian, Portuguese or Dutch, case- and accent-insensitively
// ("Français", "anglais", "Englisch", "alemán"), and true; or s lower-cased
// and false when the language is unknown.
func NormalizeLanguage(s string) (string, bool) {
	if code, ok := languageIndex[strings.TrimSpace(s)]; ok {
		return code, true // the common case: a lower-case code
	}
	if code, ok := languageIndex[foldLanguage(s)]; ok {
		return code, true
	}
	return strings.ToLower(strings.TrimSpace(s)), false
}

// languageSeparators are the separators accepted between languages.
const languageSeparators = "|,;/"

// langCell is a list of languages, each normalised to its ISO 639-1 code;
// unknown values are kept as written (lower-cased) and give a warning.
type langCell struct {
	v       []string
	unknown []string
}

func (c *langCell) UnmarshalCSV(s string) error {
	c.v, c.unknown = nil, nil
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(languageSeparators, r) }) {
		if strings.TrimSpace(item) == "" {
			continue
		}
		code, ok := NormalizeLanguage(item)
		if !ok {
			c.unknown = append(c.unknown, strings.TrimSpace(item))
		}
		if !contains(c.v, code) {
			c.v = append(c.v, code)
		}
	}
	return nil
}
func (c *langCell) problem(rune) (string, string) { return "", "" }
func (c *langCell) empty() bool                   { return len(c.v) == 0 }

// warning says which languages of the cell are unknown.
func (c *langCell) warning() (string, string) {
	if len(c.unknown) == 0 {
		return "", ""
	}
	q := make([]string, len(c.unknown))
	for i, u := range c.unknown {
		q[i] = quoteCell(u)
	}
	what := "is not a language stretchmatch knows"
	if len(q) > 1 {
		what = "are not languages stretchmatch knows"
	}
	return fmt.Sprintf("%s %s; compared as written", strings.Join(q, ", "), what),
		"write an ISO 639-1 code such as fr or en, or the language's name in English, French, German, Spanish, Italian, Portuguese or Dutch"
}

// warner is a cell that can be read but deserves a warning.
type warner interface {
	warning() (msg, hint string)
}

// LanguageCodes returns the ISO 639-1 codes whose languages stretchmatch
// also knows by name, sorted.
func LanguageCodes() []string {
	codes := make([]string, len(languageNames))
	for i, l := range languageNames {
		codes[i] = l.code
	}
	sort.Strings(codes)
	return codes
}

// warningMark sets the warnings apart from the other notes.
const warningMark = ": warning: "

// warningNotes formats warnings as notes: "FILE:LINE:COLUMN: warning: what
// (what to do)".
func warningNotes(ws []Problem) Notes {
	out := make(Notes, len(ws))
	for i, w := range ws {
		p := w
		p.Msg = "warning: " + w.Msg
		out[i] = p.String()
	}
	return out
}

// Warnings returns the notes that are warnings: values that could be read
// but may not mean what was meant, such as an unknown language. Commands
// show them whether or not --verbose is given.
func (n Notes) Warnings() []string {
	var out []string
	for _, s := range n {
		if strings.Contains(s, warningMark) {
			out = append(out, s)
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
