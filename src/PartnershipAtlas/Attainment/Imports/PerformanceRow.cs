using System.Globalization;
using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Attainment.Imports;

/// <summary>One performance-table row read into a result set and its cells, or the reason it cannot be.</summary>
internal sealed record PerformanceRow(ResultSet ResultSet, IReadOnlyList<(int MeasureId, PerformanceCell Cell)> Values)
{
    public static (ResultSet? ResultSet, string? Error) ReadResultSet(CsvRows rows, PerformanceTableColumns columns, KeyStageRules rules)
    {
        var recordType = rows.Get(columns.RecordType);
        if (!int.TryParse(recordType, NumberStyles.None, CultureInfo.InvariantCulture, out var type) || !rules.Levels.TryGetValue(type, out var level))
        {
            return (null, $"RECTYPE '{recordType}' is not a {rules.KeyStage} record type ({string.Join(", ", rules.Levels.Keys)})");
        }
        var la = rows.Get(columns.La);
        string key;
        int? urn = null;
        switch (level)
        {
            case ResultLevel.School:
                var urnText = rows.Get(columns.Urn);
                if (!int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var u) || u <= 0) return (null, $"a school row (RECTYPE {type}) without a valid URN ('{urnText}')");
                (urn, key) = (u, ResultSet.SchoolKey(u));
                break;
            case ResultLevel.LocalAuthority:
                if (la.Length == 0) return (null, $"an LA row (RECTYPE {type}) without an LA code in LEA");
                key = ResultSet.LocalAuthorityKey(la);
                break;
            default:
                key = level == ResultLevel.National ? ResultSet.NationalKey : ResultSet.NationalStateFundedKey;
                break;
        }
        var cohort = PerformanceCell.Parse(rows.Get(columns.Cohort));
        var disadvantaged = PerformanceCell.Parse(rows.Get(columns.DisadvantagedCohort));
        return (new ResultSet
        {
            Key = key,
            Level = level,
            RecordType = type,
            Urn = urn,
            LaCode = la.Length == 0 ? null : la,
            Name = rows.Get(columns.Name) is { Length: > 0 } name ? name : null,
            Cohort = cohort.Status == MeasureStatus.Value ? (int)cohort.Value!.Value : null,
            DisadvantagedCohort = disadvantaged.Status == MeasureStatus.Value ? (int)disadvantaged.Value!.Value : null,
        }, null);
    }
}
