using System.Data.Common;

namespace PartnershipAtlas.Data.Sql;

/// <summary>A parameterised statement prepared once and executed for many rows inside a transaction (an import, a stamp bump).</summary>
public sealed class PreparedCommand : IDisposable
{
    private readonly DbCommand command;
    private bool prepared;

    public PreparedCommand(DbConnection connection, DbTransaction? transaction, string sql, int parameterCount)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
        }
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken, params object?[] values)
    {
        Bind(values);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<object?> ScalarAsync(CancellationToken cancellationToken, params object?[] values)
    {
        Bind(values);
        return command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Binds the values; the first time also prepares the statement (PostgreSQL needs the first values' types for that).</summary>
    private void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        if (prepared) return;
        command.Prepare();
        prepared = true;
    }

    public void Dispose() => command.Dispose();
}
