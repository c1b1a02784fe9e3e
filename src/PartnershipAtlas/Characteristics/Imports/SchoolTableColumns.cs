using System.Text.RegularExpressions;
using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Characteristics.Imports;

/// <summary>Where a school table's identity fields are, and its measures: every other column, by its DfE name.</summary>
internal sealed partial class SchoolTableColumns
{
    public SchoolTableColumns(CsvRows rows)
    {
        RecordType = rows.Find("RECTYPE");
        Urn = rows.Find("URN");
        La = rows.Find("LA", "LEA", "LA Number");
        Estab = rows.Find("ESTAB", "Establishment Number");
        Name = rows.Find("SCHNAME");
        Measures = rows.Headers.Where(h => h.Length > 0 && !SchoolTable.IdentityColumns.Contains(h))
            .Select(h => (CodeOf(h), rows.Find(h)!.Value)).OrderBy(x => x.Value).ToList();
    }

    public int? RecordType { get; }
    public int? Urn { get; }
    public int? La { get; }
    public int? Estab { get; }
    public int? Name { get; }

    /// <summary>Each measure's code and ordinal, in file order.</summary>
    public IReadOnlyList<(string Code, int Ordinal)> Measures { get; }

    /// <summary>A header as a measure code: as published, with runs of spaces made one (<c>Pupil:     Teacher Ratio</c>).</summary>
    public static string CodeOf(string header) => Spaces().Replace(header.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
