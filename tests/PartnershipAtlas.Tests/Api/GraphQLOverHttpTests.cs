using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>The transport as the GraphQL over HTTP spec has it, through the real endpoint.</summary>
public sealed class GraphQLOverHttpTests(AtlasFactory factory) : IClassFixture<AtlasFactory>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private static HttpRequestMessage Post(string body, string contentType = "application/json", string? accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private async Task<(HttpStatusCode Status, string? MediaType, JsonNode? Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await factory.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task Post_json_runs_a_query_and_answers_in_the_accepted_type()
    {
        var (status, mediaType, body) = await SendAsync(Post("""{"query":"{ __typename }"}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(GraphQLResponse, mediaType);
        Assert.Equal("Query", body!["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Legacy_clients_get_application_json()
    {
        var (status, mediaType, _) = await SendAsync(Post("""{"query":"{ __typename }"}""", accept: null));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", mediaType);
    }

    [Fact]
    public async Task Get_runs_queries_with_variables()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query($n: Int) { establishments(first: $n) { nodes { urn } } }") + "&variables=" + Uri.EscapeDataString("""{"n":1}""");
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(GraphQLResponse);

        var (status, _, body) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(body!["data"]!["establishments"]);
    }

    [Fact]
    public async Task Get_refuses_mutations_with_405()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"));
        request.Headers.Accept.ParseAdd(GraphQLResponse);

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Unparsable_documents_are_400_under_graphql_response_json_and_200_under_json()
    {
        var strict = await SendAsync(Post("""{"query":"{ establishments( "}"""));
        var legacy = await SendAsync(Post("""{"query":"{ establishments( "}""", accept: "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Null(strict.Body!["data"]);
        Assert.NotEmpty(strict.Body!["errors"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.NotEmpty(legacy.Body!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Invalid_documents_are_400_with_an_error()
    {
        var (status, _, body) = await SendAsync(Post("""{"query":"{ noSuchField }"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("noSuchField", body!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Other_media_types_are_415(string contentType)
    {
        var (status, _, _) = await SendAsync(Post("""{"query":"{ __typename }"}""", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Theory]
    [InlineData("""not json""", "not valid JSON")]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("""{"variables":{}}""", "'query'")]
    [InlineData("""{"query":"{ __typename }","variables":[1]}""", "'variables'")]
    [InlineData("""{"query":"{ __typename }","operationName":7}""", "'operationName'")]
    public async Task Malformed_requests_are_400_with_a_clear_message(string body, string expected)
    {
        var (status, _, response) = await SendAsync(Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, response!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_variables_are_a_request_error()
    {
        var (status, _, body) = await SendAsync(Post("""{"query":"query($urn: Int!) { establishment(urn: $urn) { name } }","variables":{"urn":"abc"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("urn", body!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_406()
    {
        var (status, _, _) = await SendAsync(Post("""{"query":"{ __typename }"}""", accept: "text/plain"));

        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_gets_the_ide_at_graphql_and_the_explorer_at_the_root()
    {
        foreach (var (path, title) in new[] { ("/graphql", "GraphQL IDE"), ("/", "Explorer") })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
            using var response = await factory.CreateClient().SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<div id=", html);
            Assert.Contains(title, html);
            Assert.DoesNotContain("https://", html);
        }
    }

    [Fact]
    public async Task Resolver_failures_do_not_leak_internals()
    {
        var (_, _, body) = await SendAsync(Post("""{"query":"{ node(id: \"bm90LWEtbm9kZQ==\") { id } }"}"""));

        var error = body!["errors"]![0]!;
        Assert.Null(error["extensions"]?["stackTrace"]);
        Assert.DoesNotContain("Exception", body.ToJsonString());
    }
}
