package apitest

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

var graphqlBlock = regexp.MustCompile("(?s)```graphql\n(.*?)```")

// TestReadmeExamples runs every GraphQL example of the README as printed,
// and checks what the README says each one returns.
func TestReadmeExamples(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := graphqlBlock.FindAllStringSubmatch(string(raw), -1)
	if len(blocks) < 7 {
		t.Fatalf("found %d GraphQL examples in the README, want at least 7", len(blocks))
	}
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-dev")
		for i, b := range blocks {
			token := ""
			if strings.HasPrefix(strings.TrimSpace(b[1]), "mutation") {
				token = staff
			}
			data := e.okAs(t, token, b[1], nil)
			switch q := b[1]; {
			case strings.Contains(q, "certifications(first: 5)"):
				if num(get(data, "certifications", "totalCount")) != 164 {
					t.Errorf("example %d: totalCount is not 164", i)
				}
			case strings.Contains(q, "Certfied Weldng Inspector"):
				if get(data, "certifications", "nodes", 0, "displayName") != "AWS Certified Welding Inspector (CWI)" {
					t.Errorf("example %d: first hit is %v", i, get(data, "certifications", "nodes", 0))
				}
			case strings.Contains(q, "hazardous materials manager"):
				checkReadmeNeighbours(t, i, get(data, "certifications", "edges").([]any))
			case strings.Contains(q, "recognitionBases: [NCCA]"):
				if num(get(data, "certifications", "totalCount")) != 25 {
					t.Errorf("example %d: NCCA total is not 25", i)
				}
			case strings.Contains(q, "eligibleFor: CPT"):
				nodes := get(data, "certifications", "nodes").([]any)
				if len(nodes) != 3 {
					t.Errorf("example %d: a CPT holder may count 3 MSSC certificates, got %v", i, nodes)
				}
			case strings.Contains(q, "MAINTENANCE_AWARENESS"):
				acts := get(data, "keyActivities").([]any)
				if len(acts) != 4 || len(get(acts[3], "systems").([]any)) != 7 {
					t.Errorf("example %d: want 4 activities, the 4th with 7 systems: %v", i, acts)
				}
			case strings.Contains(q, "employmentCreditBands"):
				if len(get(data, "employmentCreditBands").([]any)) != 6 || len(get(data, "fees").([]any)) != 5 {
					t.Errorf("example %d: want 6 bands and 5 fees", i)
				}
			case strings.Contains(q, "related: false"):
				if len(get(data, "relatedFields").([]any)) != 4 {
					t.Errorf("example %d: want the 4 not-related fields", i)
				}
			case strings.Contains(q, "Certfied Welding Inspector (2023)"):
				if get(data, "checkCredential", "verdict") != "INDUSTRY_CERTIFICATION" || num(get(data, "checkCredential", "points")) != 10 ||
					get(data, "checkCredential", "entry", "displayName") != "AWS Certified Welding Inspector (CWI)" ||
					get(data, "checkCredential", "rules", 1, "code") != "EARNED_IN_CYCLE" {
					t.Errorf("example %d: %v", i, get(data, "checkCredential"))
				}
			case strings.Contains(q, "claim { category activityTypeKey"):
				claim := get(data, "checkCredential", "claim")
				if get(data, "checkCredential", "verdict") != "INDUSTRY_CERTIFICATION" || get(claim, "category") != "INDUSTRY_CERTIFICATION" ||
					get(claim, "activityTypeKey") != "ic-certification" || get(claim, "title") != "AWS Certified Welding Inspector (CWI)" ||
					get(claim, "completedOn") != "2023-04-14" || get(claim, "certificationId") == nil || get(claim, "catalogReviewId") != nil {
					t.Errorf("example %d: %v", i, get(data, "checkCredential"))
				}
			case strings.Contains(q, "forklift operator license"):
				if get(data, "checkCredential", "verdict") != "CONTINUING_EDUCATION" || num(get(data, "checkCredential", "points")) != 10 ||
					get(data, "checkCredential", "rules", 0, "code") != "EQUIPMENT_OR_INDUSTRY_BODY_CE" {
					t.Errorf("example %d: %v", i, get(data, "checkCredential"))
				}
			case strings.Contains(q, "OSHA 30-Hour Construction card"):
				if get(data, "checkCredential", "verdict") != "DOES_NOT_COUNT" || get(data, "checkCredential", "rules", 0, "code") != "OSHA_CONSTRUCTION_CARD" {
					t.Errorf("example %d: %v", i, get(data, "checkCredential"))
				}
			case strings.Contains(q, "certification(key:"):
				if get(data, "certification", "displayName") != "AWS Certified Welding Inspector (CWI)" || get(data, "certification", "organization", "key") != "aws" {
					t.Errorf("example %d: %v", i, data)
				}
			case strings.Contains(q, "previewCatalogChanges"):
				preview := get(data, "previewCatalogChanges", "preview")
				if len(get(preview, "problems").([]any)) != 0 || get(preview, "changes", 0, "fields", 0, "after") != "Certifies energy managers." {
					t.Errorf("example %d: %v", i, preview)
				}
			case strings.Contains(q, "registerCandidate"):
				if get(data, "registerCandidate", "candidate", "createdBy") != "staff-dev" {
					t.Errorf("example %d: registration = %v", i, get(data, "registerCandidate"))
				}
			default:
				t.Errorf("example %d has no check in this test; add one", i)
			}
		}
	})
}

// checkReadmeNeighbours checks the README's example of highlights and near
// neighbours: CHMM first with its name's three spans, then CHMP as a near
// neighbour without highlights.
func checkReadmeNeighbours(t *testing.T, i int, edges []any) {
	t.Helper()
	if len(edges) < 2 {
		t.Fatalf("example %d: want CHMM and a neighbour, got %v", i, edges)
	}
	first, second := edges[0], edges[1]
	if name, _ := get(first, "node", "displayName").(string); !strings.Contains(name, "(CHMM)") || get(first, "nearNeighbour") != false {
		t.Errorf("example %d: first edge is %v, want CHMM, not a neighbour", i, first)
	}
	var spans []string
	for _, h := range get(first, "highlights").([]any) {
		if get(h, "source") == "NAME" {
			spans = append(spans, fmt.Sprintf("%v+%v", get(h, "start"), get(h, "length")))
		}
	}
	if strings.Join(spans, " ") != "10+9 20+9 30+7" {
		t.Errorf("example %d: name highlights %v, want 10+9 20+9 30+7", i, spans)
	}
	if name, _ := get(second, "node", "displayName").(string); !strings.Contains(name, "(CHMP)") || get(second, "nearNeighbour") != true ||
		len(get(second, "highlights").([]any)) != 0 {
		t.Errorf("example %d: second edge is %v, want CHMP as a near neighbour without highlights", i, second)
	}
}
