using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PartnershipAtlas.Data;

/// <summary>
/// Prepared SQLite statements kept per open connection and reused by the queries EF Core sends again with the same
/// SQL. EF Core creates a new command for every execution and Microsoft.Data.Sqlite prepares it again each time;
/// preparing (parsing and planning) one of the nested queries costs SQLite several times what running it does (0.3 ms
/// against 0.02 ms for a page of members). Together with <see cref="KeptOpenSqliteConnection"/>, which keeps a
/// pooled context's connection open between requests, a statement is prepared once per connection.
/// </summary>
/// <remarks>
/// EF Core still builds, logs and intercepts its own command (statement counts see every query); this interceptor
/// answers it with the reader of a cached command holding the same SQL, given the same parameters. A cache is dropped
/// with its statements when its connection closes.
/// </remarks>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    public static readonly SqliteStatementCache Instance = new();

    /// <summary>Distinct statements kept per connection; past this the connection's cache starts again.</summary>
    public const int MaxStatements = 128;

    private readonly ConditionalWeakTable<SqliteConnection, Statements> caches = [];

    private SqliteStatementCache() { }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        result.HasResult || Cached(command) is not { } cached ? result : InterceptionResult<DbDataReader>.SuppressWithResult(cached.ExecuteReader());

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReaderExecuting(command, eventData, result));
    }

    /// <summary>The cached command for this command's SQL on its connection, given its parameters; null when there is none to use.</summary>
    private ReusedCommand? Cached(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { State: ConnectionState.Open } connection } sqlite || sqlite.CommandText.Length == 0) return null;
        var statements = caches.GetValue(connection, c => new Statements(c, caches));
        var cached = statements.For(sqlite.CommandText);
        if (cached is null) return null;
        cached.Transaction = sqlite.Transaction;
        cached.CommandTimeout = sqlite.CommandTimeout;
        cached.Parameters.Clear();
        foreach (SqliteParameter parameter in sqlite.Parameters) cached.Parameters.Add(parameter);
        return cached;
    }

    /// <summary>The statements of one open connection, by SQL.</summary>
    private sealed class Statements
    {
        private readonly SqliteConnection connection;
        private readonly Dictionary<string, ReusedCommand> bySql = new(StringComparer.Ordinal);

        private readonly ConditionalWeakTable<SqliteConnection, Statements> caches;

        public Statements(SqliteConnection connection, ConditionalWeakTable<SqliteConnection, Statements> caches)
        {
            (this.connection, this.caches) = (connection, caches);
            connection.StateChange += Closed;
        }

        private void Closed(object? sender, StateChangeEventArgs change)
        {
            if (change.CurrentState == ConnectionState.Open) return;
            connection.StateChange -= Closed;
            caches.Remove(connection);
            Clear();
        }

        /// <summary>The command for the SQL, or null while it is still reading (a second reader of the same SQL then prepares its own).</summary>
        public ReusedCommand? For(string sql)
        {
            if (bySql.TryGetValue(sql, out var cached)) return cached.Reading ? null : cached;
            if (bySql.Count >= MaxStatements) Clear();
            return bySql[sql] = new ReusedCommand(sql, connection);
        }

        private void Clear()
        {
            foreach (var command in bySql.Values) command.Dispose();
            bySql.Clear();
        }
    }

    /// <summary>A command kept with its prepared statements; it tells whether a reader of it is still open.</summary>
    private sealed class ReusedCommand(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        public bool Reading => DataReader is not null;
    }
}
