using System.Data.Common;
using Npgsql;
using PartnershipAtlas.Data.Sql;

namespace PartnershipAtlas.Imports.Bulk;

/// <summary>
/// Inserts many rows into one table inside an import's transaction: on PostgreSQL rows wait in memory until
/// <see cref="FlushAsync"/> sends them with one binary COPY; on SQLite each row is a prepared INSERT at once (SQLite's
/// fastest route, with no network between). Flush after whatever the rows refer to has been written.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly NpgsqlConnection? postgres;
    private readonly PreparedCommand? insert;
    private readonly string table;
    private readonly string[] columns;
    private readonly List<object?[]> pending = [];
    private string[]? types;

    public BulkInsert(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
    {
        (this.table, this.columns) = (table, columns);
        if (connection is NpgsqlConnection npgsql) postgres = npgsql;
        else insert = new PreparedCommand(connection, transaction,
            $"INSERT INTO {PostgresCopy.Quote(table)} ({PostgresCopy.List(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})", columns.Length);
    }

    public async Task AddAsync(CancellationToken cancellationToken, params object?[] values)
    {
        if (insert is not null) await insert.ExecuteAsync(cancellationToken, values);
        else pending.Add(values);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (postgres is null || pending.Count == 0) return;
        types ??= await PostgresCopy.ColumnTypesAsync(postgres, table, columns, cancellationToken);
        await PostgresCopy.CopyAsync(postgres, table, columns, types, pending, cancellationToken);
        pending.Clear();
    }

    public void Dispose() => insert?.Dispose();
}
