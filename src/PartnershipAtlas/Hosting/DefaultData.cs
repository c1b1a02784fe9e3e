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

    /// <summary>Each dataset folder's CSV files, in name order (so older extracts load first).</summary>
    public static IEnumerable<(string Dataset, string File)> Files(string folder) =>
        Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.csv").Order(StringComparer.Ordinal).Select(file => (Path.GetFileName(dir), file)));
}
