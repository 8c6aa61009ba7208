package review

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mssc/recert/catalog"
)

// BulkProblem is something wrong with one line of a bulk catalog file.
type BulkProblem struct {
	// Line is the line of the file the problem is on, from 1.
	Line int
	// Field is the column the problem is about, if any.
	Field string
	// Code classifies the problem.
	Code catalog.Code
	// Message says what is wrong in words staff can act on.
	Message string
}

// FieldChange is one field of an entry before and after a change.
type FieldChange struct {
	// Field names the field, as the history records it.
	Field string
	// Before is the value before the change; empty for a creation.
	Before string
	// After is the value after the change.
	After string
}

// BulkChange is one change a bulk catalog file makes.
type BulkChange struct {
	// Line is the line of the file the change comes from.
	Line int
	// Action is what the change does.
	Action BulkAction
	// EntityType is Organization or Certification.
	EntityType string
	// Key is the entry's stable key.
	Key string
	// Fields are the fields the change sets, with their values before and after.
	Fields []FieldChange
	// edit is what the store writes.
	edit *CatalogEdit
}

// BulkPlan is what a bulk catalog file changes, worked out on the catalog
// at one version.
type BulkPlan struct {
	// CatalogVersion is the version the plan was made on.
	CatalogVersion int64
	// Changes are the changes, in the order of the file.
	Changes []BulkChange
	// Problems are the file's problems; a file with any is not applied.
	Problems []BulkProblem
}

// bulkKeyPattern is the form of a stable key.
var bulkKeyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// maxKeyLength bounds a stable key.
const maxKeyLength = 80

// bulkPlanner works a bulk file out against a snapshot, keeping the
// entries the file creates so that later lines may refer to them.
type bulkPlanner struct {
	snap     *catalog.Snapshot
	change   catalog.Change
	plan     *BulkPlan
	newOrgs  map[string]*OrganizationInput
	orgs     map[string]*catalog.Organization
	lines    map[string]int
	displays map[string]int
}

// planBulk works out every change and problem of the rows.
func planBulk(s *catalog.Snapshot, rows []bulkRow, change catalog.Change) *BulkPlan {
	p := &bulkPlanner{
		snap: s, change: change, plan: &BulkPlan{CatalogVersion: s.Version()},
		newOrgs: map[string]*OrganizationInput{}, orgs: map[string]*catalog.Organization{},
		lines: map[string]int{}, displays: map[string]int{},
	}
	for i := range rows {
		p.row(&rows[i])
	}
	return p.plan
}

func (p *bulkPlanner) problem(line int, field string, code catalog.Code, format string, args ...any) {
	p.plan.Problems = append(p.plan.Problems, BulkProblem{Line: line, Field: field, Code: code, Message: fmt.Sprintf(format, args...)})
}

// errorsAt turns the domain's input errors into problems of the line,
// naming the file's columns.
func (p *bulkPlanner) errorsAt(line int, errs []*catalog.Error) bool {
	for _, e := range errs {
		field := e.Field
		switch {
		case field == "organizationId" || strings.HasPrefix(field, "newOrganization."):
			field = "organization"
		case strings.HasPrefix(field, "aliases."):
			field = "aliases"
		}
		p.plan.Problems = append(p.plan.Problems, BulkProblem{Line: line, Field: field, Code: e.Code, Message: e.Message})
	}
	return len(errs) > 0
}

var (
	organizationColumns = []string{"action", "kind", "key", "name", "acronym", "url", "description", "ctid"}
	retireColumns       = []string{"action", "kind", "key", "retiredOn"}
	certificationOnly   = []string{"retiredOn"}
)

