using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Examples;

/// <summary>
/// Every IDE tab and every README example, run over HTTP against a server on its first start with the shipped default
/// data: no errors, and an answer with something in it.
/// </summary>
public sealed class WorkedExamplesTests(WorkedExamplesTests.FirstStart server) : IClassFixture<WorkedExamplesTests.FirstStart>
{
    public sealed class FirstStart : AtlasFactory
    {
        protected override bool LoadDefaultData => true;
    }

    public static TheoryData<string> Tabs => new(WorkedExamples.TabFiles.Select(f => Path.GetFileName(f)!));

    public static TheoryData<int> ReadmeExamples => new(Enumerable.Range(0, WorkedExamples.ReadmeQueries.Count));

    [Fact]
    public void The_IDE_has_a_tab_for_each_worked_example_and_the_README_has_examples()
    {
        Assert.True(WorkedExamples.TabFiles.Count >= 10, $"only {WorkedExamples.TabFiles.Count} tabs in {WorkedExamples.TabsFolder}");
        Assert.True(WorkedExamples.ReadmeQueries.Count >= 4, $"only {WorkedExamples.ReadmeQueries.Count} graphql blocks in the README");
    }

    [Theory]
    [MemberData(nameof(Tabs))]
    public async Task Each_IDE_tab_answers_on_the_default_data(string tab) =>
        AssertAnswers(tab, await server.CreateClient().QueryAsync(await File.ReadAllTextAsync(Path.Combine(WorkedExamples.TabsFolder, tab))));

    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public async Task Each_README_example_answers_on_the_default_data(int index) =>
        AssertAnswers($"README example {index + 1}", await server.CreateClient().QueryAsync(WorkedExamples.ReadmeQueries[index]));

    /// <summary>No errors; every root field has a value with a non-empty list in it; a root connection's nodes are non-empty.</summary>
    private static void AssertAnswers(string name, JsonNode answer)
    {
        Assert.True(answer["errors"] is null, $"{name}: {answer["errors"]?.ToJsonString()}");
        var data = Assert.IsType<JsonObject>(answer["data"]);
        Assert.NotEmpty(data);
        foreach (var (field, value) in data)
        {
            Assert.True(value is not null, $"{name}: {field} is null");
            Assert.True(HasNonEmptyList(value), $"{name}: {field} has no non-empty list: {value.ToJsonString()}");
        }
        foreach (var (field, nodes) in data.Select(p => (p.Key, p.Value?["nodes"])).Where(p => p.Item2 is JsonArray))
        {
            Assert.True(nodes!.AsArray().Count > 0, $"{name}: {field} has no nodes: {data.ToJsonString()}");
        }
    }

    private static bool HasNonEmptyList(JsonNode node) => Descendants(node).OfType<JsonArray>().Any(a => a.Count > 0);

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var d in Descendants(child)) yield return d;
        }
    }
}
