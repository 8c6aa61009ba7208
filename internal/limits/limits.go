// Package limits measures a GraphQL operation before it runs: how deep it
// nests, how many aliases and root fields it has, and what it costs. The
// HTTP API refuses an operation over any of its limits and charges the
// cost to the caller's rate-limit budget.
//
// The cost model, in the spirit of GitHub's and Shopify's:
//
//   - a field that returns an object (or a list of objects) costs 1, plus
//     the cost of its selection; scalar and enum fields cost nothing;
//   - a connection (a field with a `first` or `last` argument) multiplies
//     the cost of its list fields (`edges`, `nodes`) by the page size it
//     asks for: `first` or `last`, DefaultPageSize when neither is given,
//     at most MaxPageSize (a larger value is refused by the field itself);
//   - a field given a list of input objects (such as
//     `checkCredentials(inputs:)`) costs once per input;
//   - every root field of a mutation costs MutationCost more: writes are
//     dearer than reads;
//   - an operation costs at least 1.
//
// Introspection (`__schema`, `__type`) is measured for cost and aliases but
// not for depth: its own nesting is bounded by gqlparser's introspection
// depth rule, and it is off in production.
package limits

import (
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Limits bounds what one operation may ask for. A zero field takes its
// default (see Defaults).
type Limits struct {
	// MaxDepth bounds how deeply fields nest (MAX_DEPTH).
	MaxDepth int
	// MaxCost bounds an operation's cost (MAX_COST).
	MaxCost int
	// MaxAliases bounds the number of aliased fields (MAX_ALIASES).
	MaxAliases int
	// MaxRootFields bounds the number of root fields (MAX_ROOT_FIELDS).
	MaxRootFields int
	// MaxTokens bounds the tokens the parser reads (MAX_TOKENS).
	MaxTokens int
	// DefaultPageSize is the page size of a connection asked for without
	// `first` or `last`.
	DefaultPageSize int
	// MaxPageSize is the largest page a connection serves.
	MaxPageSize int
	// MutationCost is the extra cost of each root field of a mutation.
	MutationCost int
}

// Defaults are the limits when none are configured.
var Defaults = Limits{
	MaxDepth:        12,
	MaxCost:         25000,
	MaxAliases:      30,
	MaxRootFields:   20,
	MaxTokens:       10000,
	DefaultPageSize: 20,
	MaxPageSize:     100,
	MutationCost:    10,
}

// WithDefaults returns l with every zero field set to its default.
func (l Limits) WithDefaults() Limits {
	pick := func(v, d int) int {
		if v <= 0 {
			return d
		}
		return v
	}
	return Limits{
		MaxDepth:        pick(l.MaxDepth, Defaults.MaxDepth),
		MaxCost:         pick(l.MaxCost, Defaults.MaxCost),
		MaxAliases:      pick(l.MaxAliases, Defaults.MaxAliases),
		MaxRootFields:   pick(l.MaxRootFields, Defaults.MaxRootFields),
		MaxTokens:       pick(l.MaxTokens, Defaults.MaxTokens),
		DefaultPageSize: pick(l.DefaultPageSize, Defaults.DefaultPageSize),
		MaxPageSize:     pick(l.MaxPageSize, Defaults.MaxPageSize),
		MutationCost:    pick(l.MutationCost, Defaults.MutationCost),
	}
}

// Analysis is what an operation asks for.
type Analysis struct {
	// Depth is the deepest nesting of fields; `{ a { b } }` is 2.
	Depth int
	// Cost is the operation's cost under the model of the package comment.
	Cost int
	// Aliases counts the fields given an alias other than their name.
	Aliases int
	// RootFields counts the fields of the operation's top selection set.
	RootFields int
	// RootFieldNames are the names of the root fields, in order, each once.
	RootFieldNames []string
}

// ceiling saturates every count, so that no operation can overflow one.
const ceiling = 1 << 40

func add(a, b int) int {
	if a+b > ceiling {
		return ceiling
	}
	return a + b
}

func mul(a, b int) int {
	if a != 0 && b > ceiling/a {
		return ceiling
	}
	if a*b > ceiling {
		return ceiling
	}
	return a * b
}

// measure is what one selection set adds up to.
type measure struct {
	cost, depth, aliases int
	// costOfLists is the part of cost due to list-typed fields, which a
	// connection multiplies by its page size.
	costOfLists int
}

func (m measure) plus(o measure) measure {
	depth := m.depth
	if o.depth > depth {
		depth = o.depth
	}
	return measure{cost: add(m.cost, o.cost), depth: depth, aliases: add(m.aliases, o.aliases), costOfLists: add(m.costOfLists, o.costOfLists)}
}

// Analyze measures op, a validated operation of a document for schema,
// with its coerced variables. Fragments are measured once each, so that
// nested fragment spreads cannot make the analysis itself expensive.
func Analyze(schema *ast.Schema, op *ast.OperationDefinition, vars map[string]any, l Limits) Analysis {
	l = l.WithDefaults()
	w := walker{schema: schema, vars: vars, limits: l, fragments: map[string]*measure{}, inProgress: map[string]bool{}}
	m := w.selectionSet(op.SelectionSet, 0)
	a := Analysis{Depth: m.depth, Cost: m.cost, Aliases: m.aliases}
	r := w.rootFields(op.SelectionSet, map[string]*roots{}, 0)
	a.RootFields, a.RootFieldNames = r.count, r.names
	if op.Operation == ast.Mutation {
		a.Cost = add(a.Cost, mul(a.RootFields, l.MutationCost))
	}
	if a.Cost < 1 {
		a.Cost = 1
	}
	return a
}

type walker struct {
	schema     *ast.Schema
	vars       map[string]any
	limits     Limits
	fragments  map[string]*measure
	inProgress map[string]bool
}

// maxNesting stops the walk of a document that validation would refuse
// (a fragment cycle) or that no parser under a token limit would produce.
const maxNesting = 512

func (w *walker) selectionSet(set ast.SelectionSet, nesting int) measure {
	var total measure
	if nesting > maxNesting {
		return total
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			total = total.plus(w.field(s, nesting))
		case *ast.InlineFragment:
			total = total.plus(w.selectionSet(s.SelectionSet, nesting+1))
		case *ast.FragmentSpread:
			total = total.plus(w.spread(s, nesting))
		}
	}
	return total
}

