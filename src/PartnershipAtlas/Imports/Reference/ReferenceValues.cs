using System.Globalization;
using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// Reads the project's own CSV formats (reference lists, partnerships files): ISO dates, enum names as GraphQL
/// writes them (OPPORTUNITY_AREA), every problem collected as a reason for the row's rejection.
/// </summary>
public sealed class ReferenceValues(CsvRows rows)
{
    public List<string> Errors { get; } = [];

    public string Text(int? ordinal) => rows.Get(ordinal);

    public string? Optional(int? ordinal) => rows.Get(ordinal) is { Length: > 0 } text ? text : null;

    public string Required(int? ordinal, string column)
    {
        var text = rows.Get(ordinal);
        if (text.Length == 0) Errors.Add($"{column} is empty");
        return text;
    }

    public DateOnly? Date(int? ordinal, string column)
    {
        var text = rows.Get(ordinal);
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Errors.Add($"{column} '{text}' is not a yyyy-MM-dd date");
        return null;
    }

    public int? Int(int? ordinal, string column)
    {
        var text = rows.Get(ordinal);
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0) return number;
        Errors.Add($"{column} '{text}' is not a positive whole number");
        return null;
    }

    /// <summary>An enum value written as GraphQL names it (SNAKE_CASE_UPPER), or null when empty.</summary>
    public T? Enum<T>(int? ordinal, string column, IReadOnlyCollection<T>? allowed = null) where T : struct, Enum
    {
        var text = rows.Get(ordinal);
        if (text.Length == 0) return null;
        if (TryEnum<T>(text, out var value) && (allowed is null || allowed.Contains(value))) return value;
        var names = (allowed ?? System.Enum.GetValues<T>()).Select(EnumName);
        Errors.Add($"{column} '{text}' is not one of {string.Join(", ", names)}");
        return null;
    }

    /// <summary>A laCode: three digits.</summary>
    public string? LaCode(int? ordinal, string column)
    {
        var text = rows.Get(ordinal);
        if (text.Length == 0) return null;
        if (text.Length == 3 && text.All(char.IsAsciiDigit)) return text;
        Errors.Add($"{column} '{text}' is not a three-digit DfE LA code");
        return null;
    }

    /// <summary>Every reference row states its source and as-of date (<c>source</c>, <c>as_of</c>): both present, the date a date.</summary>
    public void Provenance(int? source, int? asOf)
    {
        Required(source, "source");
        Required(asOf, "as_of");
        Date(asOf, "as_of");
    }

    /// <summary>Checks that <paramref name="to"/> comes after <paramref name="from"/> when both are given.</summary>
    public void Order(DateOnly? from, DateOnly? to, string fromColumn, string toColumn)
    {
        if (from is { } f && to is { } t && t <= f) Errors.Add($"{toColumn} {t:yyyy-MM-dd} is not after {fromColumn} {f:yyyy-MM-dd}");
    }

    public static bool TryEnum<T>(string text, out T value) where T : struct, Enum =>
        System.Enum.TryParse(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out value) && System.Enum.IsDefined(value);

    public static string EnumName<T>(T value) where T : struct, Enum => PartnershipKeys.EnumName(value);

    public string? Error => Errors.Count == 0 ? null : string.Join("; ", Errors);
}

/// <summary>Lists written by hand are all-or-nothing: one bad row refuses the whole file.</summary>
public static class WholeFile
{
    public static void RefuseIfRejected(ImportContext context)
    {
        if (context.Rejections.Count == 0) return;
        var (line, reason) = context.Rejections.First[0];
        throw new ImportRefusedException($"{context.Rejections.Count} row(s) are invalid and this list is applied whole or not at all. First: line {line}: {reason}");
    }
}
