using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace PartnershipAtlas.Data;

/// <summary>
/// The store out of reach for a while (PostgreSQL restarting, stopped, or the network to it lost), told apart from
/// other errors: a request that meets one gets a GraphQL error with <see cref="Code"/> (retry later) instead of an
/// unexplained failure. On PostgreSQL a connection failure also empties the connection pool
/// (<see cref="PoolRecovery"/>): the idle connections in it died with the server, and without this each would fail one
/// more request after the server is back.
/// </summary>
public static class StoreOutages
{
    /// <summary>The GraphQL error code of a request that failed because the store could not be reached.</summary>
    public const string Code = "STORE_UNAVAILABLE";

    public const string Message = "The store is unavailable (restarting or unreachable); nothing was read or written. Try again shortly.";

    /// <summary>Whether <paramref name="exception"/> (or one inside it) is the store being out of reach.</summary>
    public static bool IsOutage(Exception? exception) => Cause(exception) is not null;

    /// <summary>The store's own exception saying it is out of reach (inside EF Core's wrapping), or null for other errors.</summary>
    public static NpgsqlException? Cause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres) return IsConnectionState(postgres.SqlState) ? postgres : null;
            if (e is NpgsqlException { IsTransient: true } transient) return transient;
        }
        return null;
    }

    /// <summary>SQLSTATE class 08 (connection exception) and 57P (the server shutting down, crashed or starting).</summary>
    private static bool IsConnectionState(string sqlState) => sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("57P", StringComparison.Ordinal);

    /// <summary>Empties the pool of a PostgreSQL connection that failed because the server went away.</summary>
    public sealed class PoolRecovery : DbConnectionInterceptor, IDbCommandInterceptor
    {
        public static readonly PoolRecovery Instance = new();

        public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Recover(connection, eventData.Exception);
            return Task.CompletedTask;
        }

        public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Recover(connection, eventData.Exception);

        public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Recover(command.Connection, eventData.Exception);
            return Task.CompletedTask;
        }

        public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Recover(command.Connection, eventData.Exception);

        private static void Recover(DbConnection? connection, Exception exception)
        {
            if (connection is NpgsqlConnection npgsql && IsOutage(exception)) NpgsqlConnection.ClearPool(npgsql);
        }
    }
}
