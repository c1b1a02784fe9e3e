using System.Text.RegularExpressions;

namespace PartnershipAtlas.Attainment.Imports;

/// <summary>
/// The exam year of a performance table, the summer of the exams: from the file name (<c>2018-2019_850_ks2final.csv</c>
/// → 2019) or its folder (<c>2018-2019/england_ks2final.csv</c>), else from the <c>--year</c> option.
/// </summary>
public static partial class ExamYear
{
    public static int? FromPath(string path)
    {
        foreach (var part in new[] { Path.GetFileNameWithoutExtension(path), Path.GetFileName(Path.GetDirectoryName(path)) ?? "" })
        {
            foreach (Match match in AcademicYear().Matches(part))
            {
                var (first, second) = (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
                if (second == first + 1) return second;
            }
        }
        return null;
    }

    [GeneratedRegex(@"(?<!\d)(\d{4})[-_](\d{4})(?!\d)")]
    private static partial Regex AcademicYear();
}
