using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using PartnershipAtlas.Benchmarks.ThinServer;

// The thinnest GraphQL.NET server (issue 20's yardstick): a DocumentExecuter behind a minimal endpoint, the same
// GraphQL.NET version as the server (central package versions). No limits, no cache, no scope per request:
// `tests/load/run.sh ratios` measures our `{ __typename }` against its own, and its in-memory
// `establishments(first: 20) { nodes { urn name partnerships { kind name } } }` (InMemoryPage) against its own
// `{ __typename }`: the most GraphQL.NET itself lets that shape reach, with no store at all.
//   dotnet run -c Release --project tests/PartnershipAtlas.Benchmarks.ThinServer -- --urls http://127.0.0.1:5451
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

var query = new ObjectGraphType { Name = "Query" };
query.Field<StringGraphType>("hello").Resolve(_ => "world");
InMemoryPage.AddTo(query);
var schema = new Schema { Query = query };
schema.Initialize();
var executer = new DocumentExecuter();
var serializer = new GraphQLSerializer();

app.MapPost("/graphql", async (HttpContext http) =>
{
    var request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
    var result = await executer.ExecuteAsync(new ExecutionOptions
    {
        Schema = schema,
        Query = request?.Query,
        Variables = request?.Variables,
        OperationName = request?.OperationName,
        RequestServices = http.RequestServices,
        CancellationToken = http.RequestAborted,
    });
    http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
    await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
});

app.Run();
