namespace PartnershipAtlas.Imports.Pipeline;

/// <summary>The one row loop every row dataset shares: count, parse, reject or ignore, refuse a row given twice, write.</summary>
internal static class RowLoop
{
    public static async Task RunAsync<TRow>(ImportContext context, IRowParser<TRow> parser, IBatchWriter<TRow> writer, CancellationToken cancellationToken)
        where TRow : notnull
    {
        var rows = context.Rows;
        var firstLineOf = new Dictionary<object, int>();
        while (await rows.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var parsed = parser.Parse(rows);
            if (parsed.Ignored is { } ignored)
            {
                context.Counts.Ignore(ignored);
                continue;
            }
            if (parsed.Row is not { } row)
            {
                context.Rejections.Reject(rows.Line, parsed.Rejection!);
                continue;
            }
            if (!firstLineOf.TryAdd(parser.KeyOf(row), rows.Line))
            {
                context.Rejections.Reject(rows.Line, $"{parser.Describe(row)} appears again (first on line {firstLineOf[parser.KeyOf(row)]})");
                continue;
            }
            await writer.WriteAsync(row, context.Counts, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