func (w *walker) spread(s *ast.FragmentSpread, nesting int) measure {
	if m, ok := w.fragments[s.Name]; ok {
		return *m
	}
	if s.Definition == nil || w.inProgress[s.Name] {
		return measure{}
	}
	w.inProgress[s.Name] = true
	m := w.selectionSet(s.Definition.SelectionSet, nesting+1)
	delete(w.inProgress, s.Name)
	w.fragments[s.Name] = &m
	return m
}

func (w *walker) field(f *ast.Field, nesting int) measure {
	var m measure
	if f.Alias != "" && f.Alias != f.Name {
		m.aliases = 1
	}
	if f.Name == "__typename" {
		return m
	}
	introspection := strings.HasPrefix(f.Name, "__")
	children := w.selectionSet(f.SelectionSet, nesting+1)
	m.aliases = add(m.aliases, children.aliases)
	if !introspection {
		m.depth = children.depth + 1
	}
	if f.Definition == nil || f.Definition.Type == nil {
		return m
	}
	own := 0
	if def := w.schema.Types[f.Definition.Type.Name()]; def != nil && (def.Kind == ast.Object || def.Kind == ast.Interface || def.Kind == ast.Union) {
		own = 1
	}
	childCost := children.cost
	if size, paged := w.pageSize(f); paged {
		// The list fields of a connection repeat once per item.
		childCost = add(children.cost-children.costOfLists, mul(children.costOfLists, size))
	}
	m.cost = mul(add(own, childCost), w.inputCount(f))
	if f.Definition.Type.Elem != nil {
		m.costOfLists = m.cost
	}
	return m
}

