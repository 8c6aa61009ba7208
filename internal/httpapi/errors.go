package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mssc/recert/catalog"
)

// The two ways gqlparser words an unknown enum value: in a literal and in a variable.
var (
	enumLiteralError  = regexp.MustCompile(`^Value "([^"]*)" does not exist in "([^"]+)" enum\.`)
	enumVariableError = regexp.MustCompile(`^(.*) is not a valid (\w+)$`)
)

// errorPresenter turns every error into a GraphQL error with a stable
// extensions.code. Domain errors keep their safe message; anything
// internal becomes a generic message and is logged with the request id.
func errorPresenter(schema *ast.Schema, logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var domain *catalog.Error
		if errors.As(err, &domain) {
			return presentDomainError(ctx, err, domain, logger)
		}
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Err == nil {
			out := *gqlErr
			if isEnumError(&out, schema) {
				return &out
			}
			if out.Extensions == nil {
				out.Extensions = map[string]any{}
			}
			if _, ok := out.Extensions["code"]; !ok {
				// Errors of the query's own shape (a required argument
				// missing, an input of the wrong type) are the caller's.
				out.Extensions["code"] = string(catalog.CodeInvalid)
			}
			return &out
		}
		logger.ErrorContext(ctx, "internal error", "request_id", RequestID(ctx), "error", err.Error())
		out := graphql.DefaultErrorPresenter(ctx, errors.New("internal error"))
		out.Extensions = map[string]any{"code": string(catalog.CodeInternal)}
		return out
	}
}

func presentDomainError(ctx context.Context, err error, domain *catalog.Error, logger *slog.Logger) *gqlerror.Error {
	message := domain.Error()
	if domain.Code == catalog.CodeInternal || domain.Code == catalog.CodeUnavailable {
		logger.ErrorContext(ctx, "request failed", "request_id", RequestID(ctx), "code", domain.Code, "error", err.Error())
		message = domain.Message
	}
	out := graphql.DefaultErrorPresenter(ctx, errors.New(message))
	out.Extensions = map[string]any{"code": string(domain.Code)}
	if domain.Field != "" {
		out.Extensions["field"] = domain.Field
	}
	return out
}

// isEnumError rewrites gqlparser's unknown-enum errors, which name no
// allowed value, into BAD_USER_INPUT errors listing the allowed values.
func isEnumError(e *gqlerror.Error, schema *ast.Schema) bool {
	var value, enum string
	if m := enumLiteralError.FindStringSubmatch(e.Message); m != nil {
		value, enum = m[1], m[2]
	} else if m := enumVariableError.FindStringSubmatch(e.Message); m != nil {
		value, enum = m[1], m[2]
	} else {
		return false
	}
	def := schema.Types[strings.Trim(enum, "[]!")]
	if def == nil || def.Kind != ast.Enum {
		return false
	}
	e.Message = enumMessage(value, def)
	e.Extensions = map[string]any{"code": string(catalog.CodeInvalid)}
	return true
}

func enumMessage(value string, def *ast.Definition) string {
	allowed := make([]string, len(def.EnumValues))
	for i, v := range def.EnumValues {
		allowed[i] = v.Name
	}
	return fmt.Sprintf("%q is not a %s; allowed values: %s", value, def.Name, strings.Join(allowed, ", "))
}

// recoverFunc logs a panic with the request id and answers with an internal error.
func recoverFunc(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "panic", "request_id", RequestID(ctx), "panic", fmt.Sprint(p))
		return &catalog.Error{Code: catalog.CodeInternal, Message: "internal error"}
	}
}
