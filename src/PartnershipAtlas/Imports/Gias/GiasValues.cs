using System.Globalization;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>Reads GIAS field values into typed values; a value that cannot be read gives a reason instead.</summary>
public static class GiasValues
{
    private static readonly string[] DateFormats = ["dd-MM-yyyy", "dd/MM/yyyy", "yyyy-MM-dd"];

    /// <summary>Values GIAS writes where it has nothing to say.</summary>
    private static readonly HashSet<string> Nothing = new(StringComparer.OrdinalIgnoreCase) { "", "Not applicable", "Does not apply", "Not recorded", "..", "-" };

    public static bool IsNothing(string value) => Nothing.Contains(value);

    /// <summary>A <c>dd-mm-yyyy</c> (or <c>dd/mm/yyyy</c>) date; empty, <c>Not recorded</c> and the placeholders 01-01-1900 / 01-01-1800 mean unknown.</summary>
    public static bool TryDate(string value, out DateOnly? date)
    {
        date = null;
        if (IsNothing(value)) return true;
        if (!DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        if (parsed.Year > 1900 || parsed.Month != 1 || parsed.Day != 1) date = parsed;
        return true;
    }

    public static bool TryInt(string value, out int? number)
    {
        number = null;
        if (IsNothing(value)) return true;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return false;
        number = parsed;
        return true;
    }

    public static bool TryDouble(string value, out double? number)
    {
        number = null;
        if (IsNothing(value)) return true;
        if (!double.TryParse(value.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return false;
        number = parsed;
        return true;
    }

    /// <summary>A name to key on: upper case, single spaces.</summary>
    public static string Normalise(string name) => Partnerships.PartnershipKeys.Normalise(name);

    public static string? OrNull(string value) => IsNothing(value) ? null : value;
}
