// Package credtext holds the words by which the credential check tells a
// credential's kind before any catalog lookup (attendance, company
// programmes, general education, training, licences, equipment bodies,
// OSHA cards), and the plain-text reading of a credential that needs no
// catalog: its parts, the issuer a word introduces, and a year written in
// it. Every list is matched against normalized text (lower case,
// punctuation as spaces) as whole words or phrases.
package credtext

// AttendanceWords mark certificates earned by attendance alone (guide line 142).
var AttendanceWords = Phrases("attendance", "attendee", "attended", "participation", "participant")

// LocalWords mark local or company-specific certificates (guide line 141).
var LocalWords = Phrases(
	"internal", "in house", "inhouse", "company issued", "company program", "company qms", "company specific",
	"plant qualification", "plant specific", "site certification", "site specific", "employer specific",
	"proprietary", "badge", "plant program",
	// Basic job training (guide lines 108-109): a new hire's orientation,
	// the employer's own procedures and policies.
	"new hire", "orientation", "onboarding", "sop", "standard operating procedure", "standard operating procedures",
	"policies and procedures", "company policies", "company procedures",
)

// GeneralEducationWords mark general education courses (FAQ 6).
var GeneralEducationWords = Phrases(
	"english", "algebra", "calculus", "history", "art appreciation", "music", "literature", "social studies",
	"psychology", "sociology", "philosophy", "composition", "humanities", "public speaking", "math",
	"spanish", "french", "german", "ingles", "inglés", "espanol", "español",
)

// CEWords mark certificates and licences of equipment manufacturers,
// industry bodies and government training, which count as Continuing
// Education (FAQ 15): forklift training and licences, hazardous-materials
// training, manufacturer training.
var CEWords = Phrases(
	"forklift", "fork lift", "powered industrial truck", "reach truck", "pallet jack", "order picker", "mewp", "aerial work platform",
	"montacargas", "montacarga", "carretilla elevadora",
	"aerial lift", "scissor lift", "hazwoper", "hazmat", "hazardous materials", "hazardous waste", "dangerous goods",
	"49 cfr", "phmsa", "rcra", "iata", "dot hazmat",
	"crown equipment", "raymond", "hyster", "yale", "jlg", "genie", "caterpillar", "komatsu", "john deere",
	"fanuc", "abb robotics", "kuka", "yaskawa", "motoman", "rockwell", "allen bradley", "siemens", "sitrain",
	"schneider electric", "mitsubishi electric", "omron", "festo", "bosch rexroth", "parker hannifin", "parker",
	"skf", "timken", "haas", "mazak", "okuma", "dmg mori", "lincoln electric", "miller electric", "hypertherm",
	"emerson", "honeywell", "cognex", "keyence", "grainger",
)

// TrainingWords mark training rather than a certification (guide line
// 145, FAQ 10); they are left out when the text is matched to the catalog.
var TrainingWords = Phrases(
	"training", "course", "courses", "class", "classes", "seminar", "workshop", "prep", "preparation",
	"review", "bootcamp", "boot camp", "exam", "learning system", "study", "tutorial", "completion",
	"contact hours", "day",
	// A college course, for credit or not (the guide's Continuing Education rows).
	"credit hours", "credit hour", "credits", "semester hours", "non credit", "noncredit",
)

// NotYetEarnedWords say that what the text names is not yet earned: a
// certification being worked toward counts only once it is earned, as
// training toward it never does (guide line 145, FAQ 10).
var NotYetEarnedWords = Phrases(
	"in progress", "working towards", "working toward", "work towards", "work toward", "candidate", "pending",
	"studying for", "preparing for", "enrolled", "not yet", "expected",
)

// IssuerSuffixWords end or mark the name of an organization.
var IssuerSuffixWords = Phrases(
	"institute", "academy", "council", "association", "society", "inc", "llc", "ltd", "corp", "corporation",
	"company", "college", "university", "school", "center", "centre", "group", "consulting", "consultants",
	"solutions", "services", "foundation", "federation", "alliance", "partners", "industries", "organization",
	"organisation", "agency", "commission", "board", "bureau", "training center",
)

// IssuerLeadWords introduce the issuer in a text ("... from ABC Institute").
var IssuerLeadWords = []string{"from", "by", "through", "via", "issued by", "awarded by"}

// LicenceWords mark a licence, which is neither a course nor a listed
// certification.
var LicenceWords = Phrases("license", "licence", "licensed", "licenced", "cdl", "commercial driver", "drivers license", "driver license", "permit")

// LicenceClassWords are the class of a licence ("Class A"), which is no class taken.
var LicenceClassWords = Phrases("class a", "class b", "class c", "class d", "class m", "class 1", "class 2", "class 3", "class 4", "class 5")

// MethodologyWords name methods taught and certified by many bodies; the
// guide counts employer or third-party training in them as Continuing
// Education (guide, Employer training: "Six Sigma, Lean, etc.").
var MethodologyWords = Phrases("six sigma", "lean", "kaizen", "5s", "lean six sigma")

// SixSigmaWords name Six Sigma, whose belts many bodies certify (ASQ,
// IASSC, the Council for Six Sigma Certification and more): a belt's
// issuer the catalog does not know is another body than SME, even written
// as an abbreviation.
var SixSigmaWords = Phrases("six sigma")

// FullCPTWords name the full Certified Production Technician
// certification, as against one of its modules' certificates.
var FullCPTWords = Phrases("certified production technician", "cpt")

// CPTModuleWords name the modules of CPT, whose certificates are listed
// entries of their own.
var CPTModuleWords = Phrases("safety", "quality", "processes", "process", "maintenance", "green", "module")

// NonCreditWords say a course earned no college credit: the guide's
// non-credit course row.
var NonCreditWords = Phrases("non credit", "noncredit", "not for credit")

// MilitaryWords say training was military: the guide's military training
// row, proved by a Joint Services Transcript or a VMET.
var MilitaryWords = Phrases(
	"military", "army", "navy", "air force", "marine corps", "marines", "usmc", "coast guard", "national guard",
	"jst", "joint services transcript", "vmet",
)
