using System.Net.Http.Json;
using PartnershipAtlas.Partnerships;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>
/// createPartnership, addMember, endMembership and recordReview through the real endpoint: refused without an editor
/// key, every bad input refused with a coded error, and a refused call changes nothing.
/// </summary>
public sealed class MutationTests(MutationTests.Server server) : IClassFixture<MutationTests.Server>
{
    public const string EditorKey = Editors.EditorKey;
    public const string ReaderKey = Editors.ReaderKey;

    /// <summary>The server with the real 2022 export, one editor key and one key without the editor role (hashes only).</summary>
    public sealed class Server : AtlasFactory, IAsyncLifetime
    {
        public int[] Urns { get; private set; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Editors.AddKeys(builder);
        }

        public async Task InitializeAsync()
        {
            var export = new CsvRecount(RealData.GiasExport2022);
            Urns = export.Rows.Where(r => export.Value(r, "EstablishmentStatus (name)") == "Open").Select(r => int.Parse(export.Value(r, "URN"))).Take(5).ToArray();
            await ImportAsync("gias-establishments", RealData.GiasExport2022);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string Create = "mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id name kind } }";
    private const string Add = "mutation($input: AddMemberInput!) { addMember(input: $input) { id role joined left organisation { name } establishment { urn } } }";
    private const string End = "mutation($input: EndMembershipInput!) { endMembership(input: $input) { id left } }";
    private const string Review = "mutation($input: RecordReviewInput!) { recordReview(input: $input) { date kind reviewerUrn reviewedUrn } }";

    public static TheoryData<string?, string> Refusals => new()
    {
        { null, "AUTH_NOT_AUTHENTICATED" },
        { "wrong-key", "AUTH_NOT_AUTHENTICATED" },
        { ReaderKey, "AUTH_NOT_AUTHORIZED" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Mutations_without_an_editor_key_are_refused_and_change_nothing(string? key, string code)
    {
        var before = await StateAsync();

        var result = await SendAsync(key, Create, new { input = new { kind = "PROGRAMME_CLUSTER", name = "Refused cluster" } });

        Assert.Equal(code, result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(result["data"]!["createPartnership"]);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task An_editor_builds_a_cluster_and_its_history_answers_by_date()
    {
        var (a, b) = (server.Urns[0], server.Urns[1]);
        var cluster = await EditAsync(Create, new { input = new { kind = "PROGRAMME_CLUSTER", name = "Schools Partnership Programme cluster A", openDate = "2021-09-01" } });
        var id = cluster["createPartnership"]!["id"]!.GetValue<string>();

        var lead = await EditAsync(Add, new { input = new { partnershipId = id, urn = a, role = "LEAD", joined = "2021-09-01" } });
        await EditAsync(Add, new { input = new { partnershipId = id, urn = b, joined = "2021-09-01" } });
        var funder = await EditAsync(Add, new { input = new { partnershipId = id, organisation = new { name = "Education Endowment Foundation", kind = "FUNDER" }, role = "FUNDER", joined = "2021-09-01" } });
        await EditAsync(End, new { input = new { membershipId = lead["addMember"]!["id"]!.GetValue<string>(), left = "2022-09-01" } });
        var review = await EditAsync(Review, new { input = new { partnershipId = id, date = "2022-03-01", kind = "PEER_REVIEW", reviewerUrn = a, reviewedUrn = b } });

        Assert.Equal("Education Endowment Foundation", funder["addMember"]!["organisation"]!["name"]!.GetValue<string>());
        Assert.Equal(a, review["recordReview"]!["reviewerUrn"]!.GetValue<int>());
        Assert.Equal(["Schools Partnership Programme cluster A"], await ClustersOfAsync(a, "2022-08-31"));
        Assert.Empty(await ClustersOfAsync(a, "2022-09-01"));
        Assert.Equal(["Schools Partnership Programme cluster A"], await ClustersOfAsync(b, "2023-01-01"));
    }

    [Fact]
    public async Task The_Authorization_ApiKey_header_works_as_well()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Create, variables = new { input = new { kind = "THEMATIC", name = "Behaviour hub partnership" } } }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"ApiKey {EditorKey}");
        using var response = await server.CreateClient().SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Null(body["errors"]);
        Assert.Equal("THEMATIC", body["data"]!["createPartnership"]!["kind"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "unknown URN", Add, "UNKNOWN_URN" },
        { "left before joined", Add, "INVALID_DATE_RANGE" },
        { "overlapping dates", Add, "OVERLAPPING_MEMBERSHIP" },
        { "urn and organisation", Add, "INVALID_MEMBER" },
        { "area kind", Create, "DERIVED_KIND" },
        { "close before open", Create, "INVALID_DATE_RANGE" },
        { "unknown partnership", Add, "UNKNOWN_PARTNERSHIP" },
        { "end before joined", End, "INVALID_DATE_RANGE" },
        { "unknown membership", End, "UNKNOWN_MEMBERSHIP" },
        { "GIAS membership", End, "DERIVED_MEMBERSHIP" },
        { "review of a non-member", Review, "NOT_A_MEMBER" },
        { "peer review of itself", Review, "INVALID_REVIEW" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_clear_coded_error_and_changes_nothing(string @case, string mutation, string code)
    {
        var (a, b, outsider) = (server.Urns[2], server.Urns[3], server.Urns[4]);
        var cluster = (await EditAsync(Create, new { input = new { kind = "SUBJECT", name = $"Maths partnership for {@case}" } }))["createPartnership"]!["id"]!.GetValue<string>();
        var membership = (await EditAsync(Add, new { input = new { partnershipId = cluster, urn = a, joined = "2020-01-01" } }))["addMember"]!["id"]!.GetValue<string>();
        await EditAsync(Add, new { input = new { partnershipId = cluster, urn = b, joined = "2020-01-01" } });
        var giasMembership = await server.WithStoreAsync(db => Task.FromResult(db.Memberships.First(m => m.Source == "gias-establishments").Id));
        object input = @case switch
        {
            "unknown URN" => new { partnershipId = cluster, urn = 999999999 },
            "left before joined" => new { partnershipId = cluster, urn = outsider, joined = "2021-01-01", left = "2020-01-01" },
            "overlapping dates" => new { partnershipId = cluster, urn = a, joined = "2019-01-01", left = "2020-06-01" },
            "urn and organisation" => new { partnershipId = cluster, urn = outsider, organisation = new { name = "A charity", kind = "CHARITY" } },
            "area kind" => new { kind = "OPPORTUNITY_AREA", name = "A new opportunity area" },
            "close before open" => new { kind = "OTHER", name = "Backwards", openDate = "2022-01-01", closeDate = "2021-01-01" },
            "unknown partnership" => new { partnershipId = "UGFydG5lcnNoaXA6OTk5OTk5", urn = outsider },
            "end before joined" => new { membershipId = membership, left = "2019-12-31" },
            "unknown membership" => new { membershipId = "TWVtYmVyc2hpcDo5OTk5OTk5", left = "2022-01-01" },
            "GIAS membership" => new { membershipId = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Membership:{giasMembership}")), left = "2022-01-01" },
            "review of a non-member" => new { partnershipId = cluster, date = "2021-01-01", kind = "SELF_REVIEW", reviewedUrn = outsider },
            _ => new { partnershipId = cluster, date = "2021-01-01", kind = "PEER_REVIEW", reviewerUrn = a, reviewedUrn = a },
        };
        var before = await StateAsync();

        var result = await SendAsync(EditorKey, mutation, new { input });

        var error = result["errors"]![0]!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.True(error["message"]!.GetValue<string>().Length > 20, error["message"]!.GetValue<string>());
        Assert.Equal(before, await StateAsync());
    }

    private Task<string> StateAsync() => server.WithStoreAsync(async db =>
        string.Join("|", await server.CountRowsAsync(), db.Organisations.Count(), db.Reviews.Count(), db.Memberships.Count(m => m.Left != null)));

    private async Task<List<string>> ClustersOfAsync(int urn, string asOf)
    {
        var data = await server.CreateClient().DataAsync($"{{ establishment(urn: {urn}) {{ partnerships(asOf: \"{asOf}\", kinds: [PROGRAMME_CLUSTER]) {{ name }} }} }}");
        return data["establishment"]!["partnerships"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
    }

    private Task<JsonNode> EditAsync(string mutation, object variables) => server.EditAsync(mutation, variables);

    private Task<JsonNode> SendAsync(string? key, string mutation, object variables) => server.SendAsync(key, mutation, variables);
}
