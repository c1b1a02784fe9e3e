namespace PartnershipAtlas.Partnerships;

/// <summary>
/// Who asserted a membership (<see cref="Membership.Source"/>): the dataset that wrote it, or the API. Importers write
/// these names; the domain reads them without knowing the importers.
/// </summary>
public static class MembershipSources
{
    /// <summary>Trust, sponsor, federation, diocese, LA and region memberships read from a GIAS establishments extract.</summary>
    public const string GiasEstablishments = "gias-establishments";

    /// <summary>Dated trust memberships from the GIAS group links and trust membership history files.</summary>
    public const string GiasGroupLinks = "gias-group-links";

    /// <summary>Memberships of area networks (opportunity areas, EIAs) and of past LAs, derived from establishments' LA or district.</summary>
    public const string AreaDerived = "area-derived";

    /// <summary>Memberships of the documented partnerships file.</summary>
    public const string PartnershipsFile = "partnerships";

    /// <summary>Memberships written by the editing mutations.</summary>
    public const string Api = "api";

    /// <summary>Whether memberships of this source change only when their data is imported again, never by hand.</summary>
    public static bool IsDerived(string source) => source is GiasEstablishments or AreaDerived;
}
