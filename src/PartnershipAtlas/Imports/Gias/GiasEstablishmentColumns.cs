using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// Where each field is in one GIAS establishments file, found by header name. Both flavours map here: the national
/// extract's <c>X (code)</c>/<c>X (name)</c> pairs and the search export's <c>X (name)</c> columns.
/// </summary>
internal sealed class GiasEstablishmentColumns(CsvRows rows)
{
    public static readonly IReadOnlyList<string[]> Required = [["URN"], ["EstablishmentName"]];

    public int? Urn { get; } = rows.Find("URN");
    public int? Name { get; } = rows.Find("EstablishmentName");
    public int? LaCode { get; } = rows.Find("LA (code)", "LA");
    public int? LaName { get; } = rows.Find("LA (name)");
    public int? EstablishmentNumber { get; } = rows.Find("EstablishmentNumber");
    public int? Type { get; } = rows.Find("TypeOfEstablishment (name)", "TypeOfEstablishment");
    public int? TypeGroup { get; } = rows.Find("EstablishmentTypeGroup (name)", "EstablishmentTypeGroup");
    public int? Phase { get; } = rows.Find("PhaseOfEducation (name)", "PhaseOfEducation");
    public int? Status { get; } = rows.Find("EstablishmentStatus (name)", "EstablishmentStatus");
    public int? OpenDate { get; } = rows.Find("OpenDate");
    public int? CloseDate { get; } = rows.Find("CloseDate");
    public int? StatutoryLowAge { get; } = rows.Find("StatutoryLowAge");
    public int? StatutoryHighAge { get; } = rows.Find("StatutoryHighAge");
    public int? NumberOfPupils { get; } = rows.Find("NumberOfPupils");
    public int? PercentageFsm { get; } = rows.Find("PercentageFSM");
    public int? Postcode { get; } = rows.Find("Postcode");
    public int? Easting { get; } = rows.Find("Easting");
    public int? Northing { get; } = rows.Find("Northing");
    public int? Region { get; } = rows.Find("GOR (name)", "GOR");
    public int? District { get; } = rows.Find("DistrictAdministrative (name)", "DistrictAdministrative");
    public int? TrustFlag { get; } = rows.Find("TrustSchoolFlag (name)", "TrustSchoolFlag");
    public int? TrustCode { get; } = rows.Find("Trusts (code)");
    public int? TrustName { get; } = rows.Find("Trusts (name)", "Trusts");
    public int? SponsorName { get; } = rows.Find("SchoolSponsors (name)", "SchoolSponsors");
    public int? FederationCode { get; } = rows.Find("Federations (code)");
    public int? FederationName { get; } = rows.Find("Federations (name)", "Federations");
    public int? DioceseCode { get; } = rows.Find("Diocese (code)");
    public int? DioceseName { get; } = rows.Find("Diocese (name)", "Diocese");
}
