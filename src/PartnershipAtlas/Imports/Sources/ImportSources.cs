using Microsoft.Extensions.Options;
using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Imports.Sources;

/// <summary>
/// Turns what a user or a schedule names into local files: a file, a folder (its CSV files in name order), an http(s)
/// URL, or <c>date:yyyy-MM-dd</c> for the dataset's published extract of that date (downloaded with timeouts and retries).
/// </summary>
public sealed class ImportSources(IHttpClientFactory httpClients, IOptions<SourceOptions> options, ILogger<ImportSources> logger)
{
    public const string HttpClientName = "dfe-downloads";

    public async Task<IReadOnlyList<string>> ResolveAsync(IDatasetImporter dataset, string source, CancellationToken cancellationToken)
    {
        if (source.StartsWith("date:", StringComparison.OrdinalIgnoreCase))
        {
            var date = DateOnly.ParseExact(source[5..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var name = dataset.PublishedFileName(date) ?? throw new ArgumentException($"Dataset '{dataset.Dataset}' has no published download for a date.");
            return [await DownloadAsync(new Uri(new Uri(options.Value.GiasDownloadBase), name), cancellationToken)];
        }
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return [await DownloadAsync(uri, cancellationToken)];
        }
        if (Directory.Exists(source)) return SourceStream.CsvFiles(source).Order(StringComparer.Ordinal).ToList();
        return [source];
    }

    /// <summary>Downloads to a temporary folder under the URL's own file name (which carries the extract date).</summary>
    private async Task<string> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("atlas-download-").FullName;
        var path = Path.Combine(folder, Path.GetFileName(uri.LocalPath) is { Length: > 0 } name ? name : "download.csv");
        logger.LogInformation("Downloading {Uri}", uri);
        using var response = await httpClients.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var file = File.Create(path);
        await response.Content.CopyToAsync(file, cancellationToken);
        return path;
    }
}
