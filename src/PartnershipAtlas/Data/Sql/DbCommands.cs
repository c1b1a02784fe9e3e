using System.Data.Common;

namespace PartnershipAtlas.Data.Sql;

/// <summary>ADO.NET statements and small reads on an open connection (inside a transaction when one is given), without EF.</summary>
internal static class DbCommands
{
    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        using var command = new PreparedCommand(connection, transaction, sql, values.Length);
        return await command.ExecuteAsync(cancellationToken, values);
    }

    /// <summary>Reads every row of a query (its values bound to <c>@p0</c>, <c>@p1</c>…) through <paramref name="map"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) list.Add(map(reader));
        return list;
    }

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A date column: yyyy-MM-dd text in SQLite, <c>date</c> in PostgreSQL; both providers read it as DateOnly.</summary>
    public static DateOnly? Date(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);
}
