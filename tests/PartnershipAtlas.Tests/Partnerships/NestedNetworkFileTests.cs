using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>
/// The partnerships file's <c>member_partnership_key</c>: networks of the file, a GIAS trust by source key and by group
/// ID become members of an umbrella trust; cycles, unknown keys and ambiguous rows refuse the whole file.
/// </summary>
public sealed class NestedNetworkFileTests(NestedNetworkTests.Server server) : IClassFixture<NestedNetworkTests.Server>
{
    private static readonly string Header = PartnershipsFileTests.Header + ",member_partnership_key";
    private static readonly int[] Schools = [NestedNetworkTests.Server.FirstUrn + 30, NestedNetworkTests.Server.FirstUrn + 31];

    /// <summary>One row: the columns a partnership or member row uses, the rest empty.</summary>
    private static string Row(string record, string key, string kind = "", string name = "", int? urn = null, string role = "", string joined = "", string network = "") =>
        string.Join(',', record, key, kind, name, "", "", "", "", urn?.ToString(CultureInfo.InvariantCulture) ?? "", "", "", role, joined, "", "", "", "", "", "", "", network);

    [Fact]
    public async Task Networks_named_by_file_key_source_key_and_group_ID_become_members_and_count_each_school_once()
    {
        await GiasTrustsAsync();
        string[] rows =
        [
            Row("partnership", "FU", "UMBRELLA_TRUST", "File umbrella"),
            Row("partnership", "FT1", "MULTI_ACADEMY_TRUST", "File trust 1"),
            Row("member", "FT1", urn: Schools[0]),
            Row("member", "FU", role: "MEMBER", joined: "2020-09-01", network: "FT1"),
            Row("member", "FU", role: "MEMBER", joined: "2020-09-01", network: "GIAS_GROUP:777001"),
            Row("member", "FU", role: "DELIVERY_PARTNER", joined: "2020-09-01", network: "TR77002"),
        ];

        // The second import replaces the first file's memberships (its own edges are no cycle), in another row order.
        foreach (var order in new[] { rows, rows.Reverse().ToArray() })
        {
            using var file = new TempCsv("nested.csv", [Header, .. order]);
            var run = await server.ImportAsync("partnerships", file.Path);
            Assert.True(run.Status == ImportStatus.Succeeded, run.Message);
            var id = (await server.CreateClient().AllNodesAsync("partnerships", "kinds: [UMBRELLA_TRUST]", "id name"))
                .Single(n => n!["name"]!.GetValue<string>() == "File umbrella")["id"]!.GetValue<string>();
            var umbrella = (await server.CreateClient().DataAsync($$"""
                { node(id: "{{id}}") { ... on Partnership { memberNetworks { name } memberCount(includeNested: true) members(includeNested: true) { nodes { establishment { urn } } } } } }
                """))["node"]!;

            Assert.Equal(["File trust 1", "GIAS trust one", "GIAS trust two"], umbrella["memberNetworks"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
            Assert.Equal(5, umbrella["memberCount"]!.GetValue<int>());
            Assert.Equal(Schools, umbrella["members"]!["nodes"]!.AsArray().Select(n => n!["establishment"]?["urn"]?.GetValue<int>()).OfType<int>().Order());
        }
    }

    [Fact]
    public async Task An_evidence_exploration_partnership_holds_a_local_authority_and_a_trust_with_a_research_school_delivering()
    {
        await GiasTrustsAsync();
        using var file = new TempCsv("eep.csv", Header,
            Row("partnership", "EEP-W", "OTHER", "Worcestershire Evidence Exploration Partnership"),
            Row("member", "EEP-W", role: "LEAD", joined: "2023-09-01", network: "LOCAL_AUTHORITY:885"),
            Row("member", "EEP-W", joined: "2023-09-01", network: "TR77001"),
            string.Join(',', "member", "EEP-W", "", "", "", "", "", "", "", "Billesley Research School", "RESEARCH_SCHOOL", "DELIVERY_PARTNER", "2023-09-01", "", "", "", "", "", "", "", ""));

        var run = await server.ImportAsync("partnerships", file.Path);

        Assert.True(run.Status == ImportStatus.Succeeded, run.Message);
        var id = (await server.CreateClient().AllNodesAsync("partnerships", "kinds: [OTHER]", "id name"))
            .Single(n => n!["name"]!.GetValue<string>() == "Worcestershire Evidence Exploration Partnership")["id"]!.GetValue<string>();
        var eep = (await server.CreateClient().DataAsync($$"""
            { node(id: "{{id}}") { ... on Partnership { memberNetworks { name partOf { name } } members { nodes { role organisation { name } } } } } }
            """))["node"]!;
        Assert.Equal(["GIAS trust one", "Worcestershire"], eep["memberNetworks"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.All(eep["memberNetworks"]!.AsArray(), n => Assert.Contains("Worcestershire Evidence Exploration Partnership", n!["partOf"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())));
        Assert.Contains(eep["members"]!["nodes"]!.AsArray(), m => m!["role"]!.GetValue<string>() == "DELIVERY_PARTNER" && m["organisation"]?["name"]?.GetValue<string>() == "Billesley Research School");
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        {
            string.Join('\n', Row("partnership", "C1", "OTHER", "Cycle one"), Row("partnership", "C2", "OTHER", "Cycle two"), Row("member", "C1", network: "C2"), Row("member", "C2", network: "C1")),
            "line 4: a network cannot be inside itself: Cycle one in Cycle two in Cycle one"
        },
        { string.Join('\n', Row("partnership", "S1", "OTHER", "Self one"), Row("member", "S1", network: "S1")), "line 3: a network cannot be inside itself: Self one in Self one" },
        {
            string.Join('\n', Row("partnership", "N1", "OTHER", "Unknown one"), Row("member", "N1", network: "NOPE")),
            "line 3: member_partnership_key NOPE is neither a partnership_key in this file or imported before, nor a stored network's source key or GIAS group ID"
        },
        {
            string.Join('\n', Row("partnership", "B1", "OTHER", "Both one"), Row("member", "B1", urn: NestedNetworkTests.Server.FirstUrn, network: "TR77001")),
            "line 3: a member row names exactly one of urn, organisation and member_partnership_key"
        },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_network_member_refuses_the_file_with_its_line_and_changes_nothing(string body, string expected)
    {
        await GiasTrustsAsync();
        using var file = new TempCsv("bad-nested.csv", [Header, .. body.Split('\n')]);
        var before = await StateAsync();

        var run = await server.ImportAsync("partnerships", file.Path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains(expected, run.Message);
        Assert.Equal(before, await StateAsync());
    }

    /// <summary>Two trusts as GIAS gives them (a UID key and a group ID), the first with both schools, and an LA; made once.</summary>
    private Task GiasTrustsAsync() => server.WithStoreAsync(async db =>
    {
        if (await db.Partnerships.AnyAsync(p => p.SourceKey == "GIAS_GROUP:777001")) return 0;
        var one = new Partnership { Kind = PartnershipKind.MultiAcademyTrust, Name = "GIAS trust one", SourceKey = "GIAS_GROUP:777001", GroupId = "TR77001" };
        one.Memberships.AddRange(Schools.Select(urn => new Membership { EstablishmentUrn = urn, Source = "gias-establishments", Role = MembershipRole.Member }));
        db.Partnerships.AddRange(one, new Partnership { Kind = PartnershipKind.MultiAcademyTrust, Name = "GIAS trust two", SourceKey = "GIAS_GROUP:777002", GroupId = "TR77002" },
            new Partnership { Kind = PartnershipKind.LocalAuthority, Name = "Worcestershire", SourceKey = "LOCAL_AUTHORITY:885", Code = "885" });
        return await db.SaveChangesAsync();
    });

    private Task<string> StateAsync() => server.WithStoreAsync(async db =>
        string.Join("|", await server.CountRowsAsync(), string.Join(",", db.Partnerships.OrderBy(p => p.Id).Select(p => p.Name))));
}
