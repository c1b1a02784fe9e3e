using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Api.Querying;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Establishments;

/// <summary>
/// Filtered and sorted pages of <c>establishments</c> answered from the held rows (<see cref="HeldFilter"/>,
/// <see cref="HeldOrder{T}"/>) answer exactly as the store does: hundreds of random filters (every operation, nulls,
/// case, <c>and/or/not</c>, memberships' <c>some/all/none/any</c>) and orders (every sortable type, both directions,
/// nulls), paged forwards and backwards, on a real export whose names include texts a language's collation would order
/// otherwise than by code point; and none of them reads the table.
/// </summary>
public sealed class HeldQueriesTests
{
    private const string FromStore = "FROM \"Establishments\"";

    private static readonly string[] Conditions =
    [
        """phase: { eq: "Primary" }""", """phase: { in: ["Primary", "Secondary", null] }""", """phase: { neq: "Primary" }""", """phase: { nin: ["Primary"] }""",
        """phase: { eq: null }""", """numberOfPupils: { gt: 200 }""", """numberOfPupils: { lte: 150 }""", """numberOfPupils: { ngt: 300 }""",
        """numberOfPupils: { eq: null }""", """numberOfPupils: { neq: null }""", """numberOfPupils: { in: [100, 210, null] }""", """numberOfPupils: { nlt: 400 }""",
        """name: { contains: "School" }""", """name: { contains: "st" }""", """name: { ncontains: "Infant" }""", """name: { ncontains: "CofE" }""", """name: { eq: "alpha held school" }""", """name: { contains: "é" }""",
        """laName: { eq: "Hampshire" }""", """laName: { eq: "hampshire" }""", """laName: { in: ["Surrey", "Hampshire"] }""", """laName: { neq: "Surrey" }""",
        """percentageFsm: { gte: 10.5 }""", """percentageFsm: { lt: 5 }""", """openDate: { gt: "2010-01-01" }""", """openDate: { eq: null }""",
        """closeDate: { neq: null }""", """statutoryLowAge: { lt: 5 }""", """status: { eq: "Open" }""", """urn: { gte: 120000, lt: 140000 }""",
        """memberships: { some: { partnership: { kind: { eq: DIOCESE } } } }""", """memberships: { none: { partnership: { kind: { in: [MULTI_ACADEMY_TRUST, FEDERATION] } } } }""",
        """memberships: { all: { role: { eq: MEMBER } } }""", """memberships: { any: true }""", """memberships: { any: false }""",
        """memberships: { some: { left: { neq: null } } }""", """memberships: { some: { joined: { gt: "2020-06-01" } } }""", """memberships: { all: { joined: { lt: "2021-01-01" } } }""", """memberships: { some: { partnership: { name: { contains: "Diocese" } } } }""",
        """memberships: { some: { establishment: { phase: { eq: "Secondary" } }, partnership: { kind: { neq: LOCAL_AUTHORITY } } } }""",
    ];

    private static readonly string[] SortKeys = ["name", "laName", "numberOfPupils", "percentageFsm", "openDate", "phase", "closeDate", "statutoryLowAge", "urn", "easting"];

    /// <summary>Names a language's collation orders otherwise than by code point (case, accents, spaces, a private-use and a supplementary character).</summary>
    private static readonly string[] TrickyNames = ["alpha held school", "Zeta Held School", "école held", "Ecole held", " leading space held", "_underscore held", "\uE000 private held", "\U0001D504 fraktur held", "ß held", "ss held"];

