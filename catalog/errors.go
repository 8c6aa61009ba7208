package catalog

import (
	"errors"
	"fmt"
)

// Code classifies an Error; it is stable and reaches clients as
// extensions.code.
type Code string

// The codes an Error may carry.
const (
	// CodeNotFound says the thing asked for does not exist (or is not visible).
	CodeNotFound Code = "NOT_FOUND"
	// CodeBadUserInput says the caller's input is not acceptable.
	CodeBadUserInput Code = "BAD_USER_INPUT"
	// CodeConflict says the change clashes with the current state.
	CodeConflict Code = "CONFLICT"
	// CodeForbidden says the principal may not do this.
	CodeForbidden Code = "FORBIDDEN"
	// CodeUnauthenticated says the credentials presented are not valid.
	CodeUnauthenticated Code = "UNAUTHENTICATED"
	// CodeUnavailable says a dependency such as the database is unreachable.
	CodeUnavailable Code = "UNAVAILABLE"
	// CodeInternal says something went wrong that the caller cannot fix.
	CodeInternal Code = "INTERNAL"
)

// Error is the one error type of the service. Its Message is safe to show a
// user; Err, when set, is the internal cause and is only logged.
type Error struct {
	// Code classifies the error.
	Code Code
	// Field names the input the error is about, as a dotted path, if any.
	Field string
	// Message says what went wrong in words a user can act on.
	Message string
	// Err is the internal cause, never shown to a client.
	Err error
}

// Error returns the message, prefixed with the field when there is one.
func (e *Error) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

// Unwrap returns the internal cause.
func (e *Error) Unwrap() error { return e.Err }

// Invalid returns a CodeBadUserInput error about the named input field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: CodeBadUserInput, Field: field, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns a CodeNotFound error with the given message.
func NotFound(format string, args ...any) *Error {
	return &Error{Code: CodeNotFound, Message: fmt.Sprintf(format, args...)}
}

// Unavailable wraps cause as a CodeUnavailable error.
func Unavailable(message string, cause error) *Error {
	return &Error{Code: CodeUnavailable, Message: message, Err: cause}
}

// Internal wraps cause as a CodeInternal error with a generic message.
func Internal(cause error) *Error {
	return &Error{Code: CodeInternal, Message: "internal error", Err: cause}
}

// ErrorCode returns the code of the first Error in err's chain, or
// CodeInternal when there is none.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// AsError returns err as the domain Error it wraps, or as an INTERNAL error.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return Internal(err)
}
