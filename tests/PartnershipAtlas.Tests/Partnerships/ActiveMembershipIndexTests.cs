using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>
/// An establishment's <c>partnerships</c>, and its <c>memberships</c> with a narrow selection, are answered today from
/// the shared <c>ActiveMembershipIndex</c> without a statement once it is read (the store answers while it is read):
/// every establishment of a real export answers as the
/// store's own read does (a wider selection, which reads the store), with and without <c>kinds</c>; another date reads
/// the store; and a write, even one that only ends a membership, is seen by the very next request.
/// </summary>
public sealed class ActiveMembershipIndexTests
{
    private const string Narrow = """
        urn partnerships { id kind name } memberships { id role partnership { id kind name } establishment { urn } }
        some: partnerships(kinds: [MULTI_ACADEMY_TRUST, LOCAL_AUTHORITY, PROGRAMME_CLUSTER]) { id } someMemberships: memberships(kinds: [REGION, PROGRAMME_CLUSTER]) { id role }
        """;

    /// <summary>The same fields and more (a partnership's source key, a membership's join date), which the index does not hold.</summary>
    private const string Wide = """
        urn partnerships { id kind name sourceKey } memberships { id role partnership { id kind name website } establishment { urn } joined }
        some: partnerships(kinds: [MULTI_ACADEMY_TRUST, LOCAL_AUTHORITY, PROGRAMME_CLUSTER]) { id sourceKey } someMemberships: memberships(kinds: [REGION, PROGRAMME_CLUSTER]) { id role source }
        """;

    [Fact]
    public async Task Every_establishment_answers_from_the_index_as_from_the_store()
    {
        await using var server = new SqlRecordingFactory
        {
            Settings = new Dictionary<string, string>(Editors.Keys) { ["Atlas:Limits:MaxCost"] = "100000", ["Atlas:Limits:CostPerMinute"] = "0" },
        };
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = server.CreateClient();
        await AddTwoClustersAsync(server, client);
        await client.DataAsync($"{{ establishments(first: 5) {{ nodes {{ {Narrow} }} }} }}");
        await server.Services.GetRequiredService<ActiveMembershipIndexes>().WhenReadAsync();
        await server.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync(); // its read of the memberships is not the page's

        server.Sql.Clear();
        var narrow = await client.AllNodesAsync("establishments", "", Narrow);
        Assert.DoesNotContain(server.Sql, sql => sql.Contains("\"Memberships\""));
        server.Sql.Clear();
        var wide = await client.AllNodesAsync("establishments", "", Wide);
        Assert.Contains(server.Sql, sql => sql.Contains("\"Memberships\""));

        Assert.True(narrow.Count > 1000, $"{narrow.Count} establishments");
        var memberships = narrow.Sum(n => n["memberships"]!.AsArray().Count);
        Assert.True(memberships > narrow.Count, $"{memberships} memberships of {narrow.Count} establishments");
        Assert.Contains(narrow, n => n["some"]!.AsArray().Count > 1);
        Assert.Contains(narrow, n => n["memberships"]!.AsArray().Count(m => m!["partnership"]!["kind"]!.GetValue<string>() == "PROGRAMME_CLUSTER") == 2);
        Assert.Equal(wide.Count, narrow.Count);
        foreach (var (n, w) in narrow.Zip(wide)) Assert.Equal(Narrowed(w), n.ToJsonString());
    }

