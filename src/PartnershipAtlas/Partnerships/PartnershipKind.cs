namespace PartnershipAtlas.Partnerships;

/// <summary>The kinds of network a school can belong to.</summary>
public enum PartnershipKind
{
    MultiAcademyTrust,
    SingleAcademyTrust,
    FoundationTrust,
    Sponsor,
    Federation,
    Diocese,
    LocalAuthority,
    Region,
    TeachingSchoolAlliance,
    TeachingSchoolHub,
    OpportunityArea,
    EducationInvestmentArea,
    PriorityEducationInvestmentArea,
    ResearchSchoolNetwork,
    ProgrammeCluster,
    Thematic,
    Subject,
    UniversityPartnership,
    Other,
    UmbrellaTrust,
    SecureSingleAcademyTrust,
}
