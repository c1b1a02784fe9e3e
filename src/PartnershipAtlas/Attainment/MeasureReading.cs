namespace PartnershipAtlas.Attainment;

/// <summary>A stored cell: its number or marker, and whether the measure is a percentage.</summary>
public sealed record StoredValue(double? Value, MeasureStatus Status, string? Raw, bool IsPercentage);

/// <summary>One measure as the API gives it: code, field-guide label, value or marker, and confidence limits where published.</summary>
public sealed record MeasureReading(string Code, string? Label, double? Value, MeasureStatus Status, string? Raw, bool IsPercentage, double? Lower, double? Upper);

/// <summary>A result set with its stored values, read by code (without regard to case).</summary>
public sealed record ResultValues(ResultSet Set, IReadOnlyDictionary<string, StoredValue> Values)
{
    /// <summary>The measure; a field the row does not have is <c>NEW_INSTITUTION</c> for a new school, else <c>MISSING</c>.</summary>
    public MeasureReading Read(string code)
    {
        var label = FieldGuide.Label(Set.KeyStage, Set.Year, code);
        if (!Values.TryGetValue(code, out var stored))
        {
            return new(code, label, null, Set.IsNewInstitution ? MeasureStatus.NewInstitution : MeasureStatus.Missing, null, false, null, null);
        }
        var (lower, upper) = KeyStageRules.ConfidenceCodesFor(code);
        return new(code, label, stored.Value, stored.Status, stored.Raw, stored.IsPercentage, FirstValue(lower), FirstValue(upper));
    }

    public double? ValueOf(string code) => Values.TryGetValue(code, out var v) && v.Status == MeasureStatus.Value ? v.Value : null;

    private double? FirstValue(string[] codes) => codes.Select(ValueOf).FirstOrDefault(v => v is not null);
}
