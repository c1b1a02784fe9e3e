namespace PartnershipAtlas.Attainment;

/// <summary>One published field of a result set: its number, or the marker published instead.</summary>
public sealed class MeasureValue
{
    public long ResultSetId { get; set; }
    public int MeasureId { get; set; }

    /// <summary>The number when <see cref="Status"/> is <see cref="MeasureStatus.Value"/>, otherwise null.</summary>
    public double? Value { get; set; }

    public MeasureStatus Status { get; set; }

    /// <summary>The text as published when it is not a plain number (markers, descriptive text); null for numbers.</summary>
    public string? Raw { get; set; }
}
