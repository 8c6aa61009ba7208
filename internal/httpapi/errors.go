package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strconv"
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
	// tokenLimitError is how gqlparser words a document over its token limit.
	tokenLimitError = regexp.MustCompile(`^exceeded token limit of (\d+)$`)
)

// errorPresenter turns every error into a GraphQL error with a stable
// extensions.code. Domain errors keep their safe message; anything
// internal becomes a generic message and is logged with the request id.
// In production (hideSuggestions) messages lose gqlparser's "Did you
// mean ...?" suggestions. An error of an operation that ran out of time is
// a TIMEOUT error.
func errorPresenter(schema *ast.Schema, logger *slog.Logger, hideSuggestions bool) graphql.ErrorPresenterFunc {
	present := presenter(schema, logger)
	return func(ctx context.Context, err error) *gqlerror.Error {
		out := present(ctx, err)
		if code, _ := out.Extensions["code"].(string); (code == string(catalog.CodeInternal) || code == string(catalog.CodeUnavailable)) &&
			(errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded)) {
			out.Message = timeoutMessage
			out.Extensions = map[string]any{"code": CodeTimeout}
		}
		if m := tokenLimitError.FindStringSubmatch(out.Message); m != nil {
			limit, _ := strconv.Atoi(m[1])
			out.Message = fmt.Sprintf("the document has more than %d tokens, the most this server reads; send a smaller query", limit)
			out.Extensions = map[string]any{"code": CodeMaxTokensExceeded, "limit": limit}
		}
		if hideSuggestions {
			out.Message = stripSuggestions(out.Message)
		}
		return out
	}
}

func presenter(schema *ast.Schema, logger *slog.Logger) graphql.ErrorPresenterFunc {
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
				out.Extensions["code"] = string(catalog.CodeBadUserInput)
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
		cause := ""
		if domain.Err != nil {
			cause = domain.Err.Error()
		}
		logger.ErrorContext(ctx, "request failed", "request_id", RequestID(ctx), "code", domain.Code, "error", err.Error(), "cause", cause)
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
	e.Extensions = map[string]any{"code": string(catalog.CodeBadUserInput)}
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
