using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Establishments;

/// <summary>
/// The columns each field of the <c>Establishment</c> type reads: a page of establishments reads only those its nodes
/// select (its memberships, networks and links are loaded by URN). A field must be declared with every column its
/// resolver reads; one not declared makes the page read whole rows. <c>EstablishmentNarrowReadTests</c> compares every
/// declared field with the whole read.
/// </summary>
public static class EstablishmentNarrowRead
{
    public static readonly NarrowRead<Establishment> Columns = new(new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["__typename"] = [],
        ["id"] = [],
        ["urn"] = [],
        ["name"] = [],
        ["laCode"] = [nameof(Establishment.LaCode)],
        ["laName"] = [nameof(Establishment.LaName)],
        ["establishmentNumber"] = [nameof(Establishment.EstablishmentNumber)],
        ["type"] = [nameof(Establishment.Type)],
        ["typeGroup"] = [nameof(Establishment.TypeGroup)],
        ["phase"] = [nameof(Establishment.Phase)],
        ["status"] = [nameof(Establishment.Status)],
        ["openDate"] = [nameof(Establishment.OpenDate)],
        ["closeDate"] = [nameof(Establishment.CloseDate)],
        ["statutoryLowAge"] = [nameof(Establishment.StatutoryLowAge)],
        ["statutoryHighAge"] = [nameof(Establishment.StatutoryHighAge)],
        ["numberOfPupils"] = [nameof(Establishment.NumberOfPupils)],
        ["percentageFsm"] = [nameof(Establishment.PercentageFsm)],
        ["postcode"] = [nameof(Establishment.Postcode)],
        ["easting"] = [nameof(Establishment.Easting)],
        ["northing"] = [nameof(Establishment.Northing)],
        ["region"] = [nameof(Establishment.Region)],
        ["district"] = [nameof(Establishment.District)],
        ["memberships"] = [],
        ["partnerships"] = [],
        ["links"] = [],
        ["predecessors"] = [],
        ["successors"] = [],
    }, [nameof(Establishment.Urn), nameof(Establishment.Name)]);
}
