using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Imports.Pipeline;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>A GIAS group (trust, sponsor, federation, umbrella trust, …) as one row of a groups or group-links file gives it.</summary>
internal sealed record GiasGroup(int Uid, string? GroupId, string Name, string? CompaniesHouseNumber, PartnershipKind Kind, string? Status, DateOnly? OpenDate, DateOnly? CloseDate)
{
    public string SourceKey => PartnershipKeys.GiasGroup(Uid);

    public PartnershipRef Ref => new(Kind, SourceKey, Name);

    /// <summary>The outcome of reading a row: a group, a row to ignore (a group that is not a school network) with why, or an error.</summary>
    public sealed record ReadResult(GiasGroup? Group, string? Ignored, string? Error)
    {
        public ParsedRow<GiasGroup> Parsed => Group is not null ? Group : Ignored is not null ? ParsedRow<GiasGroup>.Ignore(Ignored) : ParsedRow<GiasGroup>.Rejected(Error!);
    }

    public static ReadResult Read(CsvRows rows, GiasGroupColumns c)
    {
        var uidText = rows.Get(c.Uid);
        if (!int.TryParse(uidText, out var uid) || uid <= 0) return new(null, null, $"Group UID '{uidText}' is not a positive whole number");
        var name = rows.Get(c.Name);
        if (GiasValues.OrNull(name) is null) return new(null, null, "Group Name is empty");
        var (kind, typeError, ignored) = GiasGroupTypes.KindOf(rows.Get(c.TypeCode), rows.Get(c.TypeName));
        if (ignored is not null) return new(null, ignored, null);
        if (kind is null) return new(null, null, typeError);

        var errors = new List<string>();
        var incorporated = Date(rows, c.IncorporatedOn, "Incorporated on (open date)", errors);
        var opened = Date(rows, c.OpenDate, "Open date", errors);
        var closed = Date(rows, c.ClosedDate, "Closed Date", errors);
        if (errors.Count > 0) return new(null, null, string.Join("; ", errors));
        var openDate = GiasGroupTypes.IsIncorporated(kind.Value) ? incorporated ?? opened : opened ?? incorporated;
        return new(new GiasGroup(uid, GiasValues.OrNull(rows.Get(c.GroupId)), name, GiasValues.OrNull(rows.Get(c.CompaniesHouseNumber)), kind.Value,
            GiasGroupTypes.StatusOf(rows.Get(c.StatusName), rows.Get(c.StatusCode)), openDate, closed), null, null);
    }

    private static DateOnly? Date(CsvRows rows, int? ordinal, string column, List<string> errors)
    {
        var text = rows.Get(ordinal);
        if (GiasValues.TryDate(text, out var date)) return date;
        errors.Add($"{column} '{text}' is not a dd/mm/yyyy date");
        return null;
    }
}
