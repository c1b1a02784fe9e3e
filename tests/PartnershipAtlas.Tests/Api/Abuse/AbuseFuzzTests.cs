using System.Net;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api.Abuse;

/// <summary>
/// Documents generated from the live schema with growing fragment fan-out, alias counts and depth: every one over a
/// limit is refused with the error naming it, every one is analysed by the server in under 100 ms (its own
/// Server-Timing; the wall bound is generous for a loaded machine), none gets a 5xx, and the server keeps answering.
/// </summary>
public sealed class AbuseFuzzTests
{
    private const int MaxSelectionNodes = 2000;
    private const int MaxDepth = 12;
    private const double AnalysisBoundMs = 100;
    private static readonly TimeSpan WallBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Generated_documents_that_explode_are_refused_within_the_bound()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:Limits:CostPerMinute"] = "0" });
        var client = factory.CreateClient();
        var generator = new AbuseDocuments(new FuzzSchema(await client.DataAsync(FuzzSchema.Introspection)), new Random(20261206));
        var documents = new List<AbuseDocuments.Document>();
        for (var levels = 1; levels <= 12; levels++)
        {
            foreach (var fanOut in new[] { 2, 3, 5, 10 }) documents.Add(generator.FragmentFanOut(levels, fanOut));
        }
        foreach (var aliases in new[] { 10, 100, 1000, 1999, 2001, 2500 }) documents.Add(generator.AliasFlood(aliases));
        for (var depth = 2; depth <= 40; depth += 2) documents.Add(generator.Deep(depth));

        var refused = 0;
        foreach (var (document, i) in documents.Select((d, i) => (d, i)))
        {
            // Numbered, so no two texts are the same and none is answered from the response cache unanalysed.
            var answer = await AbuseClient.PostAsync(client, $"# {i}\n{document.Text}");
            var what = $"{document.Kind} ({document.Expansion} nodes, depth {document.Depth}): {(int)answer.Status} {answer.Code} {answer.Message}";

            Assert.True((int)answer.Status < 500, what);
            Assert.True(answer.AnalysisMs < AnalysisBoundMs, $"{what}: analysed in {answer.AnalysisMs} ms");
            Assert.True(answer.Wall < WallBound, $"{what}: answered in {answer.Wall.TotalMilliseconds} ms");
            if (document.Expansion > MaxSelectionNodes)
            {
                Assert.True(answer.Code == "MAX_SELECTION_NODES" && answer.Body["data"] is null, what);
                Assert.Contains("Atlas:Limits:MaxSelectionNodes", answer.Message, StringComparison.Ordinal);
            }
            else if (document.Depth > MaxDepth)
            {
                Assert.True(answer.Code == "MAX_EXECUTION_DEPTH" && answer.Body["data"] is null, what);
            }
            if (answer.Status == HttpStatusCode.BadRequest) refused++;
        }

        Assert.InRange(refused, documents.Count / 3, documents.Count - 5);
        Assert.Equal("Query", (await client.DataAsync("{ __typename }"))["__typename"]!.GetValue<string>());
    }
}
