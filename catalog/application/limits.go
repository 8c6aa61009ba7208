package application

import (
	"fmt"

	"github.com/mssc/recert/catalog"
)

// DefaultMaxActivities is how many activities one application may claim
// unless the service is set otherwise (MAX_ACTIVITIES_PER_APPLICATION).
// A hundred points need far fewer: every claimed activity earns at least
// one point.
const DefaultMaxActivities = 100

// LimitActivities sets how many activities one application may claim; a
// number below 1 keeps DefaultMaxActivities. It returns the service.
func (s *Applications) LimitActivities(n int) *Applications {
	if n < 1 {
		n = DefaultMaxActivities
	}
	s.maxActivities = n
	return s
}

// tooManyActivities is the user error of an application with no room left.
func tooManyActivities(limit int) *catalog.Error {
	return &catalog.Error{Code: catalog.CodeBadUserInput, Field: "activity", Message: fmt.Sprintf(
		"an application may claim at most %d activities; remove one before adding another", limit)}
}
