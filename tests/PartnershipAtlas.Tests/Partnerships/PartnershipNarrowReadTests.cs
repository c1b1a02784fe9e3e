using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>
/// An establishment's partnerships (and its memberships' partnership) are read with their id, kind and name only when
/// the selection asks for nothing else (<see cref="PartnershipNarrowRead.Fields"/>): every field of that set answers
/// as the whole read does, and a selection with any other field, directly or in a fragment, reads the whole row.
/// </summary>
public sealed class PartnershipNarrowReadTests
{
    private static readonly string NarrowSelection = string.Join(" ", PartnershipNarrowRead.Fields);

    /// <summary>Every field of <see cref="MembershipNarrowRead.Fields"/>, the partnership narrowly.</summary>
    private static readonly string MembershipSelection = string.Join(" ", MembershipNarrowRead.Fields.Select(f => f switch
    {
        "partnership" => $"partnership {{ {NarrowSelection} }}",
        "establishment" => "establishment { urn }",
        _ => f,
    }));

    /// <summary>A date other than today, which reads the store (today's narrow reads come from the index: <see cref="ActiveMembershipIndexTests"/>).</summary>
    private const string AsOf = "2022-04-01";

    [Fact]
    public async Task Every_field_of_the_narrow_read_answers_as_the_whole_read_does()
    {
        await using var server = new SqlRecordingFactory();
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var client = server.CreateClient();

        server.Sql.Clear();
        var narrow = await client.DataAsync($$"""
            { establishments(first: 30) { nodes { urn partnerships(asOf: "{{AsOf}}") { {{NarrowSelection}} } memberships(asOf: "{{AsOf}}") { {{MembershipSelection}} } } } }
            """);
        Assert.Contains(server.Sql, sql => sql.Contains("\"Memberships\"") && !sql.Contains("\"Website\""));
        Assert.Contains(server.Sql, sql => sql.Contains("\"Memberships\"") && sql.Contains(".\"Role\"") && !sql.Contains(".\"Source\"")); // m."Role" on PostgreSQL, "m"."Role" on SQLite

        await server.Services.GetRequiredService<ActiveMembershipIndexes>().WhenReadAsync(); // their reads of the memberships in the background are not the page's
        await server.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync();
        server.Sql.Clear();
        var whole = await client.DataAsync($$"""
            { establishments(first: 30) { nodes { urn partnerships(asOf: "{{AsOf}}") { {{NarrowSelection}} ...More } memberships(asOf: "{{AsOf}}") { {{MembershipSelection}} joined partnership { website } } } } }
            fragment More on Partnership { sourceKey }
            """);
        Assert.DoesNotContain(server.Sql, sql => sql.Contains("\"Memberships\"") && !sql.Contains("\"Website\""));

        var narrowNodes = narrow["establishments"]!["nodes"]!.AsArray();
        var wholeNodes = whole["establishments"]!["nodes"]!.AsArray();
        Assert.True(narrowNodes.Sum(n => n!["partnerships"]!.AsArray().Count) > 30, "the establishments belong to networks");
        foreach (var (n, w) in narrowNodes.Zip(wholeNodes))
        {
            foreach (var field in PartnershipNarrowRead.Fields)
            {
                Assert.Equal(Values(w!["partnerships"]!, field), Values(n!["partnerships"]!, field));
                Assert.Equal(Values(w["memberships"]!, field, "partnership"), Values(n["memberships"]!, field, "partnership"));
            }
            foreach (var field in MembershipNarrowRead.Fields.Where(f => f != "partnership")) Assert.Equal(Values(w!["memberships"]!, field), Values(n!["memberships"]!, field));
            Assert.All(w!["partnerships"]!.AsArray(), p => Assert.False(string.IsNullOrEmpty(p!["sourceKey"]!.GetValue<string>())));
        }
    }

    private static List<string> Values(System.Text.Json.Nodes.JsonNode list, string field, string? inside = null) =>
        [.. list.AsArray().Select(item => (inside is null ? item! : item![inside]!)[field]!.ToJsonString())];
}