func (p *bulkPlanner) row(r *bulkRow) {
	action := BulkAction(strings.ToUpper(r.values["action"]))
	kind := strings.ToLower(r.values["kind"])
	key := r.values["key"]
	ok := true
	if !slices.Contains([]BulkAction{BulkCreate, BulkUpdate, BulkRetire}, action) {
		p.problem(r.line, "action", catalog.CodeBadUserInput, "the action must be create, update or retire")
		ok = false
	}
	if kind != "organization" && kind != "certification" {
		p.problem(r.line, "kind", catalog.CodeBadUserInput, "the kind must be organization or certification")
		ok = false
	}
	if len(key) > maxKeyLength || !bulkKeyPattern.MatchString(key) {
		p.problem(r.line, "key", catalog.CodeBadUserInput, "a key of lowercase letters, digits and single hyphens, at most %d characters", maxKeyLength)
		ok = false
	}
	if !ok {
		return
	}
	if first, seen := p.lines[kind+"/"+key]; seen {
		p.problem(r.line, "key", catalog.CodeBadUserInput, "the %s %s is already changed on line %d; change an entry once a file", kind, key, first)
		return
	}
	p.lines[kind+"/"+key] = r.line
	var allowed []string
	switch {
	case action == BulkRetire:
		allowed = retireColumns
	case kind == "organization":
		allowed = organizationColumns
	default:
		allowed = slices.DeleteFunc(slices.Clone(bulkColumns), func(c string) bool { return slices.Contains(certificationOnly, c) })
	}
	for _, c := range bulkColumns {
		if r.has(c) && !slices.Contains(allowed, c) {
			p.problem(r.line, c, catalog.CodeBadUserInput, "the column %s does not apply to %s of %s %s", c, strings.ToLower(string(action)), article(kind), kind)
			ok = false
		}
	}
	if !ok {
		return
	}
	switch {
	case kind == "organization" && action == BulkRetire:
		p.problem(r.line, "action", catalog.CodeBadUserInput, "an organization is not retired; retire its certifications")
	case kind == "organization":
		p.organization(r, action, key)
	case action == BulkRetire:
		p.retire(r, key)
	default:
		p.certification(r, action, key)
	}
}

func article(kind string) string {
	if kind == "organization" {
		return "an"
	}
	return "a"
}

// fill sets *dst to the row's value of the column when the row fills it.
func fill(r *bulkRow, column string, dst *string) {
	if v := r.values[column]; v != "" {
		*dst = v
	}
}

func (p *bulkPlanner) organization(r *bulkRow, action BulkAction, key string) {
	before := OrganizationByKey(p.snap, key)
	var in OrganizationInput
	switch {
	case action == BulkCreate && (before != nil || p.orgs[key] != nil):
		p.problem(r.line, "key", catalog.CodeConflict, "an organization already has the key %s; use update", key)
		return
	case action == BulkUpdate && before == nil:
		p.problem(r.line, "key", catalog.CodeNotFound, "no organization has the key %s", key)
		return
	case before != nil:
		in = OrganizationInput{Name: before.Name, Acronym: before.Acronym, URL: before.URL, Description: before.Description, CTID: before.CTID}
	}
	for column, dst := range map[string]*string{"name": &in.Name, "acronym": &in.Acronym, "url": &in.URL, "description": &in.Description, "ctid": &in.CTID} {
		fill(r, column, dst)
	}
	if p.errorsAt(r.line, in.normalize("")) {
		return
	}
	after := &catalog.Organization{Key: key, Name: in.Name, Acronym: in.Acronym, URL: in.URL, Description: in.Description, CTID: in.CTID}
	edit := &CatalogEdit{Change: p.change, Organization: after, EntityType: "Organization", After: record(after)}
	edit.Change.Action = "organization." + strings.ToLower(string(action))
	if before != nil {
		after.ID, after.OtherNames = before.ID, slices.Clone(before.OtherNames)
		edit.Before = record(before)
	} else {
		p.newOrgs[key], p.orgs[key] = &in, after
	}
	p.add(r.line, action, key, edit, before, after)
}

// certificationInput is the staff input that reproduces an entry.
func certificationInput(c *catalog.Certification) CertificationInput {
	return CertificationInput{
		OrganizationID: c.OrganizationID, Name: c.Name, DisplayName: c.DisplayName, Group: c.Group, Level: c.Level,
		Note: c.Note, RecognitionBases: slices.Clone(c.RecognitionBases), EligiblePrograms: slices.Clone(c.EligiblePrograms),
		Aliases: slices.Clone(c.Aliases), ApprovedOn: c.ApprovedOn, Description: c.Description, URL: c.URL,
		CTID: c.CTID, RenewalPeriodMonths: c.RenewalPeriodMonths,
	}
}

