namespace PartnershipAtlas.Reference;

/// <summary>
/// A district name a reference list writes (e.g. the teaching school hubs list's "Bristol") and the name GIAS gives the
/// same district in <c>DistrictAdministrative (name)</c> ("Bristol, City of"), from <c>data/reference/district-aliases</c>.
/// Area coverages by district match establishments through it.
/// </summary>
public sealed class DistrictAlias
{
    public required string Alias { get; set; }
    public required string District { get; set; }
    public string? Source { get; set; }
}
