using GraphQL.Types;
using PartnershipAtlas.Api;

namespace PartnershipAtlas.Partnerships;

/// <summary>The kinds of network, as GraphQL enum values (MULTI_ACADEMY_TRUST, DIOCESE, …).</summary>
public sealed class PartnershipKindGraphType : DescribedEnumGraphType<PartnershipKind>
{
    public PartnershipKindGraphType()
    {
        Name = "PartnershipKind";
        Description = "A kind of school network.";
        Describe(PartnershipKind.MultiAcademyTrust, "A multi-academy trust (GIAS group type 6).");
        Describe(PartnershipKind.SingleAcademyTrust, "A single-academy trust (GIAS group type 10).");
        Describe(PartnershipKind.SecureSingleAcademyTrust, "A secure single-academy trust running a secure school (GIAS group type 11).");
        Describe(PartnershipKind.UmbrellaTrust, "An umbrella trust: a charitable trust that several trust schools share (GIAS group type 7).");
        Describe(PartnershipKind.FoundationTrust, "A foundation (trust) school's trust (GIAS group type 2).");
        Describe(PartnershipKind.Sponsor, "An academy sponsor (GIAS group type 5).");
        Describe(PartnershipKind.Federation, "A federation of maintained schools under one governing body (GIAS group type 1).");
        Describe(PartnershipKind.Diocese, "A Church of England or Roman Catholic diocese.");
        Describe(PartnershipKind.LocalAuthority, "A local authority and the schools in its area.");
        Describe(PartnershipKind.Region, "A government office region (GIAS `GOR`).");
        Describe(PartnershipKind.TeachingSchoolAlliance, "A teaching school alliance (668 until 2021), from an imported partnerships file.");
        Describe(PartnershipKind.TeachingSchoolHub, "A teaching school hub (87 from 2021) and the area it serves (reference list).");
        Describe(PartnershipKind.OpportunityArea, "One of the 12 opportunity areas (2016/17 to 2022): the schools in its LA districts (reference list).");
        Describe(PartnershipKind.EducationInvestmentArea, "One of the 55 education investment areas (2022): the schools in its LA (reference list).");
        Describe(PartnershipKind.PriorityEducationInvestmentArea, "One of the 24 priority education investment areas (2022): the schools in its LA or districts (reference list).");
        Describe(PartnershipKind.ResearchSchoolNetwork, "A research school and the schools it works with, from an imported partnerships file.");
        Describe(PartnershipKind.ProgrammeCluster, "A cluster of a funded programme (e.g. Schools Partnership Programme), from an imported partnerships file or the API.");
        Describe(PartnershipKind.Thematic, "A thematic partnership (behaviour, SEND, …), from an imported partnerships file or the API.");
        Describe(PartnershipKind.Subject, "A subject partnership (maths hub, English hub, …), from an imported partnerships file or the API.");
        Describe(PartnershipKind.UniversityPartnership, "A partnership of schools with a university, from an imported partnerships file or the API.");
        Describe(PartnershipKind.Other, "Any other network of schools, from an imported partnerships file or the API.");
    }
}

/// <summary>Hard (one governing body) or soft (collaboration) federation.</summary>
public sealed class FederationTypeGraphType : EnumerationGraphType<FederationType>
{
    public FederationTypeGraphType()
    {
        Name = "FederationType";
        Description = "HARD: schools under one governing body (the federations GIAS records); SOFT: schools collaborating with their own governing bodies.";
    }
}

/// <summary>The church a diocese belongs to.</summary>
public sealed class DioceseDenominationGraphType : EnumerationGraphType<DioceseDenomination>
{
    public DioceseDenominationGraphType()
    {
        Name = "DioceseDenomination";
        Description = "The church of a diocese: CHURCH_OF_ENGLAND or ROMAN_CATHOLIC.";
    }
}

/// <summary>The part a member plays in a network.</summary>
public sealed class MembershipRoleGraphType : EnumerationGraphType<MembershipRole>
{
    public MembershipRoleGraphType()
    {
        Name = "MembershipRole";
        Description = "The part a member plays in a network: MEMBER, LEAD, SPONSOR, FUNDER, DELIVERY_PARTNER or HUB.";
    }
}
