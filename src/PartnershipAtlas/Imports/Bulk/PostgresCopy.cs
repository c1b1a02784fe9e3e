using Npgsql;

namespace PartnershipAtlas.Imports.Bulk;

/// <summary>Binary <c>COPY … FROM STDIN</c>: PostgreSQL's fastest way in for many rows.</summary>
internal static class PostgresCopy
{
    public static string Quote(string identifier) => $"\"{identifier}\"";

    public static string List(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quote));

    /// <summary>The PostgreSQL type of each column, as binary COPY needs them.</summary>
    public static async Task<string[]> ColumnTypesAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = @table AND table_schema = current_schema()", connection))
        {
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) types[reader.GetString(0)] = reader.GetString(1);
        }
        return columns.Select(c => types.TryGetValue(c, out var type) ? type : throw new InvalidOperationException($"{table} has no column {c}")).ToArray();
    }

    public static async Task CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, string[] types, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Quote(table)} ({List(columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null) await importer.WriteNullAsync(cancellationToken);
                else await importer.WriteAsync(row[i], types[i], cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }
}
