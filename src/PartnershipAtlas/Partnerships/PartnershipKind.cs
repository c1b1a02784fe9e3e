namespace PartnershipAtlas.Partnerships;

/// <summary>The kinds of network a school can belong to.</summary>
public enum PartnershipKind
{
    MultiAcademyTrust,
    SingleAcademyTrust,
    SecureSingleAcademyTrust,
    FoundationTrust,
    Sponsor,
    UmbrellaTrust,
    Federation,
    Diocese,
    LocalAuthority,
    Region,
}
