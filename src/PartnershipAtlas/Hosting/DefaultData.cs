using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Imports.Gias;
using PartnershipAtlas.Imports.PartnershipsFile;

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
    /// Establishments and their networks load before anything that refers to them (results, census), in this order;
    /// the other datasets follow in name order.
    /// </summary>
    private static readonly string[] LoadOrder =
        [GiasEstablishmentsImporter.Name, GiasGroupsImporter.Name, GiasGroupLinksImporter.Name, GiasLinksImporter.Name, PartnershipsFileImporter.Name];

    /// <summary>
    /// Each default dataset folder's CSV files, its subfolders' too (a dated folder gives the extract date of a file
    /// whose name has none), older extracts first. The reference lists are not among them: every store applies those
    /// (<see cref="Imports.Reference.ReferenceLists"/>).
    /// </summary>
    public static IEnumerable<(string Dataset, string File)> Files(string folder) =>
        Directory.EnumerateDirectories(folder).Select(dir => Path.GetFileName(dir))
            .OrderBy(dataset => Array.IndexOf(LoadOrder, dataset) is var i and >= 0 ? i : LoadOrder.Length).ThenBy(dataset => dataset, StringComparer.Ordinal)
            .SelectMany(dataset => SourceStream.CsvFiles(Path.Combine(folder, dataset), SearchOption.AllDirectories)
                .OrderBy(file => ExtractDate.FromPath(file) ?? DateOnly.MinValue).ThenBy(file => file, StringComparer.Ordinal)
                .Select(file => (dataset, file)));
}
