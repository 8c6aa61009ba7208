package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// maxPackageLines is the most lines of non-test, non-generated Go code one
// package may hold: past it a package holds more than one subject.
const maxPackageLines = 3000

// listedPackage is what the layout rules read of `go list -json`.
type listedPackage struct {
	ImportPath string
	Dir        string
	Name       string
	GoFiles    []string
	Imports    []string
}

// modulePackages lists every package of the module.
func modulePackages(t *testing.T) []listedPackage {
	t.Helper()
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("reading go list: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

// generatedHeader is the line that marks a generated Go file.
var generatedHeader = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// countLines counts a file's lines, or -1 for a generated file.
func countLines(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if generatedHeader.MatchString(sc.Text()) {
			return -1
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

const module = "github.com/mssc/recert"

// TestPackageLayout checks the rules of DESIGN.md's "Layout" and "Direction
// of imports": no package over maxPackageLines of hand-written code, a doc
// comment on every package, the domain centre importing none of its subject
// packages nor gorm, gqlgen or net/http, no subject package importing the
// store, and resolvers never importing gorm or the store.
func TestPackageLayout(t *testing.T) {
	const centre = module + "/catalog"
	const store = centre + "/gormstore"
	for _, p := range modulePackages(t) {
		if len(p.GoFiles) == 0 {
			continue
		}
		lines, documented := 0, false
		for _, name := range p.GoFiles {
			path := filepath.Join(p.Dir, name)
			n := countLines(t, path)
			if n < 0 {
				documented = true // generated packages document themselves
				continue
			}
			lines += n
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.PackageClauseOnly|parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			if f.Doc != nil && strings.HasPrefix(f.Doc.Text(), "Package "+p.Name+" ") || p.Name == "main" && f.Doc != nil {
				documented = true
			}
		}
		if lines > maxPackageLines {
			t.Errorf("%s has %d lines of non-test, non-generated code, more than %d: split it by subject", p.ImportPath, lines, maxPackageLines)
		}
		if !documented {
			t.Errorf("%s has no package doc comment (\"Package %s ...\") naming its subject", p.ImportPath, p.Name)
		}
		subject := strings.HasPrefix(p.ImportPath, centre+"/") && p.ImportPath != store && !strings.HasPrefix(p.ImportPath, store+"/")
		for _, imp := range p.Imports {
			switch {
			case p.ImportPath == centre && strings.HasPrefix(imp, centre+"/"):
				t.Errorf("the centre %s imports its subject package %s", centre, imp)
			case p.ImportPath == centre && (strings.HasPrefix(imp, "gorm.io/") || strings.HasPrefix(imp, "github.com/99designs/gqlgen") || imp == "net/http"):
				t.Errorf("the centre %s imports %s", centre, imp)
			case subject && (imp == store || strings.HasPrefix(imp, "gorm.io/")):
				t.Errorf("the subject package %s imports the store %s", p.ImportPath, imp)
			case p.ImportPath == module+"/resolvers" && (imp == store || strings.HasPrefix(imp, "gorm.io/")):
				t.Errorf("resolvers import %s", imp)
			}
		}
		if subject {
			checkSiblingStores(t, p, centre)
		}
	}
}

// storeUse finds a qualified use of a store interface, such as
// candidate.CandidateStore.
var storeUse = regexp.MustCompile(`\b([a-z]+)\.([A-Za-z]*Store)\b`)

// checkSiblingStores fails when subject package p names the store
// interface of a sibling subject: each subject declares the narrow
// interface it needs of a store.
func checkSiblingStores(t *testing.T, p listedPackage, centre string) {
	t.Helper()
	siblings := map[string]bool{}
	for _, imp := range p.Imports {
		if strings.HasPrefix(imp, centre+"/") {
			siblings[imp[strings.LastIndex(imp, "/")+1:]] = true
		}
	}
	for _, name := range p.GoFiles {
		src, err := os.ReadFile(filepath.Join(p.Dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range storeUse.FindAllStringSubmatch(string(src), -1) {
			if siblings[m[1]] {
				t.Errorf("%s/%s uses its sibling's store %s.%s: declare the narrow interface it needs", p.ImportPath, name, m[1], m[2])
			}
		}
	}
}
