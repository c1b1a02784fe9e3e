using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Imports.Reference;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.PartnershipsFile;

/// <summary>A <c>partnership</c> row: the network itself.</summary>
internal sealed record PartnershipRow(int Line, string Key, PartnershipFacts Facts);

/// <summary>A <c>member</c> row: a school (URN), an organisation or a network (<c>member_partnership_key</c>), its role and dates.</summary>
internal sealed record MemberRow(int Line, string Key, int? Urn, string? Organisation, OrganisationKind? OrganisationKind, MembershipRole Role, DateOnly? Joined, DateOnly? Left,
    string? MemberNetwork = null)
{
    public string Member => Urn is int urn ? $"URN {urn}" : MemberNetwork is { } network ? $"network {network}" : $"{Organisation} ({ReferenceValues.EnumName(OrganisationKind!.Value)})";
}

/// <summary>A <c>review</c> row: one self-review, peer review or follow-up support event.</summary>
internal sealed record ReviewRow(int Line, string Key, DateOnly Date, ReviewKind Kind, int? ReviewerUrn, int ReviewedUrn, string? Focus, string? Outcome);

/// <summary>Where each column of a partnerships file is, and how one row reads (see docs/partnerships-file.md).</summary>
internal sealed class PartnershipsFileRows(CsvRows rows)
{
    public static readonly IReadOnlyList<string[]> Required =
        [["record"], ["partnership_key"], ["kind"], ["name"], ["urn"], ["organisation"], ["role"], ["joined"], ["left"]];

    private readonly int? record = rows.Find("record"), key = rows.Find("partnership_key"), kind = rows.Find("kind"), name = rows.Find("name"),
        federationType = rows.Find("federation_type"), denomination = rows.Find("denomination"), openDate = rows.Find("open_date"), closeDate = rows.Find("close_date"),
        urn = rows.Find("urn"), organisation = rows.Find("organisation"), organisationKind = rows.Find("organisation_kind"), role = rows.Find("role"),
        joined = rows.Find("joined"), left = rows.Find("left"), reviewDate = rows.Find("review_date"), reviewKind = rows.Find("review_kind"),
        reviewerUrn = rows.Find("reviewer_urn"), reviewedUrn = rows.Find("reviewed_urn"), focus = rows.Find("focus"), outcome = rows.Find("outcome"),
        memberPartnershipKey = rows.Find("member_partnership_key");

    /// <summary>Reads the current row into one of the three records, or gives the reasons it cannot be read.</summary>
    public (object? Row, string? Error) Read()
    {
        var v = new ReferenceValues(rows);
        var partnershipKey = v.Required(key, "partnership_key");
        object? row = v.Text(record).ToLowerInvariant() switch
        {
            "partnership" => Partnership(v, partnershipKey),
            "member" => Member(v, partnershipKey),
            "review" => Review(v, partnershipKey),
            var other => Fail(v, $"record '{other}' is not partnership, member or review"),
        };
        return v.Error is { } error ? (null, error) : (row, null);
    }

    private PartnershipRow? Partnership(ReferenceValues v, string partnershipKey)
    {
        var k = v.Enum<PartnershipKind>(kind, "kind");
        if (k is null && v.Text(kind).Length == 0) v.Errors.Add("kind is empty");
        if (k is { } known && MembershipRules.KindError(known) is { } kindError) v.Errors.Add(kindError);
        var n = v.Required(name, "name");
        var (open, close) = (v.Date(openDate, "open_date"), v.Date(closeDate, "close_date"));
        if (MembershipRules.DatesError(open, close, "open_date", "close_date") is { } dates) v.Errors.Add(dates);
        var federation = v.Enum<FederationType>(federationType, "federation_type");
        var church = v.Enum<DioceseDenomination>(denomination, "denomination");
        if (federation is not null && k != PartnershipKind.Federation) v.Errors.Add("federation_type is only for FEDERATION");
        if (church is not null && k != PartnershipKind.Diocese) v.Errors.Add("denomination is only for DIOCESE");
        return k is null ? null : new PartnershipRow(rows.Line, partnershipKey,
            new PartnershipFacts(k.Value, PartnershipKeys.Prefixed(PartnershipKeys.FilePrefix, partnershipKey), n, null, open, close, federation, church));
    }

    private MemberRow? Member(ReferenceValues v, string partnershipKey)
    {
        var u = v.Int(urn, "urn");
        var organisationName = v.Optional(organisation);
        var organisationType = v.Enum<OrganisationKind>(organisationKind, "organisation_kind");
        var network = v.Optional(memberPartnershipKey);
        if (new object?[] { u, organisationName, network }.Count(x => x is not null) != 1 && v.Errors.Count == 0)
        {
            v.Errors.Add("a member row names exactly one of urn, organisation and member_partnership_key");
        }
        if (organisationName is not null && organisationType is null && v.Errors.Count == 0) v.Errors.Add("organisation_kind is empty");
        var r = v.Enum<MembershipRole>(role, "role") ?? MembershipRole.Member;
        var (j, l) = (v.Date(joined, "joined"), v.Date(left, "left"));
        if (MembershipRules.DatesError(j, l) is { } dates) v.Errors.Add(dates);
        return new MemberRow(rows.Line, partnershipKey, u, organisationName, organisationType, r, j, l, network);
    }

    private ReviewRow? Review(ReferenceValues v, string partnershipKey)
    {
        var date = v.Date(reviewDate, "review_date");
        if (date is null && v.Text(reviewDate).Length == 0) v.Errors.Add("review_date is empty");
        var k = v.Enum<ReviewKind>(reviewKind, "review_kind");
        if (k is null && v.Text(reviewKind).Length == 0) v.Errors.Add("review_kind is empty");
        var reviewer = v.Int(reviewerUrn, "reviewer_urn");
        var reviewed = v.Int(reviewedUrn, "reviewed_urn");
        if (reviewed is null && v.Text(reviewedUrn).Length == 0) v.Errors.Add("reviewed_urn is empty");
        return date is null || k is null || reviewed is null ? null
            : new ReviewRow(rows.Line, partnershipKey, date.Value, k.Value, reviewer, reviewed.Value, v.Optional(focus), v.Optional(outcome));
    }

    private static object? Fail(ReferenceValues v, string reason)
    {
        v.Errors.Add(reason);
        return null;
    }
}
