using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// Where a GIAS group's fields are in a file, found by header name: <c>allgroupsdata</c> and <c>alllinksdata</c>
/// (<c>Open date</c>, <c>Closed Date</c>, …) and <c>academiesmatmembership</c> (<c>Group Open Date</c>, <c>Group Closed Date</c>, …).
/// </summary>
internal sealed class GiasGroupColumns(CsvRows rows)
{
    public static readonly string[] UidNames = ["Group UID", "GroupUID", "Group UID (code)"];
    public static readonly string[] NameNames = ["Group Name", "GroupName"];
    public static readonly string[] TypeNames = ["Group Type (code)", "Group Type", "GroupType (code)", "GroupType"];

    public int? Uid { get; } = rows.Find(UidNames);
    public int? GroupId { get; } = rows.Find("Group ID", "GroupID");
    public int? Name { get; } = rows.Find(NameNames);
    public int? CompaniesHouseNumber { get; } = rows.Find("Companies House Number", "CompaniesHouseNumber");
    public int? TypeCode { get; } = rows.Find("Group Type (code)", "GroupType (code)");
    public int? TypeName { get; } = rows.Find("Group Type", "Group Type (name)", "GroupType", "GroupType (name)");
    public int? StatusName { get; } = rows.Find("Group Status", "Group Status (name)");
    public int? StatusCode { get; } = rows.Find("Group Status (code)");
    public int? OpenDate { get; } = rows.Find("Open date", "Group Open Date", "OpenDate");
    public int? IncorporatedOn { get; } = rows.Find("Incorporated on (open date)");
    public int? ClosedDate { get; } = rows.Find("Closed Date", "Group Closed Date", "ClosedDate");
}
