package formletter

import (
	"context"
	"strconv"
	"strings"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/graph/relay"
)

// PathPrefix is where form letters are downloaded from.
const PathPrefix = "/letters/"

// Path is where the form letter of an application's activity is
// downloaded: /letters/{application's global ID}/{activity number}.
func Path(applicationID, activityID int64) string {
	return PathPrefix + relay.EncodeID(relay.TypeApplication, applicationID) + "/" + strconv.FormatInt(activityID, 10)
}

// Letters fills and prints the form letters of claimed activities.
type Letters struct {
	applications *application.Applications
}

// New returns the form letters of the applications' activities.
func New(applications *application.Applications) *Letters {
	return &Letters{applications: applications}
}

// OpenLetter prints the letter at key, the path after PathPrefix, for the
// principal of ctx, returning the PDF and its file name; a malformed key,
// another candidate's application and an activity without a form letter
// are all NOT_FOUND, like a path that does not exist.
func (l *Letters) OpenLetter(ctx context.Context, key string) ([]byte, string, error) {
	notFound := &catalog.Error{Code: catalog.CodeNotFound, Message: "no form letter has this path"}
	rawApp, rawActivity, ok := strings.Cut(key, "/")
	if !ok || len(key) > 200 {
		return nil, "", notFound
	}
	appID, err := relay.DecodeIDOf("path", relay.TypeApplication, rawApp)
	if err != nil {
		return nil, "", notFound
	}
	activityID, err := strconv.ParseInt(rawActivity, 10, 64)
	if err != nil || activityID < 1 || strconv.FormatInt(activityID, 10) != rawActivity {
		return nil, "", notFound
	}
	letter, err := l.applications.FormLetter(ctx, appID, activityID)
	if err != nil {
		return nil, "", err
	}
	pdf, err := Render(letter)
	if err != nil {
		return nil, "", catalog.Internal(err)
	}
	return pdf, letter.FileName, nil
}
