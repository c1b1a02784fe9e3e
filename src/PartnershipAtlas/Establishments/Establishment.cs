using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Establishments;

/// <summary>A school or other establishment as Get Information about Schools (GIAS) records it.</summary>
public sealed class Establishment
{
    public int Urn { get; set; }
    public required string Name { get; set; }
    public string? LaCode { get; set; }
    public string? LaName { get; set; }
    public int? EstablishmentNumber { get; set; }
    public string? Type { get; set; }
    public string? TypeGroup { get; set; }
    public string? Phase { get; set; }
    public string? Status { get; set; }
    public DateOnly? OpenDate { get; set; }
    public DateOnly? CloseDate { get; set; }
    public int? StatutoryLowAge { get; set; }
    public int? StatutoryHighAge { get; set; }
    public int? NumberOfPupils { get; set; }
    public double? PercentageFsm { get; set; }
    public string? Postcode { get; set; }
    public int? Easting { get; set; }
    public int? Northing { get; set; }
    public string? Region { get; set; }
    public string? District { get; set; }
    public List<Membership> Memberships { get; set; } = [];
}
