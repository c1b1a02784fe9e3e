using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PartnershipAtlas.Data.Sql;

/// <summary>
/// A parameterised statement (parameters <c>@p0</c>, <c>@p1</c>, …) prepared once and executed for many rows inside a
/// transaction (an import, a stamp bump). On SQLite a single statement runs through <see cref="SqliteStatement"/>,
/// which binds by position; anything else through the provider's own command.
/// </summary>
public sealed class PreparedCommand : IDisposable
{
    private readonly DbCommand command;
    private readonly int parameterCount;
    private bool prepared;
    private SqliteStatement? sqlite;

    public PreparedCommand(DbConnection connection, DbTransaction? transaction, string sql, int parameterCount)
    {
        this.parameterCount = parameterCount;
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
        if (Prepare() is { } statement) return Task.FromResult(statement.Execute(Checked(values)));
        Bind(values);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<object?> ScalarAsync(CancellationToken cancellationToken, params object?[] values)
    {
        if (Prepare() is { } statement) return Task.FromResult(statement.Scalar(Checked(values)));
        Bind(values);
        return command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>
    /// The first time, prepares the statement: on SQLite a <see cref="SqliteStatement"/> when the text is one
    /// statement (returned from then on); elsewhere the provider's command, with the first values bound (PostgreSQL
    /// needs their types for that).
    /// </summary>
    private SqliteStatement? Prepare()
    {
        if (prepared) return sqlite;
        if (command.Connection is SqliteConnection connection && SqliteStatement.TryPrepare(connection, command.CommandText, parameterCount) is { } statement)
        {
            sqlite = statement;
            prepared = true;
        }
        return sqlite;
    }

    private object?[] Checked(object?[] values) =>
        values.Length <= parameterCount ? values : throw new ArgumentException($"{values.Length} values for {parameterCount} parameters.", nameof(values));

    private void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        if (prepared) return;
        command.Prepare();
        prepared = true;
    }

    public void Dispose()
    {
        sqlite?.Dispose();
        command.Dispose();
    }
}
