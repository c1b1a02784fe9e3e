using PartnershipAtlas.Api.Http.Steps;

namespace PartnershipAtlas.Api.Http;

/// <summary>
/// <c>/graphql</c> as the GraphQL over HTTP spec describes it, composed of small named steps (in <c>Steps/</c>), each
/// testable alone: <see cref="NegotiateStep"/> (405, the IDE, 406, 415), <see cref="ReadStep"/> (413, 400),
/// <see cref="ResolveDocumentStep"/> (persisted documents, the parse cache), <see cref="CheckLimitsStep"/> (the GET
/// rule, the client charged), <see cref="CacheStep"/> (the response cache), <see cref="ExecuteStep"/> (cost, depth,
/// timeout) and <see cref="WriteStep"/> (status, <c>extensions.cost</c>, ETag), or for a table (CSV, .xlsx)
/// <see cref="ExportTableStep"/> in place of the last three. The endpoint only composes them.
/// </summary>
public sealed class GraphQLHttpEndpoint(NegotiateStep negotiate, ReadStep read, ResolveDocumentStep resolve, CheckLimitsStep limits, CacheStep cache,
    ExecuteStep execute, WriteStep write, ExportTableStep export, IdePage ide, ILogger<GraphQLHttpEndpoint> logger)
{
    /// <summary>The link form of a CSV answer, for spreadsheets that import from a URL: <c>?documentId=…&amp;variables=…</c> (or <c>query=…</c>).</summary>
    public const string CsvLinkPath = "/export/query.csv";

    public Task HandleCsvLinkAsync(HttpContext http)
    {
        http.Request.Headers.Accept = MediaTypes.Csv;
        return HandleAsync(http);
    }

    public async Task HandleAsync(HttpContext http)
    {
        var exchange = new GraphQLExchange(http);
        if (negotiate.Run(exchange) is { } refused)
        {
            await write.WriteRefusalAsync(exchange, refused);
            return;
        }
        if (exchange.ShowsIde)
        {
            await ide.WriteAsync(http);
            return;
        }
        if ((await read.RunAsync(exchange) ?? resolve.Run(exchange) ?? limits.Run(exchange)) is { } refusal)
        {
            await write.WriteRefusalAsync(exchange, refusal);
            return;
        }
        if (exchange.Table is not null) await export.RunAsync(exchange);
        else await AnswerAsync(exchange);
    }

    private async Task AnswerAsync(GraphQLExchange exchange)
    {
        using var telemetry = RequestTelemetry.Start(exchange, logger);
        if (await cache.FindAsync(exchange) is { } hit)
        {
            telemetry.Record(RequestOutcome.Ok, hit.Cost, "hit");
            await WriteStep.WriteAnswerAsync(exchange, hit, "hit");
            return;
        }
        var result = await execute.RunAsync(exchange);
        var outcome = RequestOutcome.Of(result);
        var keep = CacheStep.Keeps(exchange, outcome);
        telemetry.Record(outcome, exchange.Cost!.Requested, exchange.CacheLookup is null ? null : keep ? "miss" : "bypass");
        if (!keep)
        {
            await write.WriteResultAsync(exchange, result);
            return;
        }
        var body = write.Serialize(exchange, result);
        await WriteStep.WriteAnswerAsync(exchange, cache.Keep(exchange, body), "miss");
    }
}