    [Fact]
    public async Task Random_filters_and_orders_answer_from_memory_as_the_store_does()
    {
        await using var held = await ServerAsync(heldRows: true);
        await using var store = await ServerAsync(heldRows: false);
        var random = new Random(20261207);
        var (fromMemory, fromStore) = (held.CreateClient(), store.CreateClient());
        var answered = 0;

        held.Sql.Clear();
        for (var i = 0; i < 120; i++)
        {
            var arguments = $"where: {{ {Filter(random, 2)} }}, order: [{string.Join(", ", Order(random))}]";
            var backward = random.Next(4) == 0;
            string? cursor = null;
            for (var pageNumber = 0; pageNumber < 3; pageNumber++)
            {
                var query = Page(arguments, backward, cursor, size: random.Next(1, 4) == 1 ? 1 : 9);
                var (expected, actual) = (await fromStore.DataAsync(query), await fromMemory.DataAsync(query));
                Assert.True(expected.ToJsonString() == actual.ToJsonString(), $"{query}\nstore: {expected.ToJsonString()}\nheld: {actual.ToJsonString()}");
                var pageInfo = actual["establishments"]!["pageInfo"]!;
                answered += actual["establishments"]!["nodes"]!.AsArray().Count;
                if (!pageInfo[backward ? "hasPreviousPage" : "hasNextPage"]!.GetValue<bool>()) break;
                cursor = pageInfo[backward ? "startCursor" : "endCursor"]!.GetValue<string>();
            }
        }

        Assert.DoesNotContain(held.Sql, sql => sql.Contains(FromStore));
        Assert.True(answered > 1000, $"{answered} nodes compared");
    }

    [Theory]
    [InlineData("where: { memberships: { some: { partnership: { memberships: { any: true } } } } }")] // a network's memberships are not held
    [InlineData("where: { name: { startsWith: \"st\" } }")] // SQLite's LIKE ignores the case of ASCII letters, PostgreSQL's does not
    [InlineData("order: [{ name: ASC }], before: \"bm90IGEgY3Vyc29y\"")] // an invalid cursor: the store's error
    public async Task What_the_held_rows_cannot_answer_the_store_does(string arguments)
    {
        await using var held = await ServerAsync(heldRows: true);
        await using var store = await ServerAsync(heldRows: false);
        var query = $$"""{ establishments(first: 3, {{arguments}}) { totalCount nodes { urn name } } }""";

        held.Sql.Clear();
        var fromMemory = (await held.CreateClient().QueryAsync(query)).ToJsonString();
        var fromStore = (await store.CreateClient().QueryAsync(query)).ToJsonString();

        Assert.Equal(fromStore, fromMemory);
        if (!fromStore.Contains("\"errors\"")) Assert.Contains(held.Sql, sql => sql.Contains(FromStore));
    }

    [Fact]
    public async Task A_membership_added_is_seen_by_the_next_filter()
    {
        await using var held = await ServerAsync(heldRows: true);
        var client = held.CreateClient();
        const string query = """{ establishments(first: 100, where: { memberships: { some: { partnership: { kind: { eq: DIOCESE } } } } }, order: [{ name: DESC }]) { totalCount nodes { urn } } }""";
        var before = await client.DataAsync(query);
        var outside = (await client.DataAsync("""{ establishments(first: 1, where: { memberships: { none: { partnership: { kind: { eq: DIOCESE } } } } }) { nodes { urn } } }"""))
            ["establishments"]!["nodes"]![0]!["urn"]!.GetValue<int>();

        await held.WithStoreAsync(async db =>
        {
            var diocese = await db.Partnerships.FirstAsync(p => p.Kind == PartnershipKind.Diocese);
            db.Memberships.Add(new Membership { EstablishmentUrn = outside, PartnershipId = diocese.Id, Source = "held queries test" });
            return await db.SaveChangesAsync();
        });
        var justAfter = await client.DataAsync(query);
        await held.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync();
        held.Sql.Clear();
        var fromMemory = await client.DataAsync(query);

        Assert.DoesNotContain(held.Sql, sql => sql.Contains(FromStore));
        Assert.Equal(justAfter.ToJsonString(), fromMemory.ToJsonString());
        Assert.Equal(before["establishments"]!["totalCount"]!.GetValue<int>() + 1, fromMemory["establishments"]!["totalCount"]!.GetValue<int>());
        Assert.Contains(fromMemory["establishments"]!["nodes"]!.AsArray(), n => n!["urn"]!.GetValue<int>() == outside);
    }

