// Package tracing sets up OpenTelemetry tracing from the standard OTEL_*
// environment variables. It is off unless OTEL_TRACES_EXPORTER names an
// exporter (otlp, console) or OTEL_EXPORTER_OTLP_ENDPOINT is set. OTLP is
// exported over HTTP (http/protobuf), which every collector accepts, by a
// small client of this package (otlphttp.go) under the OpenTelemetry
// project's span conversion; the gRPC protocol is not built in, as gRPC
// alone would add a sixth to the binary.
package tracing

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

// Enabled reports whether the environment asks for tracing.
func Enabled(getenv func(string) string) bool {
	exporter := getenv("OTEL_TRACES_EXPORTER")
	return (exporter != "" && exporter != "none") || getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != "" || getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != ""
}

// Setup installs a tracer provider exporting as the OTEL_* variables say,
// and returns the function that flushes and stops it. When tracing is not
// enabled it installs nothing and returns a no-op.
func Setup(ctx context.Context, getenv func(string) string) (func(context.Context) error, error) {
	if !Enabled(getenv) {
		return func(context.Context) error { return nil }, nil
	}
	exporter, err := newExporter(ctx, getenv)
	if err != nil {
		return nil, errors.New("OTEL_TRACES_EXPORTER or OTEL_EXPORTER_OTLP_* is not understood: " + err.Error())
	}
	res, err := resource.Merge(resource.Default(), resource.NewSchemaless(semconv.ServiceName("recert")))
	if err != nil {
		res = resource.Default()
	}
	provider := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exporter), sdktrace.WithResource(res))
	otel.SetTracerProvider(provider)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	return provider.Shutdown, nil
}

// newExporter returns the span exporter OTEL_TRACES_EXPORTER names: otlp
// (the default) over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (http://localhost:4318 when neither
// is set), or console, which writes spans to standard output.
func newExporter(ctx context.Context, getenv func(string) string) (sdktrace.SpanExporter, error) {
	switch name := getenv("OTEL_TRACES_EXPORTER"); name {
	case "", "otlp":
		protocol := getenv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
		if protocol == "" {
			protocol = getenv("OTEL_EXPORTER_OTLP_PROTOCOL")
		}
		if protocol != "" && protocol != "http/protobuf" {
			return nil, fmt.Errorf("OTLP protocol %q is not built in: use http/protobuf (a collector's port 4318)", protocol)
		}
		client, err := newOTLPHTTPClient(getenv)
		if err != nil {
			return nil, err
		}
		return otlptrace.New(ctx, client)
	case "console":
		return stdouttrace.New()
	default:
		return nil, fmt.Errorf("exporter %q is not one of otlp, console, none", name)
	}
}
