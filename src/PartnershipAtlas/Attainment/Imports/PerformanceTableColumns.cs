using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Attainment.Imports;

/// <summary>
/// Where the identifying fields of one performance table are, and which fields are measures: every other column
/// the year's file has (columns change between years, so they are taken by name, as found).
/// </summary>
internal sealed class PerformanceTableColumns
{
    private static readonly HashSet<string> Identity = new(StringComparer.OrdinalIgnoreCase)
    {
        "RECTYPE", "ALPHAIND", "LEA", "ESTAB", "URN", "SCHNAME", "ADDRESS1", "ADDRESS2", "ADDRESS3", "TOWN", "PCODE", "TELNUM", "PCON_CODE", "PCON_NAME",
    };

    public PerformanceTableColumns(CsvRows rows, KeyStageRules rules)
    {
        RecordType = rows.Find("RECTYPE");
        Urn = rows.Find("URN");
        La = rows.Find("LEA");
        Name = rows.Find("SCHNAME");
        Cohort = rows.Find(rules.CohortCode);
        DisadvantagedCohort = rows.Find(KeyStageRules.DisadvantagedCohortCode);
        Measures = rows.Headers.Where(h => h.Length > 0 && !Identity.Contains(h)).Select(h => (h, rows.Find(h)!.Value)).OrderBy(x => x.Value).ToList();
    }

    public int? RecordType { get; }
    public int? Urn { get; }
    public int? La { get; }
    public int? Name { get; }
    public int? Cohort { get; }
    public int? DisadvantagedCohort { get; }

    /// <summary>Each measure's code and ordinal, in file order.</summary>
    public IReadOnlyList<(string Code, int Ordinal)> Measures { get; }
}
