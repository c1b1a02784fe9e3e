using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Export;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// Answers a query asked for as a table (<c>Accept: text/csv</c> or the .xlsx type): one row per node of the
/// document's first connection, or per item of its first list (<see cref="TableShape"/>), the connection walked page
/// by page server-side up to <c>Atlas:Export:MaxRows</c>. A document with errors is answered as JSON with status 400,
/// never as a half table; a page that fails later cuts the response off.
/// </summary>
public sealed class ExportTableStep(ISchema schema, ExecuteStep execute, WriteStep write, IGraphQLTextSerializer serializer, IOptions<ExportOptions> options,
    StoreStampReader stamps, TimeProvider clock, ILogger<ExportTableStep> logger)
{
    public async Task RunAsync(GraphQLExchange exchange)
    {
        var request = exchange.Request;
        schema.Initialize(); // the shape is read from the schema's resolved types, which a fresh server has yet to build
        if (PagedDocument.Prepare(schema, request.Query!, request.OperationName, PageRequest.MaxSize) is not { } paged)
        {
            await write.WriteRefusalAsync(exchange, Refusal.Of(StatusCodes.Status400BadRequest,
                AtlasErrors.Coded("The document selects no connection and no list to answer as a table.", "EXPORT_NO_TABLE")));
            return;
        }
        var stamp = await stamps.ReadAsync(exchange.Http.RequestAborted);
        var pages = new TablePages(execute, serializer, exchange, paged, options.Value.MaxRows);
        var (first, failed) = await pages.FirstAsync();
        var size = PageRequest.MaxSize;
        while (first is null && paged.Table.Connection is not null && failed!.Errors![0].Code == "HC0047" && SmallerPage(exchange, size) is { } smaller)
        {
            size = smaller;
            // Pages of 100 cost too much for this selection: pages as large as the cost limit allows (a refused page is charged to no one).
            paged = PagedDocument.Prepare(schema, request.Query!, request.OperationName, size)!;
            pages = new TablePages(execute, serializer, exchange, paged, options.Value.MaxRows);
            (first, failed) = await pages.FirstAsync();
        }
        if (first is null)
        {
            await write.WriteResultAsync(exchange, failed!);
            return;
        }
        var response = exchange.Http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = exchange.Table == MediaTypes.Csv ? MediaTypes.Csv + "; charset=utf-8; header=present" : exchange.Table;
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(exchange, paged)}\"";
        try
        {
            if (exchange.Table == MediaTypes.Csv) await WriteCsvAsync(exchange, paged, pages, first);
            else await XlsxTable.WriteAsync(response.Body, paged.Table.Columns, pages.RowsAsync(first), () => About(exchange, pages, stamp), exchange.Http.RequestAborted);
        }
        catch (TableExportFailedException e)
        {
            logger.LogWarning("A table export stopped after {Rows} rows: {Reason}", pages.Rows, e.Message);
            exchange.Http.Abort();
        }
    }

    private async Task WriteCsvAsync(GraphQLExchange exchange, PagedDocument paged, TablePages pages, System.Text.Json.JsonDocument first)
    {
        var cancellationToken = exchange.Http.RequestAborted;
        await using var csv = new CsvTable(exchange.Http.Response.Body);
        await csv.WriteRowAsync(paged.Table.Columns.Select(c => c.Name).ToList(), cancellationToken);
        await foreach (var row in pages.RowsAsync(first))
        {
            await csv.WriteRowAsync(row, cancellationToken);
            if (pages.Rows % PageRequest.MaxSize == 0) await csv.FlushAsync(cancellationToken);
        }
        if (pages.Truncated) await csv.WriteRowAsync([TableNote.Truncated(options.Value.MaxRows)], cancellationToken);
    }

    /// <summary>
    /// A smaller page than <paramref name="size"/>, scaled by how far its cost went over the limit (the cost grows
    /// about linearly with the page, so a few steps find a size that fits); null when not even one row fits.
    /// </summary>
    private static int? SmallerPage(GraphQLExchange exchange, int size)
    {
        var cost = exchange.Cost!;
        var smaller = Math.Min(size - 1, (int)((long)size * cost.Limit / Math.Max(cost.Requested, 1)) - 1);
        return smaller >= 1 ? smaller : null;
    }

    private IEnumerable<KeyValuePair<string, string>> About(GraphQLExchange exchange, TablePages pages, long stamp)
    {
        yield return new("Query", exchange.Request.Query!);
        yield return new("Operation", exchange.Request.OperationName ?? "");
        yield return new("Variables", exchange.Request.Variables is { } variables ? serializer.Serialize(variables) : "{}");
        yield return new("Store stamp", stamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("Exported at (UTC)", clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        yield return new("Rows", pages.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("Note", pages.Truncated ? TableNote.Truncated(options.Value.MaxRows) : TableNote.Walked(pages.Rows));
    }

    private static string FileName(GraphQLExchange exchange, PagedDocument paged) =>
        (exchange.Request.OperationName ?? paged.Table.RowsPath[0]) + (exchange.Table == MediaTypes.Csv ? ".csv" : ".xlsx");
}
