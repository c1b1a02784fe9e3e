using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Reference;

/// <summary>
/// An area network (opportunity area, EIA, PEIA, teaching school hub) covers the schools of one LA or one LA district
/// between two dates; its members are derived from establishments' LA code and district, never listed.
/// </summary>
public sealed class AreaCoverage
{
    public long Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }

    /// <summary>The DfE LA code covered, or null when the coverage is by district.</summary>
    public string? LaCode { get; set; }

    /// <summary>The LA district name covered (GIAS <c>DistrictAdministrative</c>), or null when the coverage is a whole LA.</summary>
    public string? District { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}
