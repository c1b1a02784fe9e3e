using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PartnershipAtlas.Data.Sql;

/// <summary>
/// Reads every row of a command (e.g. one EF Core wrote with <c>CreateDbCommand</c>) into a list. On SQLite the
/// statement is stepped directly (<see cref="SqliteStatement"/>): for a read of ~100,000 narrow rows, the data
/// reader's own work per row and per value cost as much as SQLite's. The connection must be open.
/// </summary>
public static class StoreRows
{
    public static async Task<List<T>> ReadAsync<T>(DbCommand command, Func<StoreRow, T> read, CancellationToken cancellationToken)
    {
        if (command.Connection is SqliteConnection sqlite)
        {
            var parameters = command.Parameters.Cast<DbParameter>().ToList();
            using var statement = SqliteStatement.TryPrepare(sqlite, command.CommandText, parameters.Select(p => p.ParameterName));
            if (statement is not null) return statement.Rows(parameters.Select(p => p.Value).ToArray(), read);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        var row = new StoreRow(reader);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(row));
        return rows;
    }
}
