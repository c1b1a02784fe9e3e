using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Audit;

/// <summary>What <c>where: AuditEntryFilterInput</c> and <c>order: [AuditEntrySortInput!]</c> offer: the fields <c>AuditEntry</c> shows.</summary>
public sealed class AuditEntryQueryFields : QueryFields<AuditEntry>
{
    public AuditEntryQueryFields()
    {
        Id(e => e.Id);
        Field("at", e => e.At);
        Field("actor", e => e.Actor);
        Field("operation", e => e.Operation);
        Field("before", e => e.Before);
        Field("after", e => e.After);
    }
}