    [Fact]
    public async Task Another_date_reads_the_store()
    {
        await using var server = new SqlRecordingFactory();
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = server.CreateClient();

        server.Sql.Clear();
        var data = await client.DataAsync("""{ establishments(first: 20) { nodes { partnerships(asOf: "2021-06-01") { id } } } }""");

        Assert.Contains(server.Sql, sql => sql.Contains("\"Memberships\""));
        Assert.Contains(data["establishments"]!["nodes"]!.AsArray(), n => n!["partnerships"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task A_membership_added_or_ended_is_seen_by_the_next_request()
    {
        await using var server = new EditingServer();
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = server.CreateClient();
        var urn = (await client.DataAsync("""{ establishments(first: 1, where: { status: { eq: "Open" } }) { nodes { urn } } }"""))["establishments"]!["nodes"]![0]!["urn"]!.GetValue<int>();
        var before = await NetworksOfAsync(server, client, urn);

        var cluster = (await server.EditAsync("mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }",
            new { input = new { kind = "PROGRAMME_CLUSTER", name = "Index test cluster", openDate = "2021-09-01" } }))["createPartnership"]!["id"]!.GetValue<string>();
        var membership = (await server.EditAsync("mutation($input: AddMemberInput!) { addMember(input: $input) { id } }",
            new { input = new { partnershipId = cluster, urn, joined = "2021-09-01" } }))["addMember"]!["id"]!.GetValue<string>();
        var added = await NetworksOfAsync(server, client, urn);
        await server.EditAsync("mutation($input: EndMembershipInput!) { endMembership(input: $input) { id } }",
            new { input = new { membershipId = membership, left = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd") } });
        var ended = await NetworksOfAsync(server, client, urn);

        Assert.Equal(before.Append("Index test cluster").Order(), added);
        Assert.Equal(before, ended);
    }

    /// <summary>
    /// Two networks of one kind whose ids and names sort opposite ways, each with the same three open schools (one of
    /// them as lead).
    /// </summary>
    private static async Task AddTwoClustersAsync(AtlasFactory server, HttpClient client)
    {
        var urns = (await client.DataAsync("""{ establishments(first: 3, where: { status: { eq: "Open" } }) { nodes { urn } } }"""))["establishments"]!["nodes"]!
            .AsArray().Select(n => n!["urn"]!.GetValue<int>()).ToList();
        foreach (var name in new[] { "Zeta index cluster", "Alpha index cluster" })
        {
            var cluster = (await server.EditAsync("mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }",
                new { input = new { kind = "PROGRAMME_CLUSTER", name, openDate = "2021-09-01" } }))["createPartnership"]!["id"]!.GetValue<string>();
            foreach (var urn in urns) await AddMemberAsync(server, cluster, urn, urn == urns[0] ? "LEAD" : "MEMBER");
        }
    }

    private static Task<JsonNode> AddMemberAsync(AtlasFactory server, string partnershipId, int urn, string role) =>
        server.EditAsync("mutation($input: AddMemberInput!) { addMember(input: $input) { id } }", new { input = new { partnershipId, urn, role, joined = "2021-09-01" } });

    /// <summary>
    /// The school's networks today, asked twice: first just after the write (read from the store while the index is
    /// read anew), then from the new index; both must answer the same.
    /// </summary>
    private static async Task<List<string>> NetworksOfAsync(AtlasFactory server, HttpClient client, int urn)
    {
        var fromStore = await AskAsync();
        await server.Services.GetRequiredService<ActiveMembershipIndexes>().WhenReadAsync();
        var fromIndex = await AskAsync();
        Assert.Equal(fromStore, fromIndex);
        return fromIndex;

        async Task<List<string>> AskAsync() =>
            [.. (await client.DataAsync("query($urn: Int!) { establishments(where: { urn: { eq: $urn } }) { nodes { partnerships { name } } } }", new { urn }))
                ["establishments"]!["nodes"]![0]!["partnerships"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order()];
    }

    /// <summary>A wide node with the fields only it asks for taken out: what the narrow selection answers.</summary>
    private static string Narrowed(JsonNode wide)
    {
        var node = wide.DeepClone();
        foreach (var p in node["partnerships"]!.AsArray().Concat(node["some"]!.AsArray())) p!.AsObject().Remove("sourceKey");
        foreach (var m in node["memberships"]!.AsArray())
        {
            m!.AsObject().Remove("joined");
            m["partnership"]!.AsObject().Remove("website");
        }
        foreach (var m in node["someMemberships"]!.AsArray()) m!.AsObject().Remove("source");
        return node.ToJsonString();
    }

    /// <summary>The real server with an editor key and its response cache off, so each request computes its answer.</summary>
    private sealed class EditingServer : AtlasFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Atlas:ResponseCache:Enabled", "false");
            Editors.AddKeys(builder);
        }
    }
}
