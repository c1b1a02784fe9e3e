using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// Every filter operator over the real Surrey 2021 extract: the API's SQL answer equals the same condition evaluated
/// in memory over every row of the store.
/// </summary>
public sealed class FilteringTests(Surrey2021Store imported) : IClassFixture<Surrey2021Store>
{
    private static bool Has(Establishment e, PartnershipKind kind) => e.Memberships.Any(m => m.Partnership!.Kind == kind);

    public static TheoryData<string, Func<Establishment, bool>> Cases => new()
    {
        { "{ phase: { eq: \"Primary\" } }", e => e.Phase == "Primary" },
        { "{ phase: { neq: \"Primary\" } }", e => e.Phase != "Primary" },
        { "{ numberOfPupils: { eq: null } }", e => e.NumberOfPupils == null },
        { "{ numberOfPupils: { neq: null } }", e => e.NumberOfPupils != null },
        { "{ phase: { in: [\"Primary\", \"Secondary\"] } }", e => e.Phase is "Primary" or "Secondary" },
        { "{ phase: { nin: [\"Primary\", \"Secondary\"] } }", e => e.Phase is not ("Primary" or "Secondary") },
        { "{ name: { contains: \"CofE\" } }", e => e.Name.Contains("CofE", StringComparison.Ordinal) },
        { "{ name: { ncontains: \"CofE\" } }", e => !e.Name.Contains("CofE", StringComparison.Ordinal) },
        { "{ name: { startsWith: \"St \" } }", e => e.Name.StartsWith("St ", StringComparison.Ordinal) },
        { "{ name: { nstartsWith: \"St \" } }", e => !e.Name.StartsWith("St ", StringComparison.Ordinal) },
        { "{ name: { endsWith: \"Academy\" } }", e => e.Name.EndsWith("Academy", StringComparison.Ordinal) },
        { "{ name: { nendsWith: \"Academy\" } }", e => !e.Name.EndsWith("Academy", StringComparison.Ordinal) },
        { "{ name: { or: [{ startsWith: \"A\" }, { endsWith: \"School\" }] } }", e => e.Name.StartsWith('A') || e.Name.EndsWith("School", StringComparison.Ordinal) },
        { "{ numberOfPupils: { gt: 500 } }", e => e.NumberOfPupils > 500 },
        { "{ numberOfPupils: { gte: 500 } }", e => e.NumberOfPupils >= 500 },
        { "{ numberOfPupils: { lt: 200 } }", e => e.NumberOfPupils < 200 },
        { "{ numberOfPupils: { lte: 200 } }", e => e.NumberOfPupils <= 200 },
        { "{ numberOfPupils: { ngt: 500 } }", e => !(e.NumberOfPupils > 500) },
        { "{ numberOfPupils: { ngte: 500 } }", e => !(e.NumberOfPupils >= 500) },
        { "{ numberOfPupils: { nlt: 200 } }", e => !(e.NumberOfPupils < 200) },
        { "{ numberOfPupils: { nlte: 200 } }", e => !(e.NumberOfPupils <= 200) },
        { "{ percentageFsm: { gt: 20.5 } }", e => e.PercentageFsm > 20.5 },
        { "{ openDate: { gte: \"2012-01-01\" } }", e => e.OpenDate >= new DateOnly(2012, 1, 1) },
        { "{ urn: { in: [125198, 125146, 1] } }", e => e.Urn is 125198 or 125146 },
        { "{ and: [{ phase: { eq: \"Primary\" } }, { numberOfPupils: { gt: 300 } }] }", e => e.Phase == "Primary" && e.NumberOfPupils > 300 },
        { "{ or: [{ phase: { eq: \"Secondary\" } }, { numberOfPupils: { gt: 600 } }] }", e => e.Phase == "Secondary" || e.NumberOfPupils > 600 },
        { "{ not: { phase: { eq: \"Primary\" } } }", e => !(e.Phase == "Primary") },
        { "{ memberships: { some: { partnership: { kind: { eq: DIOCESE } } } } }", e => Has(e, PartnershipKind.Diocese) },
        { "{ memberships: { none: { partnership: { kind: { in: [DIOCESE, MULTI_ACADEMY_TRUST] } } } } }", e => !Has(e, PartnershipKind.Diocese) && !Has(e, PartnershipKind.MultiAcademyTrust) },
        { "{ memberships: { all: { partnership: { kind: { nin: [DIOCESE] } } } } }", e => !Has(e, PartnershipKind.Diocese) },
        { "{ memberships: { any: true } }", e => e.Memberships.Count > 0 },
        { "{ memberships: { any: false } }", e => e.Memberships.Count == 0 },
        { "{ memberships: { some: { role: { neq: MEMBER } } } }", e => e.Memberships.Any(m => m.Role != MembershipRole.Member) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_operator_matches_the_same_rows_as_in_memory(string where, Func<Establishment, bool> expected)
    {
        var data = await imported.CreateClient().DataAsync($"{{ establishments(first: 100, where: {where}) {{ totalCount nodes {{ urn }} }} }}");

        var matching = imported.All.Where(expected).Select(e => e.Urn).Order().ToList();
        var connection = data["establishments"]!;
        Assert.Equal(matching.Count, connection["totalCount"]!.GetValue<int>());
        Assert.Equal(matching.Take(100), connection["nodes"]!.AsArray().Select(n => n!["urn"]!.GetValue<int>()));
    }

    [Fact]
    public void Some_cases_match_neither_nothing_nor_everything()
    {
        var sizes = Cases.Select(c => imported.All.Count((Func<Establishment, bool>)c[1])).ToList();

        Assert.All(sizes.Take(6), size => Assert.InRange(size, 1, imported.All.Count - 1));
    }

    [Fact]
    public async Task Partnerships_members_and_import_runs_take_filters_too()
    {
        var client = imported.CreateClient();
        var data = await client.DataAsync("""
            { partnerships(first: 20, where: { kind: { eq: DIOCESE } }) { totalCount nodes { kind
                members(first: 20, where: { establishment: { phase: { eq: "Primary" } } }) { totalCount nodes { establishment { phase } } } } }
              importRuns(where: { dataset: { eq: "gias-establishments" }, status: { in: [SUCCEEDED] }, rowsRead: { gt: 0 } }) { totalCount } }
            """);

        var dioceses = data["partnerships"]!["nodes"]!.AsArray();
        var expectedDioceses = imported.All.SelectMany(e => e.Memberships).Select(m => m.Partnership!).Where(p => p.Kind == PartnershipKind.Diocese).DistinctBy(p => p.Id).Count();
        Assert.Equal(expectedDioceses, data["partnerships"]!["totalCount"]!.GetValue<int>());
        Assert.All(dioceses, d => Assert.Equal("DIOCESE", d!["kind"]!.GetValue<string>()));
        Assert.All(dioceses.SelectMany(d => d!["members"]!["nodes"]!.AsArray()), m => Assert.Equal("Primary", m!["establishment"]!["phase"]!.GetValue<string>()));
        Assert.Contains(dioceses, d => d!["members"]!["totalCount"]!.GetValue<int>() > 0);
        Assert.Equal(1, data["importRuns"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_filter_with_too_many_conditions_is_refused_and_the_server_stays_up()
    {
        var client = imported.CreateClient();
        var conditions = string.Join(", ", Enumerable.Repeat("{ phase: { eq: \"x\" } }", 1500));

        var result = await client.QueryAsync($"{{ establishments(where: {{ or: [{conditions}] }}) {{ totalCount }} }}");
        var after = await client.DataAsync("{ __typename }");

        Assert.Equal("FILTER_TOO_COMPLEX", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Query", after["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_filter_on_an_unknown_field_is_a_validation_error()
    {
        var result = await imported.CreateClient().QueryAsync("{ establishments(where: { nosuch: { eq: 1 } }) { totalCount } }");

        Assert.Null(result["data"]);
        Assert.NotNull(result["errors"]);
    }

    [Fact]
    public async Task Generated_inputs_have_hotchocolates_names_and_shapes()
    {
        var data = await imported.CreateClient().DataAsync("""
            { s: __type(name: "StringOperationFilterInput") { inputFields { name } }
              e: __type(name: "PartnershipKindOperationFilterInput") { inputFields { name type { kind ofType { kind name } } } }
              l: __type(name: "ListFilterInputTypeOfMembershipFilterInput") { inputFields { name } }
              i: __type(name: "IntOperationFilterInput") { inputFields { name } } }
            """);

        static string[] Names(JsonNode type) => type["inputFields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(["and", "or", "eq", "neq", "contains", "ncontains", "in", "nin", "startsWith", "nstartsWith", "endsWith", "nendsWith"], Names(data["s"]!));
        Assert.Equal(["eq", "neq", "in", "nin"], Names(data["e"]!));
        Assert.Equal(["all", "none", "some", "any"], Names(data["l"]!));
        Assert.Equal(["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"], Names(data["i"]!));
    }
}
