using System.Globalization;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Attainment.Imports;
using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Characteristics.Imports;

/// <summary>
/// Reads one row of a school table into a result set and its cells, or the reason it cannot be. A row is about a
/// school (a URN), an LA (<c>RECTYPE=LA</c>) or England (<c>NAT</c> in URN, LA or RECTYPE; per phase when ESTAB says
/// <c>PRI</c>/<c>SEC</c>/<c>SPE</c>).
/// </summary>
internal static class SchoolTableRow
{
    public const string National = "NAT";

    public static (PerformanceRow? Row, string? Error) Read(CsvRows rows, SchoolTableColumns columns, IReadOnlyList<(int Id, string Code, int Ordinal)> measures)
    {
        if (rows.RowFieldCount < rows.HeaderCount) return (null, $"the row has {rows.RowFieldCount} fields, the header {rows.HeaderCount}");
        var (set, error) = ReadResultSet(rows, columns);
        if (set is null) return (null, error);
        var values = new List<(int, PerformanceCell)>(measures.Count);
        foreach (var (id, _, ordinal) in measures) values.Add((id, Cell(rows.GetRaw(ordinal))));
        return (new PerformanceRow(set, values), null);
    }

    /// <summary>A cell as attainment reads it, and a pound amount (<c>£45,421</c>, workforce salaries) as its number.</summary>
    public static PerformanceCell Cell(string raw)
    {
        var text = raw.Trim();
        if (text.StartsWith('£') && double.TryParse(text[1..].Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds))
        {
            return new(MeasureStatus.Value, pounds, false, null);
        }
        return PerformanceCell.Parse(raw);
    }

    private static (ResultSet? Set, string? Error) ReadResultSet(CsvRows rows, SchoolTableColumns columns)
    {
        var (recordType, urnText, la, estab) = (rows.Get(columns.RecordType), rows.Get(columns.Urn), rows.Get(columns.La), rows.Get(columns.Estab));
        var name = rows.Get(columns.Name) is { Length: > 0 } n ? n : null;
        if (recordType == National || urnText == National || la == National)
        {
            var key = estab.Length > 0 && estab.All(char.IsAsciiLetter) ? ResultSet.NationalPhaseKey(estab) : ResultSet.NationalKey;
            return (new ResultSet { Key = key, Level = ResultLevel.National, Name = name }, null);
        }
        if (recordType == "LA" || (urnText.Length == 0 && estab.Length == 0 && la.Length > 0))
        {
            if (la.Length == 0) return (null, "an LA row without an LA code");
            return (new ResultSet { Key = ResultSet.LocalAuthorityKey(la), Level = ResultLevel.LocalAuthority, LaCode = la, Name = name }, null);
        }
        if (!int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var urn) || urn <= 0)
        {
            return (null, $"a school row without a valid URN ('{urnText}')");
        }
        int.TryParse(recordType, NumberStyles.None, CultureInfo.InvariantCulture, out var type);
        return (new ResultSet
        {
            Key = ResultSet.SchoolKey(urn), Level = ResultLevel.School, RecordType = type, Urn = urn, LaCode = la.Length == 0 ? null : la, Name = name,
        }, null);
    }
}
