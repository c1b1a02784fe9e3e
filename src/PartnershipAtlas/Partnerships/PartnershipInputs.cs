using GraphQL.Types;
using PartnershipAtlas.Api;

namespace PartnershipAtlas.Partnerships;

public sealed class CreatePartnershipInput
{
    public PartnershipKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? Key { get; set; }
    public string? Code { get; set; }
    public DateOnly? OpenDate { get; set; }
    public DateOnly? CloseDate { get; set; }
    public FederationType? FederationType { get; set; }
    public DioceseDenomination? Denomination { get; set; }
}

public sealed class OrganisationInput
{
    public string Name { get; set; } = "";
    public OrganisationKind Kind { get; set; }
}

public sealed class AddMemberInput
{
    public string PartnershipId { get; set; } = "";
    public int? Urn { get; set; }
    public int? OrganisationId { get; set; }
    public OrganisationInput? Organisation { get; set; }
    public string? MemberPartnershipId { get; set; }
    public MembershipRole? Role { get; set; }
    public DateOnly? Joined { get; set; }
    public DateOnly? Left { get; set; }
}

public sealed class EndMembershipInput
{
    public string MembershipId { get; set; } = "";
    public DateOnly Left { get; set; }
}

public sealed class RecordReviewInput
{
    public string PartnershipId { get; set; } = "";
    public DateOnly Date { get; set; }
    public ReviewKind Kind { get; set; }
    public int? ReviewerUrn { get; set; }
    public int ReviewedUrn { get; set; }
    public string? Focus { get; set; }
    public string? Outcome { get; set; }
}

public sealed class CreatePartnershipInputGraphType : InputObjectGraphType<CreatePartnershipInput>
{
    public CreatePartnershipInputGraphType()
    {
        Name = "CreatePartnershipInput";
        Description = "A network that no DfE extract holds (programme cluster, thematic, subject, university partnership, research school network, …).";
        Field<NonNullGraphType<PartnershipKindGraphType>>("kind").Description("The kind of network; area kinds (LA, region, OA, EIA, PEIA) are derived, not created.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The network's name.");
        Field<StringGraphType>("key").Description("A stable key of your own (default: kind and name); a second network with the same key is refused.");
        Field<StringGraphType>("code").Description("A code the network is known by, if any.");
        Field<DateScalar>("openDate").Description("When the network began.");
        Field<DateScalar>("closeDate").Description("When it ended; must be after openDate.");
        Field<FederationTypeGraphType>("federationType").Description("HARD or SOFT; only for FEDERATION.");
        Field<DioceseDenominationGraphType>("denomination").Description("Only for DIOCESE.");
    }
}

public sealed class OrganisationInputGraphType : InputObjectGraphType<OrganisationInput>
{
    public OrganisationInputGraphType()
    {
        Name = "OrganisationInput";
        Description = "A member that is not a school in GIAS, found by kind and name or created.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The organisation's name.");
        Field<NonNullGraphType<OrganisationKindGraphType>>("kind").Description("What sort of organisation it is.");
    }
}

public sealed class AddMemberInputGraphType : InputObjectGraphType<AddMemberInput>
{
    public AddMemberInputGraphType()
    {
        Name = "AddMemberInput";
        Description = "A new membership: exactly one of urn, organisationId, organisation and memberPartnershipId names the member.";
        Field<NonNullGraphType<IdGraphType>>("partnershipId").Description("The network's global id.");
        Field<IntGraphType>("urn").Description("The member establishment's URN.");
        Field<IntGraphType>("organisationId").Description("An existing organisation's number.");
        Field<OrganisationInputGraphType>("organisation").Description("An organisation by kind and name (created when new).");
        Field<IdGraphType>("memberPartnershipId").Description("A network's global id: the network becomes a member (a trust in an umbrella trust); a cycle (A in B in A) is refused.");
        Field<MembershipRoleGraphType>("role").Description("The member's role (default MEMBER).");
        Field<DateScalar>("joined").Description("When the membership began.");
        Field<DateScalar>("left").Description("When it ended; must be after joined.");
    }
}

public sealed class EndMembershipInputGraphType : InputObjectGraphType<EndMembershipInput>
{
    public EndMembershipInputGraphType()
    {
        Name = "EndMembershipInput";
        Description = "Ends a membership that is still open.";
        Field<NonNullGraphType<IdGraphType>>("membershipId").Description("The membership's global id.");
        Field<NonNullGraphType<DateScalar>>("left").Description("The day it ended (the first day it no longer holds); must be after joined.");
    }
}

public sealed class RecordReviewInputGraphType : InputObjectGraphType<RecordReviewInput>
{
    public RecordReviewInputGraphType()
    {
        Name = "RecordReviewInput";
        Description = "A self-review, peer review or follow-up support event in a partnership.";
        Field<NonNullGraphType<IdGraphType>>("partnershipId").Description("The network's global id.");
        Field<NonNullGraphType<DateScalar>>("date").Description("When it took place.");
        Field<NonNullGraphType<ReviewKindGraphType>>("kind").Description("SELF_REVIEW, PEER_REVIEW or FOLLOW_UP_SUPPORT.");
        Field<IntGraphType>("reviewerUrn").Description("The reviewing school (default for a self-review: the reviewed school).");
        Field<NonNullGraphType<IntGraphType>>("reviewedUrn").Description("The school reviewed or supported; it must be a member on the date.");
        Field<StringGraphType>("focus").Description("What the review looked at.");
        Field<StringGraphType>("outcome").Description("What it found or agreed.");
    }
}