    [Fact]
    public void In_a_large_table_a_filter_an_index_narrows_is_left_to_the_store()
    {
        var schools = Enumerable.Range(0, HeldRows<Establishment>.ScannedWhole + 1).Select(i => new Establishment { Urn = 100_000 + i, Name = $"School {i}", LaCode = $"{800 + i % 150}", Phase = "Primary" }).ToArray();
        var shape = new HeldShape(new HashSet<System.Reflection.PropertyInfo>(), new HashSet<System.Reflection.PropertyInfo>(), TextByCodePoint: true, Indexed: new HashSet<string> { "Urn", "LaCode" });
        var large = new HeldRows<Establishment>(schools, e => e.Urn, EstablishmentQueries.ByUrn, shape);
        var small = new HeldRows<Establishment>(schools[..100], e => e.Urn, EstablishmentQueries.ByUrn, shape);
        var order = Ordering<Establishment>.From(null, e => e.Urn);
        var page = new PageRequest(5, Backward: false, After: null, Before: null);
        var byLa = FilterExpressions.Build<Establishment>(new Dictionary<string, object?> { ["laCode"] = new Dictionary<string, object?> { ["eq"] = "850" } })!;
        var byPhase = FilterExpressions.Build<Establishment>(new Dictionary<string, object?> { ["phase"] = new Dictionary<string, object?> { ["eq"] = "Primary" } })!;

        Assert.Null(large.Query(byLa, order, page));
        Assert.Equal(5, large.Query(byPhase, order, page)!.Items.Count);
        Assert.Equal([100_050], small.Query(byLa, order, page)!.Items.Select(e => e.Urn));
    }

    [Fact]
    public void Text_is_ordered_by_code_point_as_the_store_orders_bytes_of_utf8()
    {
        var texts = TrickyNames.Concat(["", "a", "A", "\uFFFF", "\U00010000", "\uD7FF"]).ToList();
        var byBytes = texts.OrderBy(t => t, Comparer<string>.Create((x, y) => ((ReadOnlySpan<byte>)System.Text.Encoding.UTF8.GetBytes(x)).SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(y)))).ToList();
        Assert.Equal(byBytes, texts.OrderBy(t => t, Comparer<string>.Create(HeldValueOrder.CodePoints)).ToList());
        Assert.NotEqual(byBytes, texts.OrderBy(t => t, StringComparer.Ordinal).ToList()); // UTF-16 order differs: the test can fail
    }

    private static string Filter(Random random, int depth)
    {
        var count = random.Next(1, 4);
        var parts = Enumerable.Range(0, count).Select(_ => Conditions[random.Next(Conditions.Length)]).DistinctBy(c => c.Split(':')[0]).ToList();
        if (depth > 0 && random.Next(3) == 0)
        {
            var combinator = random.Next(3) switch { 0 => "and", 1 => "or", _ => "not" };
            parts.Add(combinator == "not" ? $"not: {{ {Filter(random, depth - 1)} }}" : $"{combinator}: [{{ {Filter(random, depth - 1)} }}, {{ {Filter(random, depth - 1)} }}]");
        }
        return string.Join(", ", parts);
    }

    private static IEnumerable<string> Order(Random random) =>
        SortKeys.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).Select(key => $"{{ {key}: {(random.Next(2) == 0 ? "ASC" : "DESC")} }}");

    private static string Page(string arguments, bool backward, string? cursor, int size) =>
        $$"""
        { establishments({{(backward ? "last" : "first")}}: {{size}}, {{arguments}}{{(cursor is null ? "" : $", {(backward ? "before" : "after")}: \"{cursor}\"")}}) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } nodes { urn name laName numberOfPupils percentageFsm openDate phase } } }
        """;

    /// <summary>A real export with some schools renamed to <see cref="TrickyNames"/>, its rows held (or not), read before it answers.</summary>
    private static async Task<SqlRecordingFactory> ServerAsync(bool heldRows)
    {
        var server = new SqlRecordingFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Atlas:Limits:MaxCost"] = "100000", ["Atlas:Limits:CostPerMinute"] = "0", [HeldEstablishments.EnabledKey] = heldRows ? "true" : "false",
            },
        };
        await server.ImportAsync("gias-establishments", RealData.GiasExport2022);
        await server.WithStoreAsync(async db =>
        {
            var schools = await db.Establishments.OrderBy(e => e.Urn).Take(TrickyNames.Length).ToListAsync();
            foreach (var (school, name) in schools.Zip(TrickyNames)) school.Name = name;
            return await db.SaveChangesAsync();
        });
        await server.CreateClient().DataAsync("{ establishments(first: 1) { nodes { urn } } }");
        await server.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync();
        return server;
    }
}
