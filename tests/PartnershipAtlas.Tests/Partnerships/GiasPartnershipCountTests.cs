using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>
/// After importing the real 2022 Hampshire and Surrey export, the trusts, sponsors, federations, dioceses, LAs and
/// regions, and each one's members on the extract date, equal a recount from the file.
/// </summary>
public sealed class GiasPartnershipCountTests(GiasPartnershipCountTests.Imported imported) : IClassFixture<GiasPartnershipCountTests.Imported>
{
    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        public CsvRecount File { get; } = new(RealData.GiasExport2022);

        public Task InitializeAsync() => ImportAsync("gias-establishments", RealData.GiasExport2022);

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string ExtractDate = "2022-04-20";

    private bool IsOpen(string[] row) => imported.File.Value(row, "EstablishmentStatus (name)") != "Closed";

    private bool TrustFlag(string[] row, string flag) => imported.File.Value(row, "TrustSchoolFlag (name)") == flag;

    public static TheoryData<string, string, string?> Kinds => new()
    {
        { "MULTI_ACADEMY_TRUST", "Trusts (name)", "Supported by a multi-academy trust" },
        { "SINGLE_ACADEMY_TRUST", "Trusts (name)", "Supported by a single-academy trust" },
        { "SPONSOR", "SchoolSponsors (name)", null },
        { "FEDERATION", "Federations (name)", null },
        { "DIOCESE", "Diocese (name)", null },
        { "LOCAL_AUTHORITY", "LA (name)", null },
        { "REGION", "GOR (name)", null },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Networks_and_their_members_equal_a_recount_from_the_file(string kind, string column, string? trustFlag)
    {
        Func<string[], bool>? ofKind = trustFlag is null ? null : r => TrustFlag(r, trustFlag);
        var everNamed = imported.File.GroupBy(column, ofKind);
        var openMembers = imported.File.GroupBy(column, r => IsOpen(r) && (ofKind?.Invoke(r) ?? true));

        var networks = await AllAsync(kind);

        Assert.Equal(everNamed.Keys.Order(), networks.Keys.Order());
        foreach (var (name, rows) in everNamed)
        {
            Assert.True(networks[name] == (openMembers.TryGetValue(name, out var open) ? open.Count : 0), $"{kind} {name}: API says {networks[name]} members");
        }
        Assert.NotEmpty(everNamed);
    }

    [Fact]
    public async Task A_school_belongs_to_its_trust_diocese_LA_and_region()
    {
        var file = imported.File;
        var row = file.Rows.First(r => IsOpen(r) && TrustFlag(r, "Supported by a multi-academy trust") && file.Value(r, "Diocese (name)").StartsWith("Diocese", StringComparison.Ordinal));
        var expected = new[]
        {
            ("MULTI_ACADEMY_TRUST", file.Value(row, "Trusts (name)")),
            ("DIOCESE", file.Value(row, "Diocese (name)")),
            ("LOCAL_AUTHORITY", file.Value(row, "LA (name)")),
            ("REGION", file.Value(row, "GOR (name)")),
        }.Concat(file.Value(row, "SchoolSponsors (name)") is { Length: > 0 } sponsor ? [("SPONSOR", sponsor)] : []);

        var actual = await PartnershipsOfAsync(int.Parse(file.Value(row, "URN")));

        Assert.Equal(expected.Order(), actual.Order());
    }

    [Fact]
    public async Task A_federated_school_belongs_to_its_federation()
    {
        var file = imported.File;
        var row = file.Rows.First(r => IsOpen(r) && file.Value(r, "Federations (name)").Length > 0);

        var actual = await PartnershipsOfAsync(int.Parse(file.Value(row, "URN")));

        Assert.Contains(("FEDERATION", file.Value(row, "Federations (name)")), actual);
        Assert.Contains(("LOCAL_AUTHORITY", file.Value(row, "LA (name)")), actual);
    }

    private async Task<List<(string Kind, string Name)>> PartnershipsOfAsync(int urn)
    {
        var data = await imported.CreateClient().DataAsync(
            "query($urn: Int!, $asOf: Date) { establishment(urn: $urn) { partnerships(asOf: $asOf) { kind name } } }", new { urn, asOf = ExtractDate });
        return data["establishment"]!["partnerships"]!.AsArray().Select(p => (p!["kind"]!.GetValue<string>(), p["name"]!.GetValue<string>())).ToList();
    }

    /// <summary>Every network of a kind, paging through the connection, with its member count on the extract date.</summary>
    private async Task<Dictionary<string, int>> AllAsync(string kind)
    {
        var client = imported.CreateClient();
        var result = new Dictionary<string, int>();
        string? after = null;
        do
        {
            var data = await client.DataAsync(
                $"query($after: String, $asOf: Date) {{ partnerships(kinds: [{kind}], first: 100, after: $after) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ name memberCount(asOf: $asOf) }} }} }}",
                new { after, asOf = ExtractDate });
            var page = data["partnerships"]!;
            foreach (var node in page["nodes"]!.AsArray()) result.Add(node!["name"]!.GetValue<string>().ToUpperInvariant(), node["memberCount"]!.GetValue<int>());
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return result;
    }
}
