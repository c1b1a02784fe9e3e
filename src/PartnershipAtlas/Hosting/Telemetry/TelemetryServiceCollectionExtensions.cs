using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PartnershipAtlas.Hosting.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces (HTTP requests, GraphQL operations, EF commands, import runs) and metrics (request rate and latency,
    /// GraphQL requests, import rows and durations, runtime): a Prometheus scrape endpoint always, OTLP export when
    /// <c>Atlas:Telemetry:OtlpEndpoint</c> (or the standard OTEL_EXPORTER_OTLP_ENDPOINT) is set.
    /// </summary>
    public static IServiceCollection AddAtlasTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["Atlas:Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(AtlasTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AtlasTelemetry.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter();
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        // Traces only where they go somewhere: without an exporter, recording an activity per request and per SQL
        // statement costs CPU for nothing.
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(AtlasTelemetry.Name).AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
        return services;
    }
}
