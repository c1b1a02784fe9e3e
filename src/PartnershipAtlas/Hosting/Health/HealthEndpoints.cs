using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PartnershipAtlas.Hosting.Health;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (store, migrations, freshness of imports).</summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddAtlasHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HealthOptions>(configuration.GetSection("Atlas:Health"));
        services.AddHealthChecks().AddCheck<StoreReadinessCheck>("store", tags: [Ready]);
        return services;
    }

    public static WebApplication MapAtlasHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });
    }
}
