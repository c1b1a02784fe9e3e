namespace PartnershipAtlas.Imports.Sources;

/// <summary>Settings under <c>Atlas:Sources</c>: where DfE publishes its files.</summary>
public sealed class SourceOptions
{
    /// <summary>The folder URL of the GIAS downloads (the dataset's published file name is appended).</summary>
    public string GiasDownloadBase { get; set; } = "https://ea-edubase-api-prod.azurewebsites.net/edubase/downloads/public/";

    /// <summary>How long one download may take before it is retried.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first pause before a retry (it grows exponentially, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