func (p *bulkPlanner) certification(r *bulkRow, action BulkAction, key string) {
	before := CertificationByKey(p.snap, key)
	var in CertificationInput
	switch {
	case action == BulkCreate && before != nil:
		p.problem(r.line, "key", catalog.CodeConflict, "a certification already has the key %s; use update", key)
		return
	case action == BulkUpdate && before == nil:
		p.problem(r.line, "key", catalog.CodeNotFound, "no certification has the key %s", key)
		return
	case action == BulkCreate && !r.has("organization"):
		p.problem(r.line, "organization", catalog.CodeBadUserInput, "the key of the issuing organization is required")
		return
	case before != nil:
		in = certificationInput(before)
	}
	var newOrg *catalog.Organization
	if orgKey := r.values["organization"]; orgKey != "" {
		switch o := OrganizationByKey(p.snap, orgKey); {
		case o != nil:
			in.OrganizationID = o.ID
		case p.newOrgs[orgKey] != nil:
			in.OrganizationID, newOrg = 0, p.orgs[orgKey]
			copied := *p.newOrgs[orgKey]
			in.NewOrganization = &copied
		default:
			p.problem(r.line, "organization", catalog.CodeNotFound, "no organization has the key %s, and the file creates none before this line", orgKey)
			return
		}
	}
	for column, dst := range map[string]*string{
		"name": &in.Name, "displayName": &in.DisplayName, "group": &in.Group, "level": &in.Level,
		"note": &in.Note, "description": &in.Description, "url": &in.URL, "ctid": &in.CTID,
	} {
		fill(r, column, dst)
	}
	if !p.fillTyped(r, &in) {
		return
	}
	if p.errorsAt(r.line, checkCertification(p.snap, "", &in, before)) {
		return
	}
	display := strings.ToLower(in.DisplayName)
	if first, taken := p.displays[display]; taken {
		p.problem(r.line, "displayName", catalog.CodeConflict, "line %d already gives an entry this display name", first)
		return
	}
	p.displays[display] = r.line
	_, after := newCertification(p.snap, in, catalog.SourceStaff, "bulk catalog file, by "+p.change.Actor)
	after.Key = key
	if newOrg != nil {
		after.OrganizationID, after.OrganizationKey, after.Organization = 0, newOrg.Key, newOrg
	}
	edit := &CatalogEdit{Change: p.change, Certification: after, EntityType: "Certification"}
	edit.Change.Action = "certification." + strings.ToLower(string(action))
	if before != nil {
		after.ID, after.Status, after.RetiredOn, after.Provenance = before.ID, before.Status, before.RetiredOn, before.Provenance
		edit.Before = record(before)
	}
	edit.After = record(after)
	p.add(r.line, action, key, edit, before, after)
}

// fillTyped fills the list, date and number columns of a certification.
func (p *bulkPlanner) fillTyped(r *bulkRow, in *CertificationInput) bool {
	ok := fillEnums(p, r, "recognitionBases", "a recognition basis", catalog.RecognitionBases, &in.RecognitionBases)
	ok = fillEnums(p, r, "eligiblePrograms", "a program", catalog.Programs, &in.EligiblePrograms) && ok
	if v, set := r.lists["aliases"]; set {
		in.Aliases = nil
		for _, a := range v {
			kind, value, found := strings.Cut(a, ":")
			alias := catalog.Alias{Kind: catalog.AliasKind(strings.ToUpper(strings.TrimSpace(kind))), Value: strings.TrimSpace(value)}
			if !found || !slices.Contains([]catalog.AliasKind{catalog.AliasAcronym, catalog.AliasAlternateName, catalog.AliasFormerName}, alias.Kind) {
				p.problem(r.line, "aliases", catalog.CodeBadUserInput, "%q is not an alias; write KIND:value with ACRONYM, ALTERNATE_NAME or FORMER_NAME", a)
				ok = false
			}
			in.Aliases = append(in.Aliases, alias)
		}
	}
	if v := r.values["approvedOn"]; v != "" {
		d, err := catalog.ParseDate(v)
		if err != nil {
			p.problem(r.line, "approvedOn", catalog.CodeBadUserInput, "%s", err.Error())
			ok = false
		}
		in.ApprovedOn = &d
	}
	if v := r.values["renewalPeriodMonths"]; v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			p.problem(r.line, "renewalPeriodMonths", catalog.CodeBadUserInput, "a whole number of months")
			ok = false
		}
		in.RenewalPeriodMonths = n
	}
	return ok
}

