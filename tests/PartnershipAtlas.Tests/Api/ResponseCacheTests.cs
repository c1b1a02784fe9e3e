using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Api.Auth;
using PartnershipAtlas.Api.Caching;
using PartnershipAtlas.Benchmarks;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// A query sent again while the store is unchanged is answered from the response cache without a statement; any
/// write (a mutation, an import, even one by the command line in another process) and a new day make the next
/// answer fresh; errors are never kept; the cost rate limit still counts every answer.
/// </summary>
public sealed class ResponseCacheTests(ResponseCacheTests.Server server) : IClassFixture<ResponseCacheTests.Server>
{
    /// <summary>The server on the real 2022 export, with an editor key, a clock the tests move and its statements counted.</summary>
    public sealed class Server : AtlasFactory, IAsyncLifetime
    {
        public StatementCounter Statements { get; } = new();

        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Atlas:ApiKeys:0:Name", "editor");
            builder.UseSetting("Atlas:ApiKeys:0:Sha256", ApiKeyAuthentication.Hash(MutationTests.EditorKey));
            builder.UseSetting("Atlas:ApiKeys:0:Roles:0", "editor");
            builder.ConfigureServices(services =>
            {
                services.InterceptStore(Statements);
                services.AddSingleton<TimeProvider>(Clock);
            });
        }

        public Task InitializeAsync() => ImportAsync("gias-establishments", RealData.GiasExport2022);

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>The system clock, moved on by whole days when a test says so.</summary>
    public sealed class MovableClock : TimeProvider
    {
        private long days;

        public void NextDay() => Interlocked.Increment(ref days);

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddDays(Interlocked.Read(ref days));
    }

    private sealed record Answer(HttpStatusCode Status, string? Cache, string Text)
    {
        public JsonNode Body => JsonNode.Parse(Text)!;
    }

    private static async Task<Answer> PostAsync(HttpClient client, string query, object? variables = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (key is not null) request.Headers.Add(ApiKeyAuthentication.HeaderName, key);
        using var response = await client.SendAsync(request);
        var cache = response.Headers.TryGetValues(ResponseCache.Header, out var values) ? values.Single() : null;
        return new Answer(response.StatusCode, cache, await response.Content.ReadAsStringAsync());
    }

    private static int TotalCount(Answer answer, string field) => answer.Body["data"]![field]!["totalCount"]!.GetValue<int>();

    [Fact]
    public async Task A_query_sent_again_is_answered_from_the_cache_without_a_statement_and_other_variables_are_not()
    {
        const string Query = "query($la: String) { establishments(first: 5, where: { laName: { eq: $la } }, order: [{ urn: ASC }]) { totalCount nodes { urn name memberships { partnership { name } } } } }";
        var client = server.CreateClient();

        var first = await PostAsync(client, Query, new { la = "Surrey" });
        await server.Services.GetRequiredService<HeldEstablishments>().WhenReadAsync(); // the held rows' read in the background, which the first answer started, is not the repeat's
        await server.Services.GetRequiredService<ActiveMembershipIndexes>().WhenReadAsync();
        var before = server.Statements.Count;
        var again = await PostAsync(client, Query, new { la = "Surrey" });
        var statementsForTheRepeat = server.Statements.Count - before;
        var other = await PostAsync(client, Query, new { la = "Hampshire" });

        Assert.Equal(("miss", "hit", "miss"), (first.Cache, again.Cache, other.Cache));
        Assert.Equal(0, statementsForTheRepeat);
        Assert.Equal(first.Text, again.Text);
        Assert.True(TotalCount(first, "establishments") > 0);
        Assert.NotEqual(TotalCount(first, "establishments"), TotalCount(other, "establishments"));
        Assert.Equal(first.Body["extensions"]!["cost"]!.ToJsonString(), again.Body["extensions"]!["cost"]!.ToJsonString());
    }

    [Fact]
    public async Task A_mutation_makes_the_next_answer_fresh()
    {
        const string Query = "query($name: String) { partnerships(where: { name: { eq: $name } }) { totalCount nodes { name } } }";
        var name = $"Cache test network {Guid.NewGuid():N}";
        var client = server.CreateClient();
        await PostAsync(client, Query, new { name });
        var cached = await PostAsync(client, Query, new { name });

        var created = await PostAsync(client, "mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }",
            new { input = new { kind = "FEDERATION", name } }, MutationTests.EditorKey);
        var after = await PostAsync(client, Query, new { name });

        Assert.Equal(("hit", 0), (cached.Cache, TotalCount(cached, "partnerships")));
        Assert.NotNull(created.Body["data"]!["createPartnership"]);
        Assert.Equal(("miss", 1), (after.Cache, TotalCount(after, "partnerships")));
    }

