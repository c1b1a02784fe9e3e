using System.Net;
using System.Text.Json;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api.Abuse;

/// <summary>
/// Documents written to hurt the server are refused before execution with an error naming the limit, the server's own
/// analysis taking under 100 ms (Server-Timing; the wall bound is generous, for a loaded machine), and the server still
/// answers afterwards.
/// </summary>
public sealed class AbusePatternTests(Surrey2021Store store) : IClassFixture<Surrey2021Store>
{
    private const double AnalysisBoundMs = 100;
    private static readonly TimeSpan WallBound = TimeSpan.FromSeconds(5);

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    public static TheoryData<string, string, string> Exploding() => new()
    {
        { "alias flood", "{ " + string.Concat(Enumerable.Range(0, 3000).Select(i => $"a{i}: __typename ")) + "}", "MaxSelectionNodes" },
        { "repeated fields", "{ " + Repeat("__typename ", 3000) + "}", "MaxSelectionNodes" },
        { "repeated directives", "{ __typename " + Repeat("@include(if: true) ", 3000) + "}", "MaxSelectionNodes" },
        { "fragment fan-out", "{ ...F0 } " + string.Concat(Enumerable.Range(0, 8).Select(i => $"fragment F{i} on Query {{ {Repeat($"...F{i + 1} ", 8)}}} ")) + "fragment F8 on Query { __typename }", "MaxSelectionNodes" },
        { "deep introspection", "{ __schema { types " + Repeat("{ fields { type ", 11) + "{ name }" + Repeat(" } }", 11) + " } }", "MaxIntrospectionDepth" },
        { "ofType chain", "{ __type(name: \"Query\") " + Repeat("{ ofType ", 25) + "{ name }" + Repeat(" }", 25) + " }", "MaxIntrospectionDepth" },
        { "deep selection", "{ partnerships(first: 1) { nodes " + Repeat("{ members(first: 1) { nodes { establishment { partnerships ", 3) + "{ name }" + Repeat(" } } } }", 3) + " } }", "MaxDepth" },
    };

    [Theory]
    [MemberData(nameof(Exploding))]
    public async Task A_document_built_to_explode_is_refused_fast_naming_the_limit(string pattern, string query, string limit)
    {
        var client = store.CreateClient();
        await AbuseClient.PostAsync(client, "{ __typename }");

        var answer = await AbuseClient.PostAsync(client, query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Null(answer.Body["data"]);
        Assert.Contains($"Atlas:Limits:{limit}", answer.Message, StringComparison.Ordinal);
        Assert.True(answer.AnalysisMs < AnalysisBoundMs, $"{pattern}: analysed in {answer.AnalysisMs} ms");
        Assert.True(answer.Wall < WallBound, $"{pattern}: answered in {answer.Wall.TotalMilliseconds} ms");
        Assert.Equal("Query", (await client.DataAsync("{ __typename }"))["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_huge_list_in_variables_is_refused_before_execution_naming_the_limit()
    {
        var client = store.CreateClient();
        const string Query = "query($kinds: [PartnershipKind!]) { partnerships(kinds: $kinds, first: 1) { totalCount } }";

        var small = await AbuseClient.PostAsync(client, Query, new { kinds = Enumerable.Repeat("DIOCESE", 10) });
        var huge = await AbuseClient.PostAsync(client, Query, new { kinds = Enumerable.Repeat("DIOCESE", 1500) });
        var nested = await AbuseClient.PostAsync(client, Query, new { kinds = new[] { "DIOCESE" }, other = new { deep = new { list = Enumerable.Range(0, 2000) } } });

        Assert.Equal(HttpStatusCode.OK, small.Status);
        Assert.Equal(HttpStatusCode.BadRequest, huge.Status);
        Assert.Equal("MAX_VARIABLE_LIST_LENGTH", huge.Code);
        Assert.Contains("Atlas:Limits:MaxVariableListLength", huge.Message, StringComparison.Ordinal);
        Assert.Equal(1500, huge.Body["errors"]![0]!["extensions"]!["detectedListLength"]!.GetValue<int>());
        Assert.Equal("MAX_VARIABLE_LIST_LENGTH", nested.Code);
        Assert.True(huge.Wall < WallBound && nested.Wall < WallBound, $"answered in {huge.Wall.TotalMilliseconds} and {nested.Wall.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_batched_array_of_requests_is_refused_as_a_whole()
    {
        var client = store.CreateClient();
        var batch = JsonSerializer.Serialize(Enumerable.Repeat(new { query = "{ partnerships(first: 50) { totalCount } }" }, 500));

        var answer = await AbuseClient.PostRawAsync(client, batch);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("Batched requests", answer.Message, StringComparison.Ordinal);
        Assert.Null(answer.Body["data"]);
        Assert.True(answer.Wall < WallBound, $"answered in {answer.Wall.TotalMilliseconds} ms");
    }
}
