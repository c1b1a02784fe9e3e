using System.Globalization;

namespace PartnershipAtlas.Attainment.Imports;

/// <summary>One cell of a performance table read into a status and a number: <c>72%</c>, <c>101.5</c>, <c>SUPP</c>, <c>NE</c>, <c>" "</c>…</summary>
public readonly record struct PerformanceCell(MeasureStatus Status, double? Value, bool IsPercentage, string? Raw)
{
    private static readonly Dictionary<string, MeasureStatus> Markers = new(StringComparer.Ordinal)
    {
        ["SUPP"] = MeasureStatus.Suppressed,
        ["NP"] = MeasureStatus.NotPublished,
        ["NE"] = MeasureStatus.NoEntries,
        ["NA"] = MeasureStatus.NotApplicable,
        ["LOWCOV"] = MeasureStatus.LowCoverage,
        ["NEW"] = MeasureStatus.NewInstitution,
        ["SP"] = MeasureStatus.SmallPercentage,
        ["RE"] = MeasureStatus.Redacted,
        ["SUPP*"] = MeasureStatus.Delayed,
        ["UNAVAIL"] = MeasureStatus.Unavailable,
        ["DNS"] = MeasureStatus.OtherMarker,
        // DfE statistical-release symbols (census, absence and workforce tables): x not shown to protect confidentiality, .. and : not available.
        ["x"] = MeasureStatus.Suppressed,
        [".."] = MeasureStatus.Unavailable,
        [":"] = MeasureStatus.Unavailable,
    };

    public static PerformanceCell Parse(string raw)
    {
        var text = raw.Trim();
        if (text.Length == 0) return new(MeasureStatus.Missing, null, false, raw);
        if (Markers.TryGetValue(text, out var marker)) return new(marker, null, false, raw);
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1] : text;
        return double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new(MeasureStatus.Value, value, percent, null)
            : new(MeasureStatus.Text, null, false, raw);
    }
}
