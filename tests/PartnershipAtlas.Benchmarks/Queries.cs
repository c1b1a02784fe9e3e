using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PartnershipAtlas.Benchmarks;

/// <summary>The measured queries.</summary>
public static class Queries
{
    private const string Attainment = """
        query($after: String) { partnerships(kinds: [MULTI_ACADEMY_TRUST], first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id name memberCount
          attainment(keyStage: KS2, year: 2019, measure: "PTRWM_EXP") { schoolsCounted schoolsWithValue schoolsSuppressed pupilsCovered mean pupilWeightedMean gap
            disadvantaged { pupilWeightedMean } other { pupilWeightedMean } localAuthorities { laCode all { value } } national { all { value } } } } } }
        """;

    public static async Task AttainmentOfEveryTrustAsync(HttpClient client, StatementCounter statements)
    {
        await PostAsync(client, Attainment, new { after = (string?)null });
        var (trusts, pages, total) = (0, 0, Stopwatch.StartNew());
        string? after = null;
        var perPage = new List<(int Trusts, int Statements, double Ms)>();
        do
        {
            statements.Reset();
            var clock = Stopwatch.StartNew();
            var data = await PostAsync(client, Attainment, new { after });
            var page = data["partnerships"]!;
            var count = page["nodes"]!.AsArray().Count;
            perPage.Add((count, statements.Count, clock.Elapsed.TotalMilliseconds));
            (trusts, pages) = (trusts + count, pages + 1);
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
        Console.WriteLine($"attainment of every trust: {trusts} trusts in {pages} page(s) of ≤100, {total.Elapsed.TotalMilliseconds:0} ms in all");
        foreach (var (count, sql, ms) in perPage) Console.WriteLine($"  page: {count} trusts, {sql} SQL statements, {ms:0} ms");

        statements.Reset();
        await PostAsync(client, Attainment.Replace("first: 100", "first: 2"), new { after = (string?)null });
        Console.WriteLine($"  for comparison, a page of 2 trusts: {statements.Count} SQL statements");
    }

    public static async Task ComparisonOfLargestTrustAsync(HttpClient client, StatementCounter statements)
    {
        var trusts = await PostAsync(client, """
            { partnerships(kinds: [MULTI_ACADEMY_TRUST], first: 100) { nodes { id name memberCount } } }
            """, null);
        var largest = trusts["partnerships"]!["nodes"]!.AsArray().MaxBy(n => (int)n!["memberCount"]!)!;
        statements.Reset();
        var clock = Stopwatch.StartNew();
        var data = await PostAsync(client, """
            query($id: ID!) { node(id: $id) { ... on Partnership { comparison(keyStage: KS2, measure: "PTRWM_EXP", preYears: [2017, 2018], postYears: [2019]) {
              members membersWithData poolSize pairs estimate standardError confidenceLower confidenceUpper } } } }
            """, new { id = (string)largest["id"]! });
        var c = data["node"]!["comparison"]!;
        Console.WriteLine($"comparison of {(string)largest["name"]!} ({(int)largest["memberCount"]!} members): {clock.Elapsed.TotalMilliseconds:0} ms, {statements.Count} SQL statements");
        Console.WriteLine($"  {c.ToJsonString()}");
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string query, object? variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is { } errors) throw new InvalidOperationException(errors.ToJsonString());
        return body["data"]!;
    }
}
