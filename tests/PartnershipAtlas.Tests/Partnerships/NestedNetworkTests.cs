using System.Text.Json.Nodes;
using PartnershipAtlas.Partnerships;
using Microsoft.AspNetCore.Hosting;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>
/// Networks inside networks through the real endpoint: an umbrella trust holding two trusts answers memberNetworks and
/// each trust's partOf; a school reached through nested networks counts once; cycles, nesting too deep and bad member
/// networks are refused with a coded error and change nothing.
/// </summary>
public sealed class NestedNetworkTests(NestedNetworkTests.Server server) : IClassFixture<NestedNetworkTests.Server>
{
    /// <summary>A store of generated schools (no open or close dates) and the editor keys.</summary>
    public sealed class Server : AtlasFactory, IAsyncLifetime
    {
        public const int FirstUrn = 910_000;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Editors.AddKeys(builder);
        }

        public async Task InitializeAsync()
        {
            CreateClient();
            await WithStoreAsync(async db =>
            {
                for (var i = 0; i < 40; i++) db.Establishments.Add(new Establishment { Urn = FirstUrn + i, Name = $"Nested test school {i}" });
                return await db.SaveChangesAsync();
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string Create = "mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }";
    private const string Add = "mutation($input: AddMemberInput!) { addMember(input: $input) { id memberPartnership { name } establishment { urn } } }";

    [Fact]
    public async Task An_umbrella_trust_holding_two_trusts_answers_memberNetworks_and_each_trust_is_partOf_it()
    {
        var umbrella = await NetworkAsync("UMBRELLA_TRUST", "Umbrella of two");
        var (a, b) = (await NetworkAsync("MULTI_ACADEMY_TRUST", "Trust two-A"), await NetworkAsync("MULTI_ACADEMY_TRUST", "Trust two-B"));
        var added = await AddAsync(umbrella, network: a, joined: "2020-09-01");
        await AddAsync(umbrella, network: b, joined: "2020-09-01");

        Assert.Equal("Trust two-A", added["addMember"]!["memberPartnership"]!["name"]!.GetValue<string>());
        Assert.Equal(["Trust two-A", "Trust two-B"], Names(await PartnershipAsync(umbrella, "memberNetworks { name }"), "memberNetworks"));
        Assert.Empty(Names(await PartnershipAsync(umbrella, "memberNetworks(asOf: \"2020-08-31\") { name }"), "memberNetworks"));
        foreach (var trust in new[] { a, b })
        {
            Assert.Equal(["Umbrella of two"], Names(await PartnershipAsync(trust, "partOf { name }"), "partOf"));
            Assert.Empty(Names(await PartnershipAsync(trust, "partOf(asOf: \"2020-08-31\") { name }"), "partOf"));
        }
        var series = await PartnershipAsync(umbrella, "memberCountSeries(from: \"2020-01-01\", to: \"2021-01-01\", interval: YEAR) { count }");
        Assert.Equal([0, 2], series["memberCountSeries"]!.AsArray().Select(p => p!["count"]!.GetValue<int>()));
        var members = await PartnershipAsync(umbrella, "members { nodes { memberPartnership { name } establishment { urn } } }");
        Assert.Equal(["Trust two-A", "Trust two-B"], members["members"]!["nodes"]!.AsArray().Select(n => n!["memberPartnership"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_school_reached_through_nested_networks_is_counted_once()
    {
        var umbrella = await NetworkAsync("UMBRELLA_TRUST", "Umbrella counting once");
        var (a, b) = (await NetworkAsync("MULTI_ACADEMY_TRUST", "Trust once-A"), await NetworkAsync("MULTI_ACADEMY_TRUST", "Trust once-B"));
        var (onlyA, both, onlyB, direct) = (Server.FirstUrn + 10, Server.FirstUrn + 11, Server.FirstUrn + 12, Server.FirstUrn + 13);
        await AddAsync(umbrella, network: a);
        await AddAsync(umbrella, network: b);
        await AddAsync(a, urn: onlyA);
        await AddAsync(a, urn: both);
        await AddAsync(b, urn: both);
        await AddAsync(b, urn: onlyB);
        await AddAsync(umbrella, urn: direct);
        await AddAsync(a, urn: direct);

        var counts = await PartnershipAsync(umbrella, """
            own: memberCount nested: memberCount(includeNested: true)
            members(includeNested: true) { totalCount nodes { establishment { urn } memberPartnership { name } } }
            """);

        Assert.Equal(3, counts["own"]!.GetValue<int>());
        Assert.Equal(6, counts["nested"]!.GetValue<int>());
        Assert.Equal(6, counts["members"]!["totalCount"]!.GetValue<int>());
        var nodes = counts["members"]!["nodes"]!.AsArray();
        var urns = nodes.Select(n => n!["establishment"]?["urn"]?.GetValue<int>()).OfType<int>().ToList();
        Assert.Equal(new[] { onlyA, both, onlyB, direct }.Order(), urns.Order());
        Assert.Equal(["Trust once-A", "Trust once-B"], nodes.Select(n => n!["memberPartnership"]?["name"]?.GetValue<string>()).OfType<string>().Order());
        var multi = await server.CreateClient().DataAsync($$"""
            { plain: multiNetworkEstablishments(kinds: [UMBRELLA_TRUST, MULTI_ACADEMY_TRUST], minNetworks: 2, first: 100) { nodes { urn: establishment { urn } } }
              nested: multiNetworkEstablishments(kinds: [UMBRELLA_TRUST, MULTI_ACADEMY_TRUST], minNetworks: 3, includeNested: true, first: 100) { nodes { urn: establishment { urn } } } }
            """);
        Assert.Contains(both, multi["plain"]!["nodes"]!.AsArray().Select(n => n!["urn"]!["urn"]!.GetValue<int>()));
        Assert.DoesNotContain(onlyA, multi["plain"]!["nodes"]!.AsArray().Select(n => n!["urn"]!["urn"]!.GetValue<int>()));
        Assert.Contains(both, multi["nested"]!["nodes"]!.AsArray().Select(n => n!["urn"]!["urn"]!.GetValue<int>()));
        Assert.DoesNotContain(onlyA, multi["nested"]!["nodes"]!.AsArray().Select(n => n!["urn"]!["urn"]!.GetValue<int>()));
        Assert.DoesNotContain(direct, multi["nested"]!["nodes"]!.AsArray().Select(n => n!["urn"]!["urn"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Members_through_nested_networks_refuse_a_sort_order_with_a_clear_error()
    {
        var umbrella = await NetworkAsync("UMBRELLA_TRUST", "Umbrella unsorted");
        var result = await server.SendAsync(null, $$"""{ node(id: "{{umbrella}}") { ... on Partnership { members(includeNested: true, order: [{ role: ASC }]) { totalCount } } } }""", new { });

        Assert.Equal("INVALID_ARGUMENT", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("includeNested", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string> Cycles => new()
    {
        { "two", "Cycle two-X in Cycle two-Y in Cycle two-X", "NETWORK_CYCLE" },
        { "three", "Cycle three-X in Cycle three-Z in Cycle three-Y in Cycle three-X", "NETWORK_CYCLE" },
        { "self", "Cycle self-X in Cycle self-X", "NETWORK_CYCLE" },
    };

    [Theory]
    [MemberData(nameof(Cycles))]
    public async Task A_cycle_is_refused_naming_it_and_changes_nothing(string @case, string named, string code)
    {
        var (x, y, z) = (await NetworkAsync("OTHER", $"Cycle {@case}-X"), await NetworkAsync("OTHER", $"Cycle {@case}-Y"), await NetworkAsync("OTHER", $"Cycle {@case}-Z"));
        await AddAsync(x, network: y, joined: "2019-01-01", left: "2020-01-01");
        await AddAsync(y, network: z);
        var (into, member) = @case switch { "two" => (y, x), "three" => (z, x), _ => (x, x) };
        var before = await StateAsync();

        var result = await server.SendAsync(Editors.EditorKey, Add, new { input = Input(into, network: member, joined: "2022-01-01") });

        var error = result["errors"]![0]!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(named, error["message"]!.GetValue<string>());
        Assert.Equal(before, await StateAsync());
    }

    public static TheoryData<string, string> BadMemberNetworks => new()
    {
        { "unknown network", "UNKNOWN_PARTNERSHIP" },
        { "not a network's id", "UNKNOWN_PARTNERSHIP" },
        { "not an id", "UNKNOWN_PARTNERSHIP" },
        { "network and urn", "INVALID_MEMBER" },
        { "network twice", "OVERLAPPING_MEMBERSHIP" },
        { "nested too deep", "NESTING_TOO_DEEP" },
    };

    [Theory]
    [MemberData(nameof(BadMemberNetworks))]
    public async Task Bad_memberPartnershipId_gets_a_clear_coded_error_and_changes_nothing(string @case, string code)
    {
        var chain = new List<string>();
        for (var i = 0; i <= 6; i++) chain.Add(await NetworkAsync("OTHER", $"Bad {@case} {i}"));
        for (var i = 1; i < 6; i++) await AddAsync(chain[i - 1], network: chain[i]);
        var membership = (await server.WithStoreAsync(db => Task.FromResult(db.Memberships.Max(m => m.Id)))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        object input = @case switch
        {
            "unknown network" => Input(chain[0], network: GlobalId("Partnership:999999")),
            "not a network's id" => Input(chain[0], network: GlobalId($"Membership:{membership}")),
            "not an id" => Input(chain[0], network: "not-an-id"),
            "network and urn" => new { partnershipId = chain[0], memberPartnershipId = chain[6], urn = Server.FirstUrn },
            "network twice" => Input(chain[0], network: chain[1], joined: "2021-01-01"),
            _ => Input(chain[5], network: chain[6]),
        };
        var before = await StateAsync();

        var result = await server.SendAsync(Editors.EditorKey, Add, new { input });

        var error = result["errors"]![0]!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.True(error["message"]!.GetValue<string>().Length > 20, error["message"]!.GetValue<string>());
        if (@case == "nested too deep") Assert.Contains($"Bad {@case} 6 in Bad {@case} 5", error["message"]!.GetValue<string>());
        Assert.Equal(before, await StateAsync());
    }

    private static string GlobalId(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));

    private static object Input(string into, int? urn = null, string? network = null, string? joined = null, string? left = null) =>
        new { partnershipId = into, urn, memberPartnershipId = network, joined, left };

    private async Task<string> NetworkAsync(string kind, string name) =>
        (await server.EditAsync(Create, new { input = new { kind, name } }))["createPartnership"]!["id"]!.GetValue<string>();

    private Task<JsonNode> AddAsync(string into, int? urn = null, string? network = null, string? joined = null, string? left = null) =>
        server.EditAsync(Add, new { input = Input(into, urn, network, joined, left) });

    private async Task<JsonNode> PartnershipAsync(string id, string selection) =>
        (await server.CreateClient().DataAsync($$"""{ node(id: "{{id}}") { ... on Partnership { {{selection}} } } }"""))["node"]!;

    private static List<string> Names(JsonNode partnership, string field) => partnership[field]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();

    private Task<string> StateAsync() => server.WithStoreAsync(async db =>
        string.Join("|", await server.CountRowsAsync(), db.Memberships.Count(m => m.MemberPartnershipId != null), db.Memberships.Count(m => m.Left != null)));
}