// pageSize returns the page size a connection field asks for, and whether
// the field is a connection at all.
func (w *walker) pageSize(f *ast.Field) (int, bool) {
	def := f.Definition
	if def.Arguments.ForName("first") == nil && def.Arguments.ForName("last") == nil {
		return 0, false
	}
	size := w.limits.DefaultPageSize
	args := w.arguments(f)
	for _, name := range []string{"first", "last"} {
		if n, ok := asInt(args[name]); ok {
			size = n
			break
		}
	}
	if size < 1 {
		size = 1
	}
	if size > w.limits.MaxPageSize {
		size = w.limits.MaxPageSize
	}
	return size, true
}

// inputCount returns how many inputs a field taking a list of input
// objects is given; 1 for any other field.
func (w *walker) inputCount(f *ast.Field) int {
	n := 1
	var args map[string]any
	for _, a := range f.Definition.Arguments {
		if a.Type == nil || a.Type.Elem == nil {
			continue
		}
		if def := w.schema.Types[a.Type.Elem.Name()]; def == nil || def.Kind != ast.InputObject {
			continue
		}
		if args == nil {
			args = w.arguments(f)
		}
		if list, ok := args[a.Name].([]any); ok && len(list) > n {
			n = len(list)
		}
	}
	return n
}

// arguments returns the field's argument values, without panicking on a
// document validation would refuse.
func (w *walker) arguments(f *ast.Field) (args map[string]any) {
	defer func() {
		if recover() != nil {
			args = nil
		}
	}()
	return f.ArgumentMap(w.vars)
}

func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		if n > ceiling {
			return ceiling, true
		}
		if n < -ceiling {
			return -ceiling, true
		}
		return int(n), true
	case float64:
		if n > ceiling {
			return ceiling, true
		}
		return int(n), true
	case interface{ Int64() (int64, error) }:
		i, err := n.Int64()
		if err != nil {
			return ceiling, true
		}
		return asInt(i)
	}
	return 0, false
}

// roots are the root fields a selection set contributes.
type roots struct {
	count int
	names []string
}

// rootFields counts the fields of the top selection set, expanding
// fragments (each measured once).
func (w *walker) rootFields(set ast.SelectionSet, memo map[string]*roots, nesting int) roots {
	var r roots
	if nesting > maxNesting {
		return r
	}
	merge := func(o roots) {
		r.count = add(r.count, o.count)
		for _, n := range o.names {
			if !slices.Contains(r.names, n) {
				r.names = append(r.names, n)
			}
		}
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			merge(roots{count: 1, names: []string{s.Name}})
		case *ast.InlineFragment:
			merge(w.rootFields(s.SelectionSet, memo, nesting+1))
		case *ast.FragmentSpread:
			if m, ok := memo[s.Name]; ok {
				merge(*m)
			} else if s.Definition != nil && !w.inProgress[s.Name] {
				w.inProgress[s.Name] = true
				m := w.rootFields(s.Definition.SelectionSet, memo, nesting+1)
				delete(w.inProgress, s.Name)
				memo[s.Name] = &m
				merge(m)
			}
		}
	}
	return r
}

// MaxSelections bounds the fields of one selection set, counted with its
// fragments expanded, and MaxRepeats how often one response name may
// appear among them. gqlparser's validation compares the fields of a
// selection set that share a response name pairwise, and their
// sub-selections pairwise again: a few kilobytes of repeated fields or
// fragments would cost seconds of validation before any other limit is
// checked. No query of this schema needs more.
const (
	MaxSelections = 200
	MaxRepeats    = 10
)

// Violation is a limit an operation goes over.
type Violation struct {
	// Limit names the limit: "depth", "cost", "aliases", "rootFields",
	// "selections" or "repeats".
	Limit string
	// Max is the limit; Actual is what the operation asks for (at least).
	Max, Actual int
}

