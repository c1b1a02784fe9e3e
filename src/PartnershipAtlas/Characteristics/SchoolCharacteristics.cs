using PartnershipAtlas.Attainment;

namespace PartnershipAtlas.Characteristics;

/// <summary>
/// A school's characteristics for one year: the result sets of that year in the census, absence, workforce and
/// destinations tables, with their stored values, read by DfE code.
/// </summary>
public sealed record SchoolCharacteristics(int Year, IReadOnlyList<ResultValues> Sets)
{
    /// <summary>Some table of the year was published as provisional.</summary>
    public bool Provisional => Sets.Any(s => s.Set.IsProvisional);

    /// <summary>The measure from the first table that has it; MISSING when none does (never a zero or a bare null).</summary>
    public MeasureReading Read(string code)
    {
        foreach (var set in Sets)
        {
            if (set.Values.TryGetValue(code, out var stored))
            {
                return new(code, CharacteristicsCatalog.Label(code), stored.Value, stored.Status, stored.Raw, stored.IsPercentage, null, null);
            }
        }
        return new(code, CharacteristicsCatalog.Label(code), null, MeasureStatus.Missing, null, false, null, null);
    }

    /// <summary>The number when the measure has one.</summary>
    public double? ValueOf(string code) => Read(code) is { Status: MeasureStatus.Value } reading ? reading.Value : null;

    /// <summary>Every code the year's tables hold.</summary>
    public IEnumerable<string> Codes => Sets.SelectMany(s => s.Values.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
}
