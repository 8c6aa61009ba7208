//go:build ignore

// Gendata writes the inputs of the search and checkCredential workloads
// into testdata/, from the seeded catalog and the labelled credential set:
//
//	go run bench/gendata/gendata.go -db postgres://postgres@127.0.0.1:5432/DB?sslmode=disable
//
// run from the module root against a database `recert seed` has loaded.
// The output is committed, so every run of make bench sends the same
// requests; it is rewritten only when the workloads should change.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/mssc/recert/catalog/catalogtest"
)

func main() {
	db := flag.String("db", "", "a PostgreSQL URL of a seeded database")
	flag.Parse()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	rows, err := conn.Query(ctx, "SELECT display_name FROM certifications WHERE status = 'ACTIVE' ORDER BY id")
	if err != nil {
		log.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		log.Fatal(err)
	}
	writeLines("bench/loadgen/testdata/search_terms.txt", searchTerms(names))
	writeCredentials("bench/loadgen/testdata/credentials.json")
}

// searchTerms picks 200 distinct terms: single words, acronyms and
// two-word phrases of real entries, and typos of words (a letter dropped,
// two swapped, one doubled), as people type them.
func searchTerms(names []string) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	word := regexp.MustCompile(`[A-Za-z][A-Za-z-]+`)
	acronym := regexp.MustCompile(`\(([A-Z0-9-]{2,})\)`)
	stop := map[string]bool{"and": true, "the": true, "for": true, "with": true, "of": true, "in": true}
	var words, acronyms, phrases []string
	for _, n := range names {
		for _, m := range acronym.FindAllStringSubmatch(n, -1) {
			acronyms = append(acronyms, m[1])
		}
		ws := word.FindAllString(acronym.ReplaceAllString(n, ""), -1)
		for i, w := range ws {
			if len(w) >= 4 && !stop[strings.ToLower(w)] && w != strings.ToUpper(w) {
				words = append(words, w)
			}
			if i > 0 && len(w) >= 4 && len(ws[i-1]) >= 4 {
				phrases = append(phrases, ws[i-1]+" "+w)
			}
		}
	}
	seen := map[string]bool{}
	var out []string
	take := func(pool []string, n int, f func(string) string) {
		pool = slices.Clone(pool)
		rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		for _, t := range pool {
			if n == 0 {
				return
			}
			if f != nil {
				t = f(t)
			}
			if k := strings.ToLower(t); !seen[k] {
				seen[k] = true
				out = append(out, t)
				n--
			}
		}
	}
	typo := func(w string) string {
		r := []rune(strings.ToLower(w))
		i := 1 + rng.IntN(len(r)-2)
		switch rng.IntN(3) {
		case 0:
			r = append(r[:i], r[i+1:]...)
		case 1:
			r[i], r[i+1] = r[i+1], r[i]
		default:
			r = append(r[:i+1], r[i:]...)
		}
		return string(r)
	}
	take(words, 70, strings.ToLower)
	take(acronyms, 40, nil)
	take(phrases, 40, nil)
	for tries := 0; len(out) < 200 && tries < 10; tries++ {
		take(words, 200-len(out), typo)
	}
	if len(out) != 200 {
		log.Fatalf("%d search terms, want 200", len(out))
	}
	return out
}

// writeCredentials takes 200 cases of the labelled credential set, leaving
// out those whose input is refused, as checkCredential inputs.
func writeCredentials(path string) {
	cases, err := catalogtest.ReadCredentialCases(catalogtest.CredentialChecksFile)
	if err != nil {
		log.Fatal(err)
	}
	seen := map[string]bool{}
	var inputs []map[string]any
	for _, c := range cases {
		in := map[string]any{"text": c.Text}
		if c.Issuer != "" {
			in["issuer"] = c.Issuer
		}
		if c.Earned != "" {
			in["earnedOn"] = c.Earned
		}
		if c.Program != "" {
			in["held"] = map[string]any{"program": c.Program, "certifiedOn": c.CycleStart, "expiresOn": c.CycleEnd}
		}
		key, _ := json.Marshal(in)
		if c.Error != "" || seen[string(key)] || len(inputs) == 200 {
			continue
		}
		seen[string(key)] = true
		inputs = append(inputs, in)
	}
	if len(inputs) != 200 {
		log.Fatalf("%d credential inputs, want 200", len(inputs))
	}
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	for _, in := range inputs {
		line, _ := json.Marshal(in)
		fmt.Fprintln(f, string(line))
	}
}

func writeLines(path string, lines []string) {
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
}