// fillEnums fills a list column of enum values, written in any case; a
// value that is not one of allowed is a problem of the row. It reports
// whether every value was allowed; a column the row leaves out is kept.
func fillEnums[T ~string](p *bulkPlanner, r *bulkRow, column, what string, allowed []T, list *[]T) bool {
	v, set := r.lists[column]
	if !set {
		return true
	}
	ok := true
	*list = nil
	for _, x := range v {
		value := T(strings.ToUpper(x))
		if !slices.Contains(allowed, value) {
			p.problem(r.line, column, catalog.CodeBadUserInput, "%q is not %s; use %s", x, what, joinValues(allowed))
			ok = false
		}
		*list = append(*list, value)
	}
	return ok
}

func joinValues[T ~string](values []T) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return strings.Join(out, ", ")
}

func (p *bulkPlanner) retire(r *bulkRow, key string) {
	before := CertificationByKey(p.snap, key)
	switch {
	case before == nil:
		p.problem(r.line, "key", catalog.CodeNotFound, "no certification has the key %s", key)
		return
	case before.Status == catalog.StatusRetired:
		p.problem(r.line, "key", catalog.CodeConflict, "the certification %s was retired on %s", key, before.RetiredOn)
		return
	case r.values["retiredOn"] == "":
		p.problem(r.line, "retiredOn", catalog.CodeBadUserInput, "the first day it no longer counts is required")
		return
	}
	d, err := catalog.ParseDate(r.values["retiredOn"])
	if err != nil {
		p.problem(r.line, "retiredOn", catalog.CodeBadUserInput, "%s", err.Error())
		return
	}
	after := clone(before)
	after.Status, after.RetiredOn = catalog.StatusRetired, &d
	edit := &CatalogEdit{Change: p.change, Certification: after, EntityType: "Certification", Before: record(before), After: record(after)}
	edit.Change.Action = "certification.retire"
	p.add(r.line, BulkRetire, key, edit, before, after)
}

// add records a change with the fields it sets; one that sets nothing is
// left out, since it changes nothing.
func (p *bulkPlanner) add(line int, action BulkAction, key string, edit *CatalogEdit, before, after any) {
	var was map[string]any
	if !isNil(before) {
		was = recordFields(before)
	}
	now := recordFields(after)
	var fields []FieldChange
	for _, name := range sortedKeys(now) {
		b, a := showValue(was[name]), showValue(now[name])
		if was == nil && a == "" || was != nil && a == b {
			continue
		}
		fields = append(fields, FieldChange{Field: name, Before: b, After: a})
	}
	if was != nil && len(fields) == 0 {
		return
	}
	edit.Change.Reason = p.change.Reason
	p.plan.Changes = append(p.plan.Changes, BulkChange{Line: line, Action: action, EntityType: edit.EntityType, Key: key, Fields: fields, edit: edit})
}

func isNil(v any) bool {
	switch x := v.(type) {
	case *catalog.Organization:
		return x == nil
	case *catalog.Certification:
		return x == nil
	}
	return v == nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// showValue writes a recorded value as text: strings as they are, empty
// lists and nulls as nothing, anything else as JSON.
func showValue(v any) string {
	if v == nil {
		return ""
	}
	if r := reflect.ValueOf(v); r.Kind() == reflect.String {
		return r.String()
	}
	raw, _ := json.Marshal(v)
	if s := string(raw); s != "[]" && s != "null" && s != "0" {
		return s
	}
	return ""
}
