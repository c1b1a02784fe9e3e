using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Http;
using PartnershipAtlas.Api.Http.Steps;
using PartnershipAtlas.Api.Limits;
using PartnershipAtlas.Api.Persisted;

namespace PartnershipAtlas.Tests.Api.Http;

/// <summary>Each of <c>/graphql</c>'s steps alone, on a bare request (the endpoint's tests run them together).</summary>
public sealed class HttpStepsTests
{
    private static GraphQLExchange Exchange(string method, string? accept = null, string? contentType = null, string? body = null, string query = "")
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        if (accept is not null) http.Request.Headers.Accept = accept;
        http.Request.ContentType = contentType;
        http.Request.QueryString = new QueryString(query);
        if (body is not null) http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return new GraphQLExchange(http);
    }

    [Theory]
    [InlineData("PUT", null, "application/json", 405)]
    [InlineData("POST", "text/plain", "application/json", 406)]
    [InlineData("POST", "application/graphql-response+json", "text/plain", 415)]
    public void Negotiation_refuses_what_the_spec_refuses(string method, string? accept, string contentType, int status)
    {
        Assert.Equal(status, new NegotiateStep().Run(Exchange(method, accept, contentType))!.Status);
    }

    [Fact]
    public void Negotiation_picks_the_media_type_and_sends_a_browser_to_the_ide()
    {
        var post = Exchange("POST", "application/graphql-response+json", "application/json");
        var browser = Exchange("GET", "text/html");
        Assert.Null(new NegotiateStep().Run(post));
        Assert.Equal(MediaTypes.GraphQLResponse, post.MediaType);
        Assert.Null(new NegotiateStep().Run(browser));
        Assert.True(browser.ShowsIde);
    }

    [Fact]
    public async Task Reading_refuses_a_body_over_the_limit_and_reads_one_within_it()
    {
        var read = new ReadStep(new GraphQLSerializer(), Options.Create(new LimitsOptions { MaxRequestBytes = 40 }));
        var large = Exchange("POST", body: $"{{\"query\":\"{{ {new string('a', 50)} }}\"}}");
        var small = Exchange("POST", body: "{\"query\":\"{ a }\",\"variables\":{\"n\":1}}");

        Assert.Equal(413, (await read.RunAsync(large))!.Status);
        Assert.Null(await read.RunAsync(small));
        Assert.Equal("{ a }", small.Request.Query);
        Assert.Equal(1, Convert.ToInt32(small.Request.Variables!["n"]));
    }

    [Fact]
    public async Task Resolving_finds_a_persisted_document_and_its_operation_and_refuses_an_unknown_id()
    {
        var directory = Directory.CreateTempSubdirectory("atlas-documents-").FullName;
        var environment = new HostingEnvironment { ContentRootPath = directory };
        var options = Options.Create(new PersistedDocumentsOptions { Directory = directory });
        var store = new PersistedDocumentStore(options, environment, []);
        var id = await store.RegisterAsync("query Names { establishments { totalCount } }", CancellationToken.None);
        using var validated = new ValidatedDocuments();
        var resolve = new ResolveDocumentStep(store, options, validated);
        var read = new ReadStep(new GraphQLSerializer(), Options.Create(new LimitsOptions()));

        var known = Exchange("GET", query: $"?documentId={id}");
        var unknown = Exchange("GET", query: "?documentId=sha256:00");
        var broken = Exchange("GET", query: "?query={");
        foreach (var exchange in new[] { known, unknown, broken }) Assert.Null(await read.RunAsync(exchange));

        Assert.Null(resolve.Run(known));
        Assert.Equal("Names", known.Operation!.Name!.StringValue);
        Assert.Equal("HC0020", resolve.Run(unknown)!.Result.Errors![0].Code);
        Assert.Null(resolve.Run(broken)!.Status);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Limits_refuse_a_mutation_over_get_and_charge_the_api_key()
    {
        var limits = new CheckLimitsStep(Options.Create(new LimitsOptions()));
        using var validated = new ValidatedDocuments();
        var resolve = new ResolveDocumentStep(null!, Options.Create(new PersistedDocumentsOptions()), validated);
        var read = new ReadStep(new GraphQLSerializer(), Options.Create(new LimitsOptions()));
        var mutation = Exchange("GET", query: "?query=mutation{a}");
        var query = Exchange("GET", query: "?query={a}");
        query.Http.Request.Headers[new LimitsOptions().ApiKeyHeader] = "k1";
        foreach (var exchange in new[] { mutation, query })
        {
            Assert.Null(await read.RunAsync(exchange));
            Assert.Null(resolve.Run(exchange));
        }

        Assert.Equal(405, limits.Run(mutation)!.Status);
        Assert.Null(limits.Run(query));
        Assert.Equal("key:k1", query.Cost!.Client);
    }

    [Fact]
    public async Task Writing_sends_the_answer_whole_with_its_length_in_the_bytes_graphql_net_writes()
    {
        var write = new WriteStep(new ResponseSerializer(new ErrorInfoProvider()), Options.Create(new LimitsOptions()));
        var exchange = Exchange("POST");
        var body = new MemoryStream();
        exchange.Http.Response.Body = body;
        var data = new Dictionary<string, object?> { ["name"] = "St Mary\u2019s <C of E> & \"Juniors\"", ["urn"] = 136888, ["none"] = null };

        await write.WriteResultAsync(exchange, new ExecutionResult { Executed = true, Data = data });

        var expected = new GraphQLSerializer().Serialize(new ExecutionResult { Executed = true, Data = data, Extensions = new() { ["cost"] = new CostReport("", new LimitsOptions().MaxCost).ToExtension() } });
        Assert.Equal(expected, Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal(body.Length, exchange.Http.Response.ContentLength);
    }

    [Fact]
    public void The_request_scope_is_created_only_when_a_resolver_asks_for_a_service()
    {
        var http = new DefaultHttpContext();
        var services = new CountingServices(new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider());
        http.Features.Set<IServiceProvidersFeature>(services);

        var onDemand = new ScopeOnDemand(http);
        Assert.Equal(0, services.Reads);
        Assert.Same(TimeProvider.System, onDemand.GetRequiredService<TimeProvider>());
        Assert.Equal(1, services.Reads);
    }

    private sealed class CountingServices(IServiceProvider provider) : IServiceProvidersFeature
    {
        public int Reads { get; private set; }

        public IServiceProvider RequestServices
        {
            get { Reads++; return provider; }
            set { }
        }
    }
}
