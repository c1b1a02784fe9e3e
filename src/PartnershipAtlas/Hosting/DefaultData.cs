namespace PartnershipAtlas.Hosting;

/// <summary>The data the product ships: <c>data/default/&lt;dataset&gt;/*.csv</c>, loaded on a first start.</summary>
public static class DefaultData
{
    public static string? Locate(string? configured) => Locate(configured, "default");

    /// <summary>The configured folder when it exists, else <c>data/&lt;name&gt;</c> found by walking up from the working and the program's directories.</summary>
    public static string? Locate(string? configured, string name)
    {
        if (!string.IsNullOrEmpty(configured)) return Directory.Exists(configured) ? configured : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", name);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Each default dataset folder's CSV files, in name order (so older extracts load first). The reference lists are
    /// not among them: every store applies those (<see cref="Imports.Reference.ReferenceLists"/>).
    /// </summary>
    public static IEnumerable<(string Dataset, string File)> Files(string folder) =>
        Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.csv").Order(StringComparer.Ordinal).Select(file => (Path.GetFileName(dir), file)));
}
