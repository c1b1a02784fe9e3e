using Microsoft.AspNetCore.Server.Kestrel.Core;
using PartnershipAtlas.Api.Limits;

namespace PartnershipAtlas.Hosting.Security;

/// <summary>Registers the security headers, CORS from <c>Atlas:Cors</c> and Kestrel's limits on slow clients.</summary>
public static class SecurityServiceCollectionExtensions
{
    public const string CorsPolicy = "atlas";

    public static WebApplicationBuilder AddAtlasSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.AddSingleton<SecurityHeaders>();
        var cors = builder.Configuration.GetSection(AtlasCorsOptions.Section).Get<AtlasCorsOptions>() ?? new();
        if (cors.Problem() is { } problem) throw new InvalidOperationException(problem);
        if (cors.AllowedOrigins.Count > 0)
        {
            builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
            {
                if (cors.AllowedOrigins.Any(o => o.Trim() == "*")) policy.AllowAnyOrigin();
                else policy.WithOrigins([.. cors.AllowedOrigins.Select(o => o.Trim().TrimEnd('/'))]);
                if (cors.AllowCredentials) policy.AllowCredentials();
                policy.WithMethods("GET", "POST").WithHeaders("Content-Type", "Accept", "X-Api-Key", "Authorization").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
            }));
        }
        var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.RequestHeadersTimeout = limits.RequestHeadersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
        });
        return builder;
    }

    public static WebApplication UseAtlasSecurity(this WebApplication app)
    {
        var headers = app.Services.GetRequiredService<SecurityHeaders>();
        app.Use((http, next) => headers.InvokeAsync(http, next));
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null
            && app.Configuration.GetSection(AtlasCorsOptions.Section).Get<AtlasCorsOptions>() is { AllowedOrigins.Count: > 0 })
        {
            app.UseCors(CorsPolicy);
        }
        return app;
    }
}
