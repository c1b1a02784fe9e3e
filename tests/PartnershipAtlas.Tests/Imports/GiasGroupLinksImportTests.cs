using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>
/// The <c>gias-group-links</c> dataset: current links (<c>alllinksdata</c>) and membership history
/// (<c>academiesmatmembership</c>), on format-faithful fictional files and on a real school from the Hampshire and Surrey export.
/// </summary>
public sealed class GiasGroupLinksImportTests
{
    private const string Dataset = "gias-group-links";

    private const string PartnershipsOn = """
        query($urn: Int!, $asOf: Date) { establishment(urn: $urn) { memberships(asOf: $asOf) { joined left source partnership { kind name } } } }
        """;

    [Fact]
    public async Task A_newer_alllinksdata_closes_the_links_it_no_longer_lists_and_keeps_their_history()
    {
        using var files = new TempFiles();
        await using var factory = new AtlasFactory();

        var first = await factory.ImportAsync(Dataset, files.Copy("alllinksdata20240101.csv"));
        var second = await factory.ImportAsync(Dataset, files.Copy("alllinksdata20240201.csv"));

        Assert.Equal((4, 3, 0, 0), (first.RowsRead, first.RowsInserted, first.RowsUpdated, first.RowsRejected));
        Assert.Equal((3, 1, 1, 0), (second.RowsRead, second.RowsInserted, second.RowsUnchanged, second.RowsRejected));
        Assert.Contains("Ignored 1 row(s): children's centres", second.Message);
        var client = factory.CreateClient();
        Assert.Equal([("Example Valley Academy Trust", "2015-09-01", "2024-02-01")], await MembershipsAsync(client, 990501, "2024-01-31"));
        Assert.Equal([("Example Ridge Learning Trust", "2024-02-01", null)], await MembershipsAsync(client, 990501, "2024-02-01"));
        Assert.Equal(
            [("Example Sponsor Foundation", "2017-04-01", null), ("Example Valley Academy Trust", "2017-04-01", "2024-02-01")],
            (await MembershipsAsync(client, 990502, "2024-01-31")).Order());
        Assert.Equal([("Example Sponsor Foundation", "2017-04-01", null)], await MembershipsAsync(client, 990502, "2024-02-01"));
        var school = (await client.DataAsync("{ establishment(urn: 990501) { name laCode type phase } }"))["establishment"]!;
        Assert.Equal(("Example Côte Primary Academy", "999", "Academy converter", "Primary"),
            (school["name"]!.GetValue<string>(), school["laCode"]!.GetValue<string>(), school["type"]!.GetValue<string>(), school["phase"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Membership_history_keeps_every_dated_membership_of_a_school_that_moved_trust()
    {
        using var files = new TempFiles();
        await using var factory = new AtlasFactory();

        var run = await factory.ImportAsync(Dataset, files.Copy("academiesmatmembership20240101.csv"));

        Assert.Equal((3, 3, 0), (run.RowsRead, run.RowsInserted, run.RowsRejected));
        var client = factory.CreateClient();
        Assert.Equal([("Example Valley Academy Trust", "2015-09-01", "2024-01-31")], await MembershipsAsync(client, 990501, "2020-01-01"));
        Assert.Equal([("Example Ridge Learning Trust", "2024-02-01", null)], await MembershipsAsync(client, 990501, "2024-06-01"));
        var again = await factory.ImportAsync(Dataset, files.Copy("academiesmatmembership20240101.csv", "academiesmatmembership20240102.csv"));
        Assert.Equal(ImportStatus.Skipped, again.Status);
    }

    [Fact]
    public async Task A_real_school_that_moved_trust_answers_by_date_and_its_export_membership_is_adopted()
    {
        var (urn, trust, openMembers) = MatSchool();
        using var files = new TempFiles();
        var history = HistoryFile(files, urn, trust);
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);

        var run = await factory.ImportAsync(Dataset, history);

        Assert.Equal((1, 1), (run.RowsInserted, run.RowsUpdated));
        var client = factory.CreateClient();
        Assert.Equal(["Example Former Trust"], await TrustsAsync(client, urn, "2018-06-01"));
        Assert.Equal([TitleCase(trust)], await TrustsAsync(client, urn, "2020-06-01"));
        await AssertOneMembershipInTheTrustAsync(factory, urn, trust, openMembers);
    }

    [Fact]
    public async Task The_establishments_extract_does_not_duplicate_a_membership_the_group_links_hold()
    {
        var (urn, trust, openMembers) = MatSchool();
        using var files = new TempFiles();
        await using var factory = new AtlasFactory();
        await factory.ImportAsync(Dataset, HistoryFile(files, urn, trust));

        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);

        await AssertOneMembershipInTheTrustAsync(factory, urn, trust, openMembers);
    }

    /// <summary>The school is in its trust once, with the dates the history gives, and the trust counts each member once.</summary>
    private static async Task AssertOneMembershipInTheTrustAsync(AtlasFactory factory, int urn, string trust, int openMembers)
    {
        var memberships = await factory.WithStoreAsync(db => db.Memberships.AsNoTracking()
            .Where(m => m.EstablishmentUrn == urn && m.Partnership!.Kind == PartnershipKind.MultiAcademyTrust)
            .Select(m => new { m.Partnership!.Name, m.Partnership.SourceKey, m.Source, m.Joined }).ToListAsync());
        Assert.Equal(2, memberships.Count);
        var inTrust = Assert.Single(memberships, m => m.SourceKey == "GIAS_GROUP:990702");
        Assert.Equal((TitleCase(trust), Dataset, new DateOnly(2019, 9, 1)), (inTrust.Name, inTrust.Source, inTrust.Joined));
        Assert.Equal(openMembers, await MemberCountAsync(factory.CreateClient(), trust));
    }

    /// <summary>An open school of a multi-academy trust in the real export, and the trust's open members there.</summary>
    private static (int Urn, string Trust, int OpenMembers) MatSchool()
    {
        var file = new CsvRecount(RealData.GiasExport2022);
        bool OpenInMat(string[] r) => file.Value(r, "TrustSchoolFlag (name)") == "Supported by a multi-academy trust" && file.Value(r, "EstablishmentStatus (name)") != "Closed";
        var row = file.Rows.First(OpenInMat);
        var trust = file.Value(row, "Trusts (name)");
        return (int.Parse(file.Value(row, "URN"), CultureInfo.InvariantCulture), trust, file.Rows.Count(r => OpenInMat(r) && file.Value(r, "Trusts (name)") == trust));
    }

    /// <summary>
    /// A membership history for the school: a fictional former trust until 31/08/2019, then its real trust (by name,
    /// title case, with a fictional UID) from 01/09/2019.
    /// </summary>
    private static string HistoryFile(TempFiles files, int urn, string trust)
    {
        var header = File.ReadLines(files.Copy("academiesmatmembership20240101.csv", "header.csv")).First();
        return files.Write("academiesmatmembership20240301.csv",
        [
            header,
            HistoryRow(urn, 990701, "Example Former Trust", "01/09/2012", "31/08/2019"),
            HistoryRow(urn, 990702, TitleCase(trust), "01/09/2019", ""),
        ]);
    }

    private static string TitleCase(string name) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    private static string HistoryRow(int urn, int uid, string group, string joined, string left) =>
        $"{urn},\"936\",\"Surrey\",\"936/0000\",\"(name from the establishments extract)\",\"Open\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",{uid},\"TR{uid}\",\"{group}\",\"Multi-academy trust\",\"Open\",\"\",\"01/09/2012\",\"\",\"{joined}\",\"{left}\"";

    private static async Task<List<(string Name, string? Joined, string? Left)>> MembershipsAsync(HttpClient client, int urn, string asOf)
    {
        var data = await client.DataAsync(PartnershipsOn, new { urn, asOf });
        return data["establishment"]!["memberships"]!.AsArray()
            .Select(m => (m!["partnership"]!["name"]!.GetValue<string>(), m["joined"]?.GetValue<string>(), m["left"]?.GetValue<string>())).ToList();
    }

    private static async Task<List<string>> TrustsAsync(HttpClient client, int urn, string asOf)
    {
        var data = await client.DataAsync("query($urn: Int!, $asOf: Date) { establishment(urn: $urn) { partnerships(asOf: $asOf, kinds: [MULTI_ACADEMY_TRUST]) { name } } }", new { urn, asOf });
        return data["establishment"]!["partnerships"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
    }

    private static async Task<int> MemberCountAsync(HttpClient client, string name)
    {
        var data = await client.DataAsync("{ partnerships(kinds: [MULTI_ACADEMY_TRUST], first: 100) { nodes { name memberCount(asOf: \"2022-04-20\") } } }");
        return data["partnerships"]!["nodes"]!.AsArray().Single(n => string.Equals(n!["name"]!.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))!["memberCount"]!.GetValue<int>();
    }
}
