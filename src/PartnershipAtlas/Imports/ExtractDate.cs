using System.Globalization;
using System.Text.RegularExpressions;

namespace PartnershipAtlas.Imports;

/// <summary>
/// The date an extract was taken, as its file name tells it (<c>edubasealldata20250422.csv</c>, <c>2021-05-07_…</c>),
/// or else the name of its folder (<c>2021-04-22/2021_936_gias.csv</c>: a file that ships unmodified under a name without
/// a date is dated by the folder it is kept in).
/// </summary>
public static partial class ExtractDate
{
    public static DateOnly? FromPath(string path) =>
        FromFileName(path) ?? FromFileName(Path.GetFileName(Path.GetDirectoryName(path)) ?? "");

    public static DateOnly? FromFileName(string fileName)
    {
        foreach (Match match in DatePattern().Matches(Path.GetFileNameWithoutExtension(fileName)))
        {
            var digits = match.Value.Replace("-", "", StringComparison.Ordinal);
            if (DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        }
        return null;
    }

    [GeneratedRegex(@"(?<!\d)(\d{4}-\d{2}-\d{2}|\d{8})(?!\d)")]
    private static partial Regex DatePattern();
}
