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
