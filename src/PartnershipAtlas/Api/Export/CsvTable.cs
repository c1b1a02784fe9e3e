using System.Text;

namespace PartnershipAtlas.Api.Export;

/// <summary>
/// A table as CSV (RFC 4180: comma separated, CRLF, fields quoted when they hold a comma, quote or line break), in
/// UTF-8 with a byte order mark so that Excel reads it as UTF-8, written as the rows come.
/// </summary>
public sealed class CsvTable(Stream output) : IAsyncDisposable
{
    private static readonly byte[] ByteOrderMark = Encoding.UTF8.GetPreamble();
    private readonly StreamWriter writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
    private readonly StringBuilder line = new();
    private bool started;

    public async Task WriteRowAsync(IReadOnlyList<string> cells, CancellationToken cancellationToken)
    {
        if (!started)
        {
            await output.WriteAsync(ByteOrderMark, cancellationToken);
            started = true;
        }
        line.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) line.Append(',');
            line.Append(Quoted(cells[i]));
        }
        line.Append("\r\n");
        await writer.WriteAsync(line, cancellationToken);
    }

    /// <summary>Sends what is written so far (after each page).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

    public static string Quoted(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async ValueTask DisposeAsync()
    {
        await writer.FlushAsync();
        await writer.DisposeAsync();
    }
}
