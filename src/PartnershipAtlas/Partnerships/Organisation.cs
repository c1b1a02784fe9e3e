namespace PartnershipAtlas.Partnerships;

/// <summary>A member of networks that is not a school in GIAS: a university, charity, independent school, funder, research school…</summary>
public sealed class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }

    /// <summary>Kind and normalised name, so every file and call naming it finds the same organisation.</summary>
    public required string SourceKey { get; set; }
    public List<Membership> Memberships { get; set; } = [];
}

/// <summary>What sort of organisation a non-school member is.</summary>
public enum OrganisationKind
{
    University,
    Charity,
    IndependentSchool,
    Funder,
    ResearchSchool,
    Company,
    LocalBody,
    Other,
}
