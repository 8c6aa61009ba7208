package resolvers

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/points"
	"github.com/mssc/recert/catalog/review"
	"github.com/mssc/recert/graph/model"
	"github.com/mssc/recert/graph/relay"
)

// parentApplication finds the application whose activity is being
// resolved, in the field contexts above it (an activity does not know
// its application).
func parentApplication(ctx context.Context) *application.Application {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if a, ok := fc.Result.(*application.Application); ok {
			return a
		}
	}
	return nil
}

func decodeApplicationID(raw string) (int64, []*model.UserError) {
	id, err := relay.DecodeIDOf("applicationId", relay.TypeApplication, raw)
	if err != nil {
		return 0, argumentErrors([]*catalog.Error{catalog.AsError(err)})
	}
	return id, nil
}

func applicationPayload(a *application.Application, errs []*catalog.Error, err error) (*model.ApplicationPayload, error) {
	if err != nil {
		return nil, err
	}
	return &model.ApplicationPayload{Application: a, UserErrors: argumentErrors(errs)}, nil
}

func applicationsPayload(apps []*application.Application, errs []*catalog.Error, err error) (*model.ApplicationsPayload, error) {
	if err != nil {
		return nil, err
	}
	if apps == nil {
		apps = []*application.Application{}
	}
	return &model.ApplicationsPayload{Applications: apps, UserErrors: argumentErrors(errs)}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func optionalFloat(f float64) *float64 {
	if f == 0 {
		return nil
	}
	return &f
}

func (r *Resolver) certificationByKey(ctx context.Context, key string) (*catalog.Certification, error) {
	if key == "" {
		return nil, nil
	}
	snap, err := r.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return review.CertificationByKey(snap, key), nil
}

// certificationKey decodes a catalog entry's global ID into its key.
func certificationKey(snap *catalog.Snapshot, field string, raw *string) (string, []*model.UserError) {
	if raw == nil {
		return "", nil
	}
	id, err := relay.DecodeIDOf(field, relay.TypeCertification, *raw)
	if err != nil {
		return "", argumentErrors([]*catalog.Error{catalog.AsError(err)})
	}
	c := snap.Certification(id)
	if c == nil {
		return "", argumentErrors([]*catalog.Error{{Code: catalog.CodeNotFound, Field: field, Message: "no certification has this ID"}})
	}
	return c.Key, nil
}

// activityInput decodes a claimed activity.
func activityInput(in model.ActivityInput) points.Activity {
	a := points.Activity{
		Category: in.Category, TypeKey: in.ActivityTypeKey, Title: in.Title,
		CompletedOn: in.CompletedOn, StartOn: in.StartOn, EndOn: in.EndOn, Passed: in.Passed,
	}
	a.Provider, a.Description = deref(in.Provider), deref(in.Description)
	if in.ActivityID != nil {
		a.ID = int64(*in.ActivityID)
	}
	set := func(dst *float64, v *float64) {
		if v != nil {
			*dst = *v
		}
	}
	set(&a.CreditHours, in.CreditHours)
	set(&a.WeeklyHours, in.WeeklyHours)
	set(&a.Hours, in.Hours)
	if in.Ongoing != nil {
		a.Ongoing = *in.Ongoing
	}
	if in.Internship != nil {
		a.Internship = *in.Internship
	}
	if in.MsscRecordsOnFile != nil {
		a.MSSCRecordsOnFile = *in.MsscRecordsOnFile
	}
	if len(in.CoursesTaught) > 0 {
		a.CoursesTaught = map[int]int{}
		for _, y := range in.CoursesTaught {
			a.CoursesTaught[y.Year] = y.Courses
		}
	}
	return a
}

// argumentErrors turns the user errors of an application mutation into
// payload errors. Application mutations take plain arguments rather than
// one input object, so a path starts at the argument it names, such as
// ["applicationIds", "1"] of submitApplications.
func argumentErrors(errs []*catalog.Error) []*model.UserError {
	out := make([]*model.UserError, 0, len(errs))
	for _, e := range errs {
		u := &model.UserError{Code: e.Code, Message: e.Message}
		if e.Field != "" {
			u.Field = strings.Split(e.Field, ".")
		}
		out = append(out, u)
	}
	return out
}
