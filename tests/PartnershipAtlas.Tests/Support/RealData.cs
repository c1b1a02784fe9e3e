namespace PartnershipAtlas.Tests.Support;

/// <summary>The real DfE files in <c>../shared/data/real</c> beside the checkout, and the repository's own folders.</summary>
public static class RealData
{
    public static string RepositoryRoot { get; } = FindUp("PartnershipAtlas.sln") ?? throw new InvalidOperationException("PartnershipAtlas.sln not found above the test binaries.");

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "real"));

    public static string GiasExport2022 => File("gias-hants-surrey", "20220420_gias.csv");
    public static string GiasSurrey2021 => File("gias-hants-surrey", "2021_936_gias.csv");
    public static string GiasNarrow2021 => File("gias-hants-surrey", "2021-05-07_850_936_gias.csv");

    /// <summary>The DfE performance tables (KS2, KS4) for Hampshire (850) and Surrey (936), 2016/17 to 2018/19.</summary>
    public static IReadOnlyList<string> PerformanceTables => Directory.GetFiles(Path.Combine(Folder, "perf-tables-hants-surrey"), "*.csv").Order(StringComparer.Ordinal).ToList();

    public static string PerformanceTable(string fileName) => File("perf-tables-hants-surrey", fileName);

    public static string GiasLinks2023 => File("gias-links", "links_edubasealldata20230421.csv");

    public static string File(params string[] parts)
    {
        var path = Path.Combine([Folder, .. parts]);
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"Real data file missing: {path} (CI lays ../shared beside the checkout).");
    }

    private static string? FindUp(string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, marker))) return dir.FullName;
        }
        return null;
    }
}