    [Fact]
    public async Task An_import_by_the_command_line_in_another_process_makes_the_next_answer_fresh()
    {
        const string Query = "{ importRuns(first: 1) { totalCount } }";
        var client = server.CreateClient();
        await PostAsync(client, Query);
        var cached = await PostAsync(client, Query);

        // The same file again: the run is recorded (skipped, same content), so the runs' count goes up by one.
        var cli = await AtlasCli.RunAsync(server, "import", "gias-establishments", RealData.GiasExport2022);
        var after = await PostAsync(client, Query);

        Assert.Equal(0, cli.ExitCode);
        Assert.Equal("hit", cached.Cache);
        Assert.Equal(("miss", TotalCount(cached, "importRuns") + 1), (after.Cache, TotalCount(after, "importRuns")));
    }

    [Fact]
    public async Task A_get_naming_the_answers_entity_tag_gets_304_until_the_answer_changes()
    {
        var name = $"ETag test network {Guid.NewGuid():N}";
        var url = "/graphql?query=" + Uri.EscapeDataString($"{{ partnerships(where: {{ name: {{ eq: \"{name}\" }} }}) {{ totalCount }} }}");
        var client = server.CreateClient();
        async Task<HttpResponseMessage> GetAsync(string? tag)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/graphql-response+json");
            if (tag is not null) request.Headers.IfNoneMatch.ParseAdd(tag);
            return await client.SendAsync(request);
        }

        using var first = await GetAsync(null);
        var tag = first.Headers.ETag!.ToString();
        using var unchanged = await GetAsync(tag);
        var posted = await PostAsync(client, $"{{ partnerships(where: {{ name: {{ eq: \"{name}\" }} }}) {{ totalCount }} }}");
        await PostAsync(client, "mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }",
            new { input = new { kind = "FEDERATION", name } }, MutationTests.EditorKey);
        using var changed = await GetAsync(tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode.NotModified, ""), (unchanged.StatusCode, await unchanged.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag!.ToString());
        Assert.Equal(1, JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["data"]!["partnerships"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_new_day_computes_the_answer_again_as_as_of_defaults_to_today()
    {
        const string Query = "{ partnerships(first: 3, where: { kind: { eq: DIOCESE } }) { nodes { name memberCount } } }";
        var client = server.CreateClient();
        await PostAsync(client, Query);
        var cached = await PostAsync(client, Query);

        server.Clock.NextDay();
        var tomorrow = await PostAsync(client, Query);

        Assert.Equal(("hit", "miss"), (cached.Cache, tomorrow.Cache));
    }

    [Theory]
    [InlineData("{ establishments(first: 2, after: \"garbage\") { nodes { urn } } }")]
    [InlineData("{ establishments(first: 101) { nodes { urn } } }")]
    public async Task Answers_with_errors_are_never_kept(string query)
    {
        var client = server.CreateClient();
        var answers = new[] { await PostAsync(client, query), await PostAsync(client, query) };

        Assert.All(answers, a => Assert.NotNull(a.Body["errors"]));
        Assert.All(answers, a => Assert.NotEqual("hit", a.Cache));
    }

    [Theory]
    [InlineData("{ __typename }")]
    [InlineData("{ __schema { queryType { name } } }")]
    public async Task Queries_that_read_nothing_from_the_store_are_not_cached(string query)
    {
        var client = server.CreateClient();
        var answers = new[] { await PostAsync(client, query), await PostAsync(client, query) };

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, null), (a.Status, a.Cache)));
    }

    [Fact]
    public async Task The_cost_rate_limit_counts_cached_answers_too()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:Limits:CostPerMinute"] = "100" });
        var client = factory.CreateClient();
        const string Query = "{ partnerships(first: 2) { nodes { name } } }"; // costs 10 + 1 = 11

        var answers = new List<Answer>();
        for (var i = 0; i < 10; i++) answers.Add(await PostAsync(client, Query));

        Assert.Equal(11, answers[0].Body["extensions"]!["cost"]!["requested"]!.GetValue<int>());
        Assert.All(answers.Take(9), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Skip(1).Take(8), a => Assert.Equal("hit", a.Cache));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[9].Status);
        Assert.Equal("RATE_LIMITED", answers[9].Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Switched_off_every_answer_is_computed()
    {
        await using var factory = new ConfiguredAtlasFactory(new Dictionary<string, string> { [$"{ResponseCacheOptions.Section}:Enabled"] = "false" });
        var client = factory.CreateClient();

        var answers = new[] { await PostAsync(client, "{ importRuns { totalCount } }"), await PostAsync(client, "{ importRuns { totalCount } }") };

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, null), (a.Status, a.Cache)));
    }
}