// Precheck looks at a parsed, not yet validated document for what makes
// validation itself expensive: more aliases or root fields than allowed,
// or a selection set wider than MaxSelections or repeating a response
// name more than MaxRepeats times once its fragments are expanded. Each
// fragment is measured once, so it takes time linear in the document. It
// returns nil when the document may go on to validation.
func Precheck(doc *ast.QueryDocument, l Limits) *Violation {
	l = l.WithDefaults()
	p := prechecker{fragments: map[string]*fieldCounts{}, inProgress: map[string]bool{}, defs: map[string]*ast.FragmentDefinition{}}
	for _, f := range doc.Fragments {
		if _, dup := p.defs[f.Name]; !dup {
			p.defs[f.Name] = f
		}
	}
	for _, op := range doc.Operations {
		roots := p.expand(op.SelectionSet, 0)
		if roots.total > l.MaxRootFields {
			return &Violation{Limit: "rootFields", Max: l.MaxRootFields, Actual: roots.total}
		}
		p.walk(op.SelectionSet, 0)
	}
	for _, f := range doc.Fragments {
		p.walk(f.SelectionSet, 0)
	}
	switch {
	case p.aliases > l.MaxAliases:
		return &Violation{Limit: "aliases", Max: l.MaxAliases, Actual: p.aliases}
	case p.widest > MaxSelections:
		return &Violation{Limit: "selections", Max: MaxSelections, Actual: p.widest}
	case p.repeats > MaxRepeats:
		return &Violation{Limit: "repeats", Max: MaxRepeats, Actual: p.repeats}
	}
	return nil
}

// fieldCounts are the fields of a selection set with its fragments
// expanded: how many, and how many per response name.
type fieldCounts struct {
	total  int
	byName map[string]int
}

func (c *fieldCounts) add(o *fieldCounts) {
	c.total = add(c.total, o.total)
	for name, n := range o.byName {
		c.byName[name] = add(c.byName[name], n)
	}
}

type prechecker struct {
	defs       map[string]*ast.FragmentDefinition
	fragments  map[string]*fieldCounts
	inProgress map[string]bool
	// aliases counts aliased fields, each fragment once.
	aliases int
	// widest and repeats are the largest expanded selection set and the
	// most repeated response name seen.
	widest, repeats int
}

// expand counts the fields of a selection set, fragments expanded.
func (p *prechecker) expand(set ast.SelectionSet, nesting int) *fieldCounts {
	c := &fieldCounts{byName: map[string]int{}}
	if nesting > maxNesting {
		return c
	}
	for _, sel := range set {
		if c.total > MaxSelections {
			// Over the limit already: counting on only costs time.
			return c
		}
		switch s := sel.(type) {
		case *ast.Field:
			name := s.Alias
			if name == "" {
				name = s.Name
			}
			c.total = add(c.total, 1)
			c.byName[name] = add(c.byName[name], 1)
		case *ast.InlineFragment:
			c.add(p.expand(s.SelectionSet, nesting+1))
		case *ast.FragmentSpread:
			c.add(p.fragment(s.Name, nesting))
		}
	}
	return c
}

func (p *prechecker) fragment(name string, nesting int) *fieldCounts {
	if c, ok := p.fragments[name]; ok {
		return c
	}
	def := p.defs[name]
	if def == nil || p.inProgress[name] {
		return &fieldCounts{byName: map[string]int{}}
	}
	p.inProgress[name] = true
	c := p.expand(def.SelectionSet, nesting+1)
	delete(p.inProgress, name)
	p.fragments[name] = c
	return c
}

// walk checks every selection set under set, and set itself.
func (p *prechecker) walk(set ast.SelectionSet, nesting int) {
	if nesting > maxNesting || len(set) == 0 {
		return
	}
	c := p.expand(set, nesting)
	p.widest = max(p.widest, c.total)
	for _, n := range c.byName {
		p.repeats = max(p.repeats, n)
	}
	p.walkFields(set, nesting)
}

// walkFields counts the aliases of the fields of set and walks their
// selection sets, and those of the fields of its inline fragments, whose
// own selection sets were counted with the set around them.
func (p *prechecker) walkFields(set ast.SelectionSet, nesting int) {
	if nesting > maxNesting {
		return
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				p.aliases = add(p.aliases, 1)
			}
			p.walk(s.SelectionSet, nesting+1)
		case *ast.InlineFragment:
			p.walkFields(s.SelectionSet, nesting+1)
		}
	}
}
