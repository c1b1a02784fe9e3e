using System.Data.Common;
using System.Globalization;
using Npgsql;
using PartnershipAtlas.Data.Sql;

namespace PartnershipAtlas.Imports.Bulk;

/// <summary>
/// Inserts rows, or updates those whose key exists and whose compared columns differ, and says which rows changed.
/// On PostgreSQL a batch goes by binary COPY into a temporary staging table and is merged with one
/// <c>INSERT … SELECT … ON CONFLICT DO UPDATE … WHERE … IS DISTINCT FROM …</c>; on SQLite each row is one prepared
/// upsert of the same shape, run when the row is added. Within a batch the last row for a key wins.
/// </summary>
internal sealed class BulkUpsert : IDisposable
{
    private readonly NpgsqlConnection? postgres;
    private readonly PreparedCommand? perRow;
    private readonly string table;
    private readonly string[] columns;
    private readonly int keyCount;
    private readonly string upsertTail;
    private readonly List<(object?[] Row, Action<bool>? Written)> pending = [];
    private string? stage;
    private string[]? types;

    /// <param name="columns">The columns written; the first <paramref name="keyCount"/> are the conflict key.</param>
    /// <param name="compared">The non-key columns whose difference makes a row changed (all non-key columns when null); every non-key column is written.</param>
    public BulkUpsert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, int keyCount, IReadOnlyList<string>? compared = null)
    {
        (this.table, this.columns, this.keyCount) = (table, [.. columns], keyCount);
        var t = PostgresCopy.Quote(table);
        var updated = columns.Skip(keyCount).ToList();
        upsertTail = $"""
            ON CONFLICT ({PostgresCopy.List(columns.Take(keyCount))}) DO UPDATE SET {string.Join(", ", updated.Select(c => $"{PostgresCopy.Quote(c)} = excluded.{PostgresCopy.Quote(c)}"))}
            WHERE {string.Join(" OR ", (compared ?? updated).Select(c => $"{t}.{PostgresCopy.Quote(c)} IS DISTINCT FROM excluded.{PostgresCopy.Quote(c)}"))}
            """;
        if (connection is NpgsqlConnection npgsql) postgres = npgsql;
        else perRow = new PreparedCommand(connection, transaction,
            $"INSERT INTO {t} ({PostgresCopy.List(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))}) {upsertTail}", columns.Count);
    }

    /// <summary>
    /// Writes the row, then tells <paramref name="written"/> whether it was inserted or updated (false: it was there
    /// unchanged): at once on SQLite, at <see cref="FlushAsync"/> on PostgreSQL.
    /// </summary>
    public async Task AddAsync(object?[] row, Action<bool>? written, CancellationToken cancellationToken)
    {
        if (perRow is null)
        {
            pending.Add((row, written));
            return;
        }
        var changed = await perRow.ExecuteAsync(cancellationToken, row) > 0;
        written?.Invoke(changed);
    }

    /// <summary>Writes what waits (PostgreSQL): one COPY into the staging table and one merge.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0) return;
        var lastOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pending.Count; i++) lastOfKey[KeyOf(pending[i].Row)] = i;
        await StageAsync(lastOfKey.Values.Order().Select(i => pending[i].Row), cancellationToken);

        var changedKeys = new HashSet<string>(StringComparer.Ordinal);
        await using (var merge = new NpgsqlCommand($"INSERT INTO {PostgresCopy.Quote(table)} ({PostgresCopy.List(columns)}) SELECT {PostgresCopy.List(columns)} FROM {stage} {upsertTail} RETURNING {PostgresCopy.List(columns.Take(keyCount))}", postgres))
        await using (var reader = await merge.ExecuteReaderAsync(cancellationToken))
        {
            var key = new object[keyCount];
            while (await reader.ReadAsync(cancellationToken))
            {
                reader.GetValues(key);
                changedKeys.Add(KeyOf(key));
            }
        }
        foreach (var (row, written) in pending) written?.Invoke(changedKeys.Contains(KeyOf(row)));
        pending.Clear();
    }

    /// <summary>Empties (or first creates) this writer's staging table and copies the rows into it.</summary>
    private async Task StageAsync(IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        if (stage is null)
        {
            stage = PostgresCopy.Quote($"atlas_stage_{table}_{Guid.NewGuid():N}");
            await Execute($"CREATE TEMPORARY TABLE {stage} ON COMMIT DROP AS SELECT {PostgresCopy.List(columns)} FROM {PostgresCopy.Quote(table)} WITH NO DATA");
            types = await PostgresCopy.ColumnTypesAsync(postgres!, table, columns, cancellationToken);
        }
        else await Execute($"TRUNCATE {stage}");
        await PostgresCopy.CopyAsync(postgres!, stage.Trim('"'), columns, types!, rows, cancellationToken);

        async Task Execute(string sql)
        {
            await using var command = new NpgsqlCommand(sql, postgres);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private string KeyOf(IEnumerable<object?> row) =>
        string.Join('\u001f', row.Take(keyCount).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    public void Dispose() => perRow?.Dispose();
}
