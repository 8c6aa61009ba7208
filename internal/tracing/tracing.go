// Package tracing sets up OpenTelemetry tracing from the standard OTEL_*
// environment variables. It is off unless OTEL_TRACES_EXPORTER names an
// exporter (otlp, console) or OTEL_EXPORTER_OTLP_ENDPOINT is set.
package tracing

import (
	"context"
	"errors"

	"go.opentelemetry.io/contrib/exporters/autoexport"
	"go.opentelemetry.io/otel"
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
	exporter, err := autoexport.NewSpanExporter(ctx)
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
