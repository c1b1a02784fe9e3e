using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Partnerships;

/// <summary>What <c>where: PartnershipFilterInput</c> and <c>order: [PartnershipSortInput!]</c> offer.</summary>
public sealed class PartnershipQueryFields : QueryFields<Partnership>
{
    public PartnershipQueryFields()
    {
        Id(p => p.Id, PartnershipGraphType.TypeName);
        Field("kind", p => p.Kind);
        Field("name", p => p.Name);
        Field("sourceKey", p => p.SourceKey);
        Field("code", p => p.Code);
        Field("federationType", p => p.FederationType);
        Field("denomination", p => p.Denomination);
        Field("groupId", p => p.GroupId);
        Field("companiesHouseNumber", p => p.CompaniesHouseNumber);
        Field("status", p => p.Status);
        Field("website", p => p.Website);
        Field("contactEmail", p => p.ContactEmail);
        Field("contactPhone", p => p.ContactPhone);
        Field("openDate", p => p.OpenDate);
        Field("closeDate", p => p.CloseDate);
        Field("memberships", p => p.Memberships); // every membership, past and present
        Field("reviews", p => p.Reviews);
    }
}

/// <summary>What <c>MembershipFilterInput</c> and <c>MembershipSortInput</c> offer: the member and the network through their own fields.</summary>
public sealed class MembershipQueryFields : QueryFields<Membership>
{
    public MembershipQueryFields()
    {
        Id(m => m.Id, MembershipGraphType.TypeName);
        Field("role", m => m.Role);
        Field("joined", m => m.Joined);
        Field("left", m => m.Left);
        Field("source", m => m.Source);
        Field("partnership", m => m.Partnership);
        Field("establishment", m => m.Establishment);
        Field("organisation", m => m.Organisation);
        Field("memberPartnership", m => m.MemberPartnership);
    }
}

/// <summary>What <c>OrganisationFilterInput</c> and <c>OrganisationSortInput</c> offer.</summary>
public sealed class OrganisationQueryFields : QueryFields<Organisation>
{
    public OrganisationQueryFields()
    {
        Field("name", o => o.Name);
        Field("kind", o => o.Kind);
    }
}

/// <summary>What <c>ReviewFilterInput</c> offers (inside <c>Partnership.reviews</c>).</summary>
public sealed class ReviewQueryFields : QueryFields<Review>
{
    public ReviewQueryFields()
    {
        Field("date", r => r.Date);
        Field("kind", r => r.Kind);
        Field("reviewerUrn", r => r.ReviewerUrn);
        Field("reviewedUrn", r => r.ReviewedUrn);
        Field("focus", r => r.Focus);
        Field("outcome", r => r.Outcome);
        Field("source", r => r.Source);
    }
}
