using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Establishments;

/// <summary>What <c>where: EstablishmentFilterInput</c> and <c>order: [EstablishmentSortInput!]</c> offer: the fields <c>Establishment</c> shows.</summary>
public sealed class EstablishmentQueryFields : QueryFields<Establishment>
{
    public EstablishmentQueryFields()
    {
        Field("urn", e => e.Urn);
        Field("name", e => e.Name);
        Field("laCode", e => e.LaCode);
        Field("laName", e => e.LaName);
        Field("establishmentNumber", e => e.EstablishmentNumber);
        Field("type", e => e.Type);
        Field("typeGroup", e => e.TypeGroup);
        Field("phase", e => e.Phase);
        Field("status", e => e.Status);
        Field("openDate", e => e.OpenDate);
        Field("closeDate", e => e.CloseDate);
        Field("statutoryLowAge", e => e.StatutoryLowAge);
        Field("statutoryHighAge", e => e.StatutoryHighAge);
        Field("numberOfPupils", e => e.NumberOfPupils);
        Field("percentageFsm", e => e.PercentageFsm);
        Field("postcode", e => e.Postcode);
        Field("easting", e => e.Easting);
        Field("northing", e => e.Northing);
        Field("region", e => e.Region);
        Field("district", e => e.District);
        Field("memberships", e => e.Memberships); // every membership, past and present
    }
}
