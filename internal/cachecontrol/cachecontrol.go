// Package cachecontrol reads what the schema declares cacheable: the
// @cacheControl(maxAge:, scope:) hints on its fields and types, in the
// manner of Apollo Server's cache control. It works out, from an
// operation's document alone, how long and for whom its answer may be
// kept; the response cache, the answer memo and the cost layer all ask it,
// so that what is public is declared once, in the schema.
//
// The rules are Apollo's. A field's hint is its own @cacheControl, or else
// that of the type it returns (for an interface or union without a hint of
// its own, the shortest of its possible types'). A root field, or a field
// returning an object, interface or union, without a maxAge from either
// has maxAge 0; a field returning a scalar or an enum without one leaves
// the policy as it is. An operation's maxAge is the smallest of its
// fields', and its scope is PRIVATE when any field's is. An operation is
// cacheable when it is a query with a maxAge above 0.
package cachecontrol

import (
	"context"
	"fmt"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Directive is the name of the schema directive this package reads.
const Directive = "cacheControl"

// Scope says who may share a kept answer.
type Scope uint8

const (
	// Public answers are the same for every anonymous caller at one
	// version of the data: any cache may keep them.
	Public Scope = iota
	// Private answers depend on who asks: no shared cache keeps them.
	Private
)

// Policy is how long, and for whom, an answer may be kept.
type Policy struct {
	// MaxAge is how long the answer may be kept, in seconds; 0 means it
	// must not be kept.
	MaxAge int
	// Scope is who may share it.
	Scope Scope
}

// Shared reports whether the answer may be kept and given to any
// anonymous caller: public, with a maxAge above 0.
func (p Policy) Shared() bool { return p.MaxAge > 0 && p.Scope == Public }

// hint is one @cacheControl as written, or as derived for an abstract
// type; hasMaxAge is false where the directive leaves maxAge out.
type hint struct {
	maxAge    int
	hasMaxAge bool
	private   bool
}

// fieldKey names a field of a type.
type fieldKey struct{ typ, field string }

// Rules are the cache hints of one schema.
type Rules struct {
	schema *ast.Schema
	fields map[fieldKey]hint
	types  map[string]hint
	// longest is the largest maxAge any hint declares.
	longest int
}

// New reads the hints of the schema. It fails on a hint it cannot read: a
// negative or non-literal maxAge, or an unknown scope.
func New(schema *ast.Schema) (*Rules, error) {
	r := &Rules{schema: schema, fields: map[fieldKey]hint{}, types: map[string]hint{}}
	for name, def := range schema.Types {
		if d := def.Directives.ForName(Directive); d != nil {
			h, err := read(d)
			if err != nil {
				return nil, fmt.Errorf("@%s on %s: %w", Directive, name, err)
			}
			r.types[name] = h
			r.longest = max(r.longest, h.maxAge)
		}
		for _, f := range def.Fields {
			if d := f.Directives.ForName(Directive); d != nil {
				h, err := read(d)
				if err != nil {
					return nil, fmt.Errorf("@%s on %s.%s: %w", Directive, name, f.Name, err)
				}
				r.fields[fieldKey{name, f.Name}] = h
				r.longest = max(r.longest, h.maxAge)
			}
		}
	}
	for name, def := range schema.Types {
		if _, ok := r.types[name]; ok || (def.Kind != ast.Interface && def.Kind != ast.Union) {
			continue
		}
		r.types[name] = r.shortestOf(schema.GetPossibleTypes(def))
	}
	return r, nil
}

// shortestOf is the hint of an abstract type without one of its own: the
// shortest maxAge of its possible types, none when one of them has none,
// and private when one of them is.
func (r *Rules) shortestOf(types []*ast.Definition) hint {
	out := hint{hasMaxAge: len(types) > 0}
	for i, t := range types {
		h := r.types[t.Name]
		out.private = out.private || h.private
		if !h.hasMaxAge {
			out.hasMaxAge = false
		} else if i == 0 || h.maxAge < out.maxAge {
			out.maxAge = h.maxAge
		}
	}
	if !out.hasMaxAge {
		out.maxAge = 0
	}
	return out
}

func read(d *ast.Directive) (hint, error) {
	var h hint
	if a := d.Arguments.ForName("maxAge"); a != nil {
		if a.Value == nil || a.Value.Kind != ast.IntValue {
			return h, fmt.Errorf("maxAge must be an integer literal")
		}
		n, err := strconv.Atoi(a.Value.Raw)
		if err != nil || n < 0 {
			return h, fmt.Errorf("maxAge %q is not a number of seconds", a.Value.Raw)
		}
		h.maxAge, h.hasMaxAge = n, true
	}
	if a := d.Arguments.ForName("scope"); a != nil {
		switch {
		case a.Value != nil && a.Value.Raw == "PRIVATE":
			h.private = true
		case a.Value != nil && a.Value.Raw == "PUBLIC":
		default:
			return h, fmt.Errorf("scope must be PUBLIC or PRIVATE")
		}
	}
	return h, nil
}

// Longest returns the largest maxAge, in seconds, that any hint of the
// schema declares: no answer may be kept longer.
func (r *Rules) Longest() int {
	if r == nil {
		return 0
	}
	return r.longest
}

// Declared reports whether the field of the type carries a hint of its
// own, that is whether the schema decided how long its answer may be
// kept.
func (r *Rules) Declared(typ, field string) bool {
	_, ok := r.fields[fieldKey{typ, field}]
	return ok
}

func (r *Rules) field(typ string, def *ast.FieldDefinition, root bool) (Policy, bool) {
	h, own := r.fields[fieldKey{typ, def.Name}]
	target := r.schema.Types[def.Type.Name()]
	composite := target != nil && (target.Kind == ast.Object || target.Kind == ast.Interface || target.Kind == ast.Union)
	if composite {
		t := r.types[target.Name]
		if !own || !h.hasMaxAge {
			h.maxAge, h.hasMaxAge = t.maxAge, t.hasMaxAge
		}
		h.private = h.private || t.private
	}
	p := Policy{MaxAge: h.maxAge}
	if h.private {
		p.Scope = Private
	}
	if h.hasMaxAge || composite || root {
		return p, true
	}
	return p, h.private
}

// Operation returns the policy of an operation of a validated document.
// Only a query can be cacheable. Fields under @include and @skip count
// whether or not they are included, and every fragment counts whatever
// its type condition: the policy never promises more than the answer
// allows.
func (r *Rules) Operation(op *ast.OperationDefinition) Policy {
	if op == nil || op.Operation != ast.Query {
		return Policy{}
	}
	w := walk{rules: r, maxAge: -1, inProgress: map[string]bool{}}
	w.selections(op.SelectionSet, true, 0)
	if w.maxAge <= 0 {
		return Policy{Scope: w.scope}
	}
	return Policy{MaxAge: w.maxAge, Scope: w.scope}
}

// Of returns the policy of the operation of the request ctx belongs to,
// worked out once per request and kept in its operation context.
func (r *Rules) Of(ctx context.Context) Policy {
	if r == nil || !graphql.HasOperationContext(ctx) {
		return Policy{}
	}
	oc := graphql.GetOperationContext(ctx)
	if p, ok := oc.Stats.GetExtension(statsKey).(Policy); ok {
		return p
	}
	p := r.Operation(oc.Operation)
	oc.Stats.SetExtension(statsKey, p)
	return p
}

const statsKey = "cacheControl"

// maxNesting stops the walk of a document that validation would refuse.
const maxNesting = 512

// walk gathers the policy of a selection set: the smallest maxAge seen
// (-1 before any field restricts it) and whether any field is private.
type walk struct {
	rules      *Rules
	maxAge     int
	scope      Scope
	inProgress map[string]bool
}

func (w *walk) selections(set ast.SelectionSet, root bool, nesting int) {
	if nesting > maxNesting {
		w.maxAge = 0
		return
	}
	for _, sel := range set {
		if w.maxAge == 0 && w.scope == Private {
			return
		}
		switch s := sel.(type) {
		case *ast.Field:
			w.field(s, root, nesting)
		case *ast.InlineFragment:
			w.selections(s.SelectionSet, root, nesting+1)
		case *ast.FragmentSpread:
			if s.Definition == nil || w.inProgress[s.Name] {
				continue
			}
			w.inProgress[s.Name] = true
			w.selections(s.Definition.SelectionSet, root, nesting+1)
			delete(w.inProgress, s.Name)
		}
	}
}

func (w *walk) field(f *ast.Field, root bool, nesting int) {
	if f.Name == "__typename" {
		return
	}
	if f.Definition == nil || f.ObjectDefinition == nil {
		w.maxAge = 0
		return
	}
	p, restricts := w.rules.field(f.ObjectDefinition.Name, f.Definition, root)
	if restricts && (w.maxAge < 0 || p.MaxAge < w.maxAge) {
		w.maxAge = p.MaxAge
	}
	if p.Scope == Private {
		w.scope = Private
	}
	w.selections(f.SelectionSet, false, nesting+1)
}
