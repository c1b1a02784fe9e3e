using System.Text.Json;
using GraphQL;
using PartnershipAtlas.Api.Export;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// Runs a table export's pages one after another (the first charged to the client, the rest checked against the cost
/// limit only) and gives their rows as cells, up to <paramref name="maxRows"/>; only one page is held at a time, each
/// run in a service scope of its own.
/// </summary>
public sealed class TablePages(ExecuteStep execute, IGraphQLTextSerializer serializer, GraphQLExchange exchange, PagedDocument paged, int maxRows)
{
    public int Rows { get; private set; }

    /// <summary>Whether rows were left out at <c>Atlas:Export:MaxRows</c>.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The first page: its answer (<c>{"data": …}</c>), or the result with its errors (answered as JSON, never as a half table).</summary>
    public async Task<(JsonDocument? Data, ExecutionResult? Failed)> FirstAsync() => await PageAsync(after: null, first: true);

    public async IAsyncEnumerable<string[]> RowsAsync(JsonDocument firstPage)
    {
        var page = firstPage;
        while (true)
        {
            string? cursor;
            using (page)
            {
                var data = page.RootElement.GetProperty("data");
                foreach (var row in TableRows.At(data, paged.Table.RowsPath))
                {
                    if (Rows == maxRows)
                    {
                        Truncated = true;
                        yield break;
                    }
                    Rows++;
                    yield return TableRows.Cells(row, paged.Table.Columns);
                }
                cursor = paged.Table.Connection is null ? null : TableRows.NextCursor(data, paged.Table.RowsPath);
            }
            if (cursor is null) yield break;
            if (Rows == maxRows)
            {
                Truncated = true;
                yield break;
            }
            var (next, failed) = await PageAsync(cursor, first: false);
            page = next ?? throw new TableExportFailedException(failed!.Errors![0].Message);
        }
    }

    private async Task<(JsonDocument? Data, ExecutionResult? Failed)> PageAsync(string? after, bool first)
    {
        var variables = new Dictionary<string, object?>(exchange.Request.Variables ?? Inputs.Empty) { [PagedDocument.AfterVariable] = after };
        // Each page in a scope of its own: the batch loaders keep what they load for their scope, which for the
        // request's scope would be every page's rows (about 1 KB a row held until the table ended).
        await using var scope = exchange.Http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var run = new ExecuteStep.Run(paged.Document, new Inputs(variables), ValidatedBefore: !first, Charged: first ? exchange.Cost : null, scope.ServiceProvider);
        var result = await execute.RunAsync(exchange, run);
        if (result.Errors is { Count: > 0 } || !result.Executed) return (null, result);
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, new ExecutionResult { Executed = true, Data = result.Data }, exchange.Http.RequestAborted);
        buffer.Position = 0;
        return (await JsonDocument.ParseAsync(buffer, default, exchange.Http.RequestAborted), null);
    }
}

/// <summary>A page after the first failed (a timeout, the store gone): the table already sent is cut off, never passed as whole.</summary>
public sealed class TableExportFailedException(string message) : Exception(message);
