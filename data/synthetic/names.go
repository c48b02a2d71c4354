package synthetic

// The word tables of the generated organisation: people's names by origin,
// countries with their languages and cities, functions, divisions with
// their product lines, job titles, tags and notes. Every table is read in
// its written order, so the same seed always picks the same words.

// origin is a family of first and last names.
type origin struct {
	female, male, last []string
}

// Indices of the name origins in origins.
const (
	oFR = iota
	oDE
	oES
	oIT
	oEN
	oNL
	oPL
	oNordic
	oPT
	oTR
	oVI
	oZH
	oJA
	oIN
	oAF
	oAR
	numOrigins
)

var origins = [numOrigins]origin{
	oFR: {
		female: []string{"Zoé", "Hélène", "Léa", "Chloé", "Camille", "Élodie", "Anaïs", "Mathilde", "Ségolène", "Noémie", "Inès", "Manon", "Céline", "Géraldine", "Maëlle", "Françoise", "Amélie", "Clémence", "Sophie", "Juliette", "Pauline", "Aurélie", "Émilie", "Justine", "Margaux", "Océane", "Agnès", "Brigitte", "Sylvie", "Nathalie", "Isabelle", "Véronique", "Cécile", "Laure", "Marion", "Solène", "Antoine", "Nicolas", "Julien", "Guillaume", "Thomas", "Alexandre", "Maxime", "Clément", "Étienne", "Aurélien", "Grégoire", "Frédéric", "Thierry", "Éric", "Philippe", "Laurent", "Olivier", "Cédric", "Yannick", "Rémi"},
		male:   []string{"Jérôme", "François", "Stéphane", "Hervé", "Raphaël", "Noël", "Théo", "Hugo", "Mathéo", "Jean-Baptiste", "Pierre-Yves", "Loïc", "Benoît", "Gaël", "Sébastien", "Camille"},
		last:   []string{"Dubœuf", "Lefèvre", "Martin", "Bernard", "Dupont", "Girard", "Moreau", "Fontaine", "Chevalier", "Lefebvre", "Rousseau", "Bérenger", "Lemaître", "Fauré", "Giraud", "Mercier", "Legrand", "Besançon", "Caron", "Lœillet", "Petit", "Durand", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Gauthier", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Garnier", "Chevallier", "Legendre", "Gérard", "Boyer", "Lacroix", "Aubert", "Rémy", "Brunet", "Blanchard", "Guérin", "Hébert", "Barbier", "Arnaud", "Renaud", "Picard", "Vidal", "Lemoine", "Marchand", "Dumas", "Duval", "Joly", "Ménard", "Prévost", "Lebrun", "Poirier", "Cordier"},
	},
	oDE: {
		female: []string{"Anna", "Lena", "Katharina", "Dörte", "Sabine", "Ursula", "Jana", "Mareike", "Friederike", "Jülide", "Julia", "Sophie", "Laura", "Hannah", "Lisa", "Christiane", "Birgit", "Anja", "Jan", "Tobias", "Florian", "Stefan", "Andreas", "Sebastian", "Dirk", "Jens"},
		male:   []string{"Jürgen", "Björn", "Jörg", "Lukas", "Maximilian", "Uwe", "Matthias", "Günther", "Torsten", "Felix"},
		last:   []string{"Müller", "Schmidt", "Schäfer", "Weiß", "Köhler", "Schröder", "Hoffmann", "Krüger", "Groß", "Wagner", "Becker", "Zimmermann", "Jäger", "Böhm", "Schneider", "Fischer", "Meyer", "Weber", "Schulz", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Hofmann", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Schmitt", "Kühn"},
	},
	oES: {
		female: []string{"Núria", "María", "Sofía", "Lucía", "Ana", "Carmen", "Begoña", "Itziar", "Ximena", "Guadalupe", "Valentina", "Inés", "Elena", "Paula", "Marta", "Alba", "Rocío", "Pilar", "Montserrat", "Andrea", "Pablo", "Alejandro", "Daniel", "Sergio", "Manuel", "Francisco", "Carlos", "Jordi"},
		male:   []string{"José", "Andrés", "Rubén", "Iñaki", "Joaquín", "Sebastián", "Jesús", "Álvaro", "Javier", "Óscar", "Diego", "Ramón"},
		last:   []string{"García", "Núñez", "Fernández", "Hernández", "López", "González", "Rodríguez", "Ramírez", "Martínez", "Sánchez", "Pérez", "Jiménez", "Muñoz", "Ibáñez", "Peña", "Gómez", "Díaz", "Moreno", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Blanco", "Castillo", "Ortega", "Rubio", "Marín", "Sanz"},
	},
	oIT: {
		female: []string{"Chiara", "Giulia", "Francesca", "Alessandra", "Elisa", "Federica", "Martina", "Ilaria"},
		male:   []string{"Matteo", "Luca", "Niccolò", "Lorenzo", "Giuseppe", "Andrea", "Davide", "Nicolò"},
		last:   []string{"Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Conti", "De Luca", "Mancini", "Lombardi"},
	},
	oEN: {
		female: []string{"Sarah", "Emma", "Olivia", "Charlotte", "Emily", "Jessica", "Siobhán", "Aoife", "Grace", "Hannah", "Megan", "Ashley", "Amelia", "Isla", "Sophie", "Lucy", "Chloe", "Rebecca", "Laura", "Rachel", "Harry", "George", "Jack", "Thomas", "Benjamin", "Samuel", "Matthew", "Ryan"},
		male:   []string{"Liam", "James", "Michael", "Ethan", "Noah", "Oliver", "Seán", "Patrick", "William", "Daniel", "Tyler", "Connor"},
		last:   []string{"O'Brien", "O'Connor", "Smith", "Johnson", "Brown", "Williams", "Taylor", "Davies", "Evans", "Miller", "Wilson", "MacDonald", "McKenzie", "Walsh", "Clarke", "Thompson", "Jones", "Robinson", "Wright", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis", "Jackson", "Clark", "Baker", "Turner", "Cooper", "Murphy", "Kelly", "Ryan", "Byrne"},
	},
	oNL: {
		female: []string{"Anouk", "Femke", "Sanne", "Lotte", "Eline", "Fleur"},
		male:   []string{"Daan", "Bram", "Sven", "Joris", "Thijs", "Pieter"},
		last:   []string{"van der Berg", "de Vries", "Janssens", "De Smet", "Van den Bossche", "Peeters", "Bakker", "Visser", "Smit", "van Dijk", "Maes", "Jacobs"},
	},
	oPL: {
		female: []string{"Małgorzata", "Agnieszka", "Katarzyna", "Zofia", "Łucja", "Joanna"},
		male:   []string{"Łukasz", "Paweł", "Grzegorz", "Krzysztof", "Michał", "Tomasz"},
		last:   []string{"Nowak", "Wójcik", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wróbel", "Sikora"},
	},
	oNordic: {
		female: []string{"Ingrid", "Astrid", "Sigríður", "Åsa", "Linnéa", "Freja", "Maja", "Karin"},
		male:   []string{"Björn", "Søren", "Lars", "Anders", "Magnus", "Nils", "Øystein", "Mikael"},
		last:   []string{"Andersson", "Ångström", "Johansson", "Nielsen", "Sørensen", "Håkansson", "Jørgensen", "Lindqvist", "Karlsson", "Berg", "Nyström", "Öberg"},
	},
	oPT: {
		female: []string{"Ana", "Beatriz", "Mariana", "Luísa", "Conceição", "Fernanda", "Gabriela", "Letícia"},
		male:   []string{"João", "Tiago", "Gonçalo", "André", "Thiago", "Rafael", "Luís", "Sérgio"},
		last:   []string{"Da Silva", "Santos", "Gonçalves", "Pereira", "Ferreira", "Costa", "Oliveira", "Rodrigues", "Araújo", "Magalhães", "Simões"},
	},
	oTR: {
		female: []string{"Ayşe", "Elif", "Zeynep", "Gülşen", "Özlem", "Büşra"},
		male:   []string{"Mehmet", "Çağan", "Oğuz", "Emre", "Burak", "Hüseyin"},
		last:   []string{"Çelik", "Yılmaz", "Öztürk", "Demir", "Şahin", "Kaya", "Aydın", "Doğan", "Arslan", "Koç"},
	},
	oVI: {
		female: []string{"Ngọc Anh", "Thị Lan", "Thảo", "Linh", "Hương", "Mai"},
		male:   []string{"Minh", "Đức", "Huy", "Quang", "Tuấn", "Long"},
		last:   []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"},
	},
	oZH: {
		female: []string{"Mei", "Xiaoling", "Yan", "Jing", "Li Na", "Hui"},
		male:   []string{"Wei", "Jun", "Hao", "Lei", "Zhiwei", "Jian"},
		last:   []string{"Wang", "Li", "Zhang", "Chen", "Liu", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun"},
	},
	oJA: {
		female: []string{"Yuki", "Hana", "Aiko", "Sakura", "Yōko", "Haruka"},
		male:   []string{"Hiroshi", "Kenji", "Takeshi", "Kōji", "Daisuke", "Shōta"},
		last:   []string{"Tanaka", "Suzuki", "Satō", "Takahashi", "Watanabe", "Itō", "Yamamoto", "Nakamura", "Kobayashi", "Katō"},
	},
	oIN: {
		female: []string{"Priya", "Ananya", "Aishwarya", "Kavya", "Deepika", "Lakshmi", "Sneha"},
		male:   []string{"Arjun", "Rohan", "Vikram", "Rahul", "Siddharth", "Karthik", "Aditya"},
		last:   []string{"Patel", "Sharma", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Kumar", "Menon", "Rao", "Chatterjee", "Mukherjee"},
	},
	oAF: {
		female: []string{"Ama", "Thandiwe", "Nomvula", "Chiamaka", "Aïssatou", "Fatou", "Adaeze"},
		male:   []string{"Kwame", "Thabo", "Oluwaseun", "Sipho", "Mamadou", "Kofi", "Chinedu"},
		last:   []string{"Mensah", "Okafor", "Dlamini", "N'Diaye", "Diallo", "Traoré", "Nkosi", "Adeyemi", "Mokoena", "Boateng", "Koné", "Ndlovu"},
	},
	oAR: {
		female: []string{"Fatima", "Aïcha", "Amina", "Nour", "Yasmine", "Leïla", "Salma", "Khadija"},
		male:   []string{"Ahmed", "Youssef", "Karim", "Mehdi", "Omar", "Rachid", "Hamza", "Nabil"},
		last:   []string{"Benali", "El Amrani", "Haddad", "Bouzid", "Cherkaoui", "Mansour", "Saïdi", "Benjelloun", "El Idrissi", "Tazi"},
	},
}

// weighted is one entry of a weighted choice: an index and its weight.
type weighted struct{ i, w int }

// country is a country where the organisation has people: its ISO code,
// its weight in the draw, its languages (lower-case tags), its cities (the
// first is the main site) and where its people's names come from.
type country struct {
	code    string
	weight  int
	langs   []string
	cities  []string
	origins []weighted
}

// countryFR is the index of France, the home of the group's headquarters,
// in countries.
const countryFR = 0

var countries = [...]country{
	{"FR", 18, []string{"fr"}, []string{"Paris", "Lyon", "Lille", "Toulouse", "Nantes", "Bordeaux", "Grenoble"},
		[]weighted{{oFR, 70}, {oAR, 10}, {oAF, 6}, {oPT, 5}, {oVI, 3}, {oES, 3}, {oIT, 3}}},
	{"DE", 9, []string{"de"}, []string{"Munich", "Hamburg", "Berlin", "Stuttgart", "Düsseldorf"},
		[]weighted{{oDE, 75}, {oTR, 12}, {oPL, 6}, {oIT, 4}, {oNordic, 3}}},
	{"ES", 5, []string{"es"}, []string{"Madrid", "Barcelona", "Valencia", "Bilbao"},
		[]weighted{{oES, 85}, {oFR, 5}, {oAR, 5}, {oPT, 5}}},
	{"IT", 5, []string{"it"}, []string{"Milan", "Turin", "Rome", "Bologna"},
		[]weighted{{oIT, 90}, {oES, 5}, {oAR, 5}}},
	{"BE", 3, []string{"fr", "nl"}, []string{"Brussels", "Antwerp", "Liège"},
		[]weighted{{oFR, 45}, {oNL, 45}, {oAR, 10}}},
	{"NL", 3, []string{"nl"}, []string{"Amsterdam", "Rotterdam", "Eindhoven"},
		[]weighted{{oNL, 80}, {oTR, 8}, {oAR, 6}, {oDE, 6}}},
	{"GB", 6, []string{"en"}, []string{"London", "Manchester", "Birmingham", "Edinburgh"},
		[]weighted{{oEN, 70}, {oIN, 12}, {oPL, 6}, {oAF, 6}, {oZH, 6}}},
	{"PL", 3, []string{"pl"}, []string{"Warsaw", "Kraków", "Wrocław"},
		[]weighted{{oPL, 95}, {oDE, 5}}},
	{"SE", 2, []string{"sv"}, []string{"Stockholm", "Göteborg"},
		[]weighted{{oNordic, 85}, {oAR, 5}, {oDE, 5}, {oPL, 5}}},
	{"US", 14, []string{"en"}, []string{"Chicago", "Houston", "Atlanta", "Boston", "Detroit"},
		[]weighted{{oEN, 60}, {oES, 18}, {oIN, 8}, {oZH, 6}, {oVI, 4}, {oAF, 4}}},
	{"CA", 3, []string{"en", "fr"}, []string{"Montréal", "Toronto", "Calgary"},
		[]weighted{{oEN, 50}, {oFR, 35}, {oZH, 8}, {oIN, 7}}},
	{"MX", 3, []string{"es"}, []string{"Monterrey", "Mexico City", "Guadalajara"},
		[]weighted{{oES, 95}, {oEN, 5}}},
	{"BR", 5, []string{"pt"}, []string{"São Paulo", "Curitiba", "Rio de Janeiro"},
		[]weighted{{oPT, 85}, {oJA, 5}, {oIT, 5}, {oDE, 5}}},
	{"CN", 7, []string{"zh"}, []string{"Shanghai", "Shenzhen", "Beijing", "Suzhou"},
		[]weighted{{oZH, 100}}},
	{"JP", 3, []string{"ja"}, []string{"Tokyo", "Osaka", "Nagoya"},
		[]weighted{{oJA, 100}}},
	{"IN", 6, []string{"hi", "en"}, []string{"Bangalore", "Pune", "Chennai", "Gurgaon"},
		[]weighted{{oIN, 100}}},
	{"SG", 2, []string{"en", "zh"}, []string{"Singapore"},
		[]weighted{{oZH, 60}, {oIN, 20}, {oEN, 10}, {oVI, 10}}},
	{"AU", 2, []string{"en"}, []string{"Sydney", "Melbourne", "Perth"},
		[]weighted{{oEN, 75}, {oZH, 10}, {oIN, 10}, {oVI, 5}}},
	{"ZA", 2, []string{"en", "af"}, []string{"Johannesburg", "Cape Town", "Durban"},
		[]weighted{{oAF, 50}, {oEN, 40}, {oNL, 10}}},
	{"MA", 2, []string{"ar", "fr"}, []string{"Casablanca", "Tangier"},
		[]weighted{{oAR, 80}, {oFR, 20}}},
}

// extraLanguages are the languages people speak beyond their country's.
var extraLanguages = []string{"en", "fr", "es", "de", "it", "pt", "zh", "ar"}

// function is a job family: its name, whether it is a line (operational)
// role by default, whether its people mostly work away from head offices,
// its weight in operating divisions and in the corporate division, and the
// titles of its individual jobs.
type function struct {
	name          string
	line          bool
	field         bool
	weight, wCorp int
	titles        []string
}

// fnGM is the index of general management in functions: the function of
// the chief executive and the division heads, never drawn for anyone else.
const fnGM = 0

var functions = [...]function{
	{"General Management", true, false, 0, 0, []string{"General Manager"}},
	{"Sales", true, true, 16, 0, []string{"Account Manager", "Key Account Manager", "Sales Representative", "Inside Sales Specialist"}},
	{"Marketing", false, false, 6, 2, []string{"Product Marketing Specialist", "Brand Manager", "Digital Marketing Specialist"}},
	{"Engineering", true, false, 12, 0, []string{"Design Engineer", "Process Engineer", "Project Engineer"}},
	{"Operations", true, true, 16, 0, []string{"Production Supervisor", "Plant Technician", "Operations Analyst", "Shift Supervisor"}},
	{"Supply Chain", true, true, 8, 0, []string{"Demand Planner", "Logistics Coordinator", "Warehouse Supervisor"}},
	{"Customer Service", true, true, 5, 0, []string{"Customer Service Specialist", "Service Coordinator"}},
	{"R&D", false, false, 7, 0, []string{"Research Scientist", "Development Engineer", "Lab Specialist"}},
	{"Quality", false, true, 4, 0, []string{"Quality Engineer", "Quality Auditor"}},
	{"Procurement", false, false, 3, 1, []string{"Buyer", "Category Buyer", "Sourcing Specialist"}},
	{"Finance", false, false, 6, 8, []string{"Financial Controller", "Accountant", "FP&A Analyst", "Treasury Analyst"}},
	{"HR", false, false, 5, 6, []string{"HR Business Partner", "Talent Acquisition Specialist", "Compensation Analyst"}},
	{"Legal", false, false, 2, 4, []string{"Legal Counsel", "Compliance Officer"}},
	{"IT", false, false, 7, 5, []string{"Software Engineer", "Data Analyst", "IT Project Manager", "Systems Administrator"}},
	{"Communications", false, false, 1, 3, []string{"Communications Officer", "Internal Communications Specialist"}},
	{"Strategy", false, false, 1, 2, []string{"Strategy Analyst", "Business Development Manager"}},
}

// division is a division of the group and its product lines.
type division struct {
	name         string
	productLines []string
}

// divisions lists the corporate division first (it holds the group
// functions and has no product line) and then the operating divisions, of
// which an organisation uses a seeded selection.
var divisions = [...]division{
	{"Corporate", nil},
	{"Industrial Solutions", []string{"Pumps", "Valves", "Compressors", "Robotics"}},
	{"Consumer Products", []string{"Home Care", "Beauty", "Appliances"}},
	{"Healthcare", []string{"Medical Imaging", "Diagnostics", "Pharma"}},
	{"Energy", []string{"Solar", "Wind", "Grid Storage", "Smart Meters"}},
	{"Digital Services", []string{"Cloud", "Payments", "Cybersecurity", "Analytics"}},
	{"Mobility", []string{"Rail", "Electric Vehicles", "Tyres"}},
	{"Retail", []string{"Stores", "E-commerce", "Franchise"}},
	{"Advanced Materials", []string{"Coatings", "Adhesives", "Composites"}},
	{"Infrastructure", []string{"Water Treatment", "Elevators", "HVAC"}},
	{"Food & Agriculture", []string{"Dairy", "Beverages", "Seeds"}},
	{"Aerospace", []string{"Avionics", "Aircraft Interiors", "Space Systems"}},
}

// maxDivisions is the number of divisions an organisation can have.
const maxDivisions = len(divisions)

// freeTags are development tags that are neither move flags nor criteria:
// what mentors have lived and mentees want to learn.
var freeTags = []string{
	"negotiation", "turnaround", "change_management", "stakeholder_management", "budgeting",
	"public_speaking", "international_mobility", "crisis_management", "mergers_acquisitions",
	"lean", "digital_transformation", "coaching", "work_life_balance", "executive_presence",
}

// notes are the short notes managers leave on candidate moves.
var notes = []string{
	"Ready now",
	"Ready in 6 to 12 months",
	"Asked for international mobility",
	"Strong performer, needs a broader scope",
	"Prête pour un premier poste de management",
	"Souhaite une mobilité vers le terrain",
	"Succession plan for this role",
	"Back from parental leave, keen to move",
	"Needs support on stakeholder management",
	"Discussed at the last calibration",
	"Mobilité géographique possible en 2026",
	"Would benefit from a mentor outside the division",
}
