namespace PartnershipAtlas.Hosting;

/// <summary>The data the product ships: <c>data/default/&lt;dataset&gt;/*.csv</c>, loaded on a first start.</summary>
public static class DefaultData
{
    public static string? Locate(string? configured)
    {
        if (!string.IsNullOrEmpty(configured)) return Directory.Exists(configured) ? configured : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "default");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// The reference lists (<c>data/reference/&lt;dataset&gt;/*.csv</c>, beside <c>data/default</c>) and then each default
    /// dataset folder's CSV files, in name order (so older extracts load first).
    /// </summary>
    public static IEnumerable<(string Dataset, string File)> Files(string folder) =>
        (Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)) is { } data && Directory.Exists(Path.Combine(data, "reference"))
            ? DatasetFiles(Path.Combine(data, "reference"))
            : []).Concat(DatasetFiles(folder));

    private static IEnumerable<(string Dataset, string File)> DatasetFiles(string folder) =>
        Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.csv").Order(StringComparer.Ordinal).Select(file => (Path.GetFileName(dir), file)));
}
