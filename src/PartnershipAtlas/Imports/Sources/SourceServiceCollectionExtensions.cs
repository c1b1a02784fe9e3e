namespace PartnershipAtlas.Imports.Sources;

public static class SourceServiceCollectionExtensions
{
    /// <summary>The download client: an overall timeout per attempt and retries with back-off on transient failures.</summary>
    public static IServiceCollection AddImportSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SourceOptions>(configuration.GetSection("Atlas:Sources"));
        var settings = configuration.GetSection("Atlas:Sources").Get<SourceOptions>() ?? new SourceOptions();
        var timeout = settings.DownloadTimeout;
        services.AddHttpClient(ImportSources.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout * 4;
                resilience.CircuitBreaker.SamplingDuration = timeout * 2;
                resilience.Retry.MaxRetryAttempts = 3;
                resilience.Retry.Delay = settings.RetryDelay;
            });
        services.AddSingleton<ImportSources>();
        return services;
    }
}
