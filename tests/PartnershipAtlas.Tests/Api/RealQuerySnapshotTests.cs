using Newtonsoft.Json.Linq;
using PartnershipAtlas.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// Snapshots of real queries over the real 2022 Hampshire and Surrey export: a change in what users see fails here
/// until the snapshot is updated on purpose (CI runs with SNAPSHOOTER_STRICT_MODE=true).
/// </summary>
public sealed class RealQuerySnapshotTests(RealQuerySnapshotTests.Imported imported) : IClassFixture<RealQuerySnapshotTests.Imported>
{
    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        public Task InitializeAsync() => ImportAsync("gias-establishments", RealData.GiasExport2022);

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private async Task MatchAsync(SnapshotFullName name, string query)
    {
        var data = await imported.CreateClient().DataAsync(query);
        Snapshot.Match(JToken.Parse(data.ToJsonString()), name);
    }

    [Fact]
    public Task A_schools_networks_on_the_extract_date() => MatchAsync(Snapshot.FullName(), """
        { establishment(urn: 136888) { urn name type phase laName region district openDate numberOfPupils
            memberships(asOf: "2022-04-20") { role joined left source partnership { kind name sourceKey } } } }
        """);

    [Fact]
    public Task The_largest_page_of_dioceses() => MatchAsync(Snapshot.FullName(), """
        { partnerships(kinds: [DIOCESE], first: 10) { totalCount nodes { kind name memberCount(asOf: "2022-04-20")
            members(asOf: "2022-04-20", first: 3) { totalCount nodes { establishment { urn name } } } } } }
        """);

    [Fact]
    public Task A_federation_and_its_schools() => MatchAsync(Snapshot.FullName(), """
        { partnerships(kinds: [FEDERATION], first: 3) { nodes { name sourceKey memberCount(asOf: "2022-04-20")
            members(asOf: "2022-04-20") { nodes { role establishment { urn name phase } } } } } }
        """);
}
