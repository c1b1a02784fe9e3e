using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>A network named on an establishment's row, keyed so that every file naming it finds the same partnership.</summary>
public sealed record PartnershipRef(PartnershipKind Kind, string SourceKey, string Name);

/// <summary>One establishments row read into an establishment and the networks the row names.</summary>
internal sealed record GiasEstablishmentRow(Establishment Establishment, IReadOnlyList<PartnershipRef> Networks)
{
    /// <summary>Reads the current record, or returns the reason it cannot be read.</summary>
    public static (GiasEstablishmentRow? Row, string? Error) Read(CsvRows rows, GiasEstablishmentColumns c)
    {
        if (rows.RowFieldCount < rows.HeaderCount)
        {
            return (null, $"the row has {rows.RowFieldCount} fields but the header has {rows.HeaderCount}");
        }
        var urnText = rows.Get(c.Urn);
        if (!int.TryParse(urnText, out var urn) || urn <= 0) return (null, $"URN '{urnText}' is not a positive whole number");
        var name = rows.Get(c.Name);
        if (name.Length == 0) return (null, "EstablishmentName is empty");

        var errors = new List<string>();
        var establishment = new Establishment
        {
            Urn = urn,
            Name = name,
            LaCode = GiasValues.OrNull(rows.Get(c.LaCode)),
            LaName = GiasValues.OrNull(rows.Get(c.LaName)),
            EstablishmentNumber = Int(rows, c.EstablishmentNumber, "EstablishmentNumber", errors),
            Type = GiasValues.OrNull(rows.Get(c.Type)),
            TypeGroup = GiasValues.OrNull(rows.Get(c.TypeGroup)),
            Phase = GiasValues.OrNull(rows.Get(c.Phase)),
            Status = GiasValues.OrNull(rows.Get(c.Status)),
            OpenDate = Date(rows, c.OpenDate, "OpenDate", errors),
            CloseDate = Date(rows, c.CloseDate, "CloseDate", errors),
            StatutoryLowAge = Int(rows, c.StatutoryLowAge, "StatutoryLowAge", errors),
            StatutoryHighAge = Int(rows, c.StatutoryHighAge, "StatutoryHighAge", errors),
            NumberOfPupils = Int(rows, c.NumberOfPupils, "NumberOfPupils", errors),
            PercentageFsm = Double(rows, c.PercentageFsm, "PercentageFSM", errors),
            Postcode = GiasValues.OrNull(rows.Get(c.Postcode)),
            Easting = Int(rows, c.Easting, "Easting", errors),
            Northing = Int(rows, c.Northing, "Northing", errors),
            Region = GiasValues.OrNull(rows.Get(c.Region)),
            District = GiasValues.OrNull(rows.Get(c.District)),
        };
        if (errors.Count > 0) return (null, string.Join("; ", errors));
        return (new GiasEstablishmentRow(establishment, NetworksNamed(rows, c, establishment).ToList()), null);
    }

    private static IEnumerable<PartnershipRef> NetworksNamed(CsvRows rows, GiasEstablishmentColumns c, Establishment e)
    {
        var trustName = GiasValues.OrNull(rows.Get(c.TrustName));
        if (trustName is not null && TrustKind(rows.Get(c.TrustFlag)) is { } trustKind)
        {
            yield return new(trustKind, GroupKey(rows.Get(c.TrustCode), trustKind, trustName), trustName);
        }
        if (GiasValues.OrNull(rows.Get(c.SponsorName)) is { } sponsor)
        {
            yield return new(PartnershipKind.Sponsor, PartnershipKeys.ByName(PartnershipKind.Sponsor, sponsor), sponsor);
        }
        if (GiasValues.OrNull(rows.Get(c.FederationName)) is { } federation)
        {
            yield return new(PartnershipKind.Federation, GroupKey(rows.Get(c.FederationCode), PartnershipKind.Federation, federation), federation);
        }
        if (GiasValues.OrNull(rows.Get(c.DioceseName)) is { } diocese)
        {
            yield return new(PartnershipKind.Diocese, PartnershipKeys.ByName(PartnershipKind.Diocese, diocese), diocese);
        }
        if (e.LaCode is { } laCode)
        {
            yield return new(PartnershipKind.LocalAuthority, PartnershipKeys.LocalAuthority(laCode), e.LaName ?? $"Local authority {laCode}");
        }
        if (e.Region is { } region)
        {
            yield return new(PartnershipKind.Region, PartnershipKeys.ByName(PartnershipKind.Region, region), region);
        }
    }

    /// <summary>The kind of trust, from <c>TrustSchoolFlag</c>; null when the school is not supported by a trust.</summary>
    public static PartnershipKind? TrustKind(string flag) => flag.ToUpperInvariant() switch
    {
        var f when f.Contains("MULTI-ACADEMY", StringComparison.Ordinal) => PartnershipKind.MultiAcademyTrust,
        var f when f.Contains("SINGLE-ACADEMY", StringComparison.Ordinal) => PartnershipKind.SingleAcademyTrust,
        "SUPPORTED BY A TRUST" => PartnershipKind.FoundationTrust,
        "" => PartnershipKind.MultiAcademyTrust, // a file without the flag column: trusts named there are almost all MATs
        _ => null,
    };

    private static string GroupKey(string code, PartnershipKind kind, string name) =>
        GiasValues.OrNull(code) is { } uid ? PartnershipKeys.GiasGroup(uid) : PartnershipKeys.ByName(kind, name);

    private static DateOnly? Date(CsvRows rows, int? ordinal, string column, List<string> errors)
    {
        var text = rows.Get(ordinal);
        if (GiasValues.TryDate(text, out var date)) return date;
        errors.Add($"{column} '{text}' is not a dd-mm-yyyy date");
        return null;
    }

    private static int? Int(CsvRows rows, int? ordinal, string column, List<string> errors)
    {
        var text = rows.Get(ordinal);
        if (GiasValues.TryInt(text, out var number)) return number;
        errors.Add($"{column} '{text}' is not a whole number");
        return null;
    }

    private static double? Double(CsvRows rows, int? ordinal, string column, List<string> errors)
    {
        var text = rows.Get(ordinal);
        if (GiasValues.TryDouble(text, out var number)) return number;
        errors.Add($"{column} '{text}' is not a number");
        return null;
    }
}
