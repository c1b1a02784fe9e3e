using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace PartnershipAtlas.Data;

/// <summary>
/// EF Core's SQLite connection, except that a pooled context going back to its pool keeps its connection open (when
/// no transaction is left on it), so the statements <see cref="SqliteStatementCache"/> prepared on it serve the next
/// request too, and opening no longer re-registers EF Core's SQL functions each time. An open connection outside a
/// transaction holds no lock and no snapshot: readers still see each import as soon as it commits. Disposing the
/// context (the pool discarding it, the host stopping) closes the connection as before.
/// </summary>
#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal API; this only changes when it closes.
public sealed class KeptOpenSqliteConnection(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder, IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
#pragma warning restore EF1001
{
    private bool returningToPool;

    /// <summary>Has the context use this connection in place of EF Core's.</summary>
#pragma warning disable EF1001
    public static void Use(DbContextOptionsBuilder options) => options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001

    protected override void ResetState(bool disposeDbConnection)
    {
        returningToPool = !disposeDbConnection;
        try
        {
            base.ResetState(disposeDbConnection);
        }
        finally
        {
            returningToPool = false;
        }
    }

    protected override async ValueTask ResetStateAsync(bool disposeDbConnection)
    {
        returningToPool = !disposeDbConnection;
        try
        {
            await base.ResetStateAsync(disposeDbConnection);
        }
        finally
        {
            returningToPool = false;
        }
    }

    protected override void CloseDbConnection()
    {
        if (!KeepOpen()) base.CloseDbConnection();
    }

    protected override Task CloseDbConnectionAsync() => KeepOpen() ? Task.CompletedTask : base.CloseDbConnectionAsync();

    /// <summary>Whether to leave the connection open: only when going back to the pool, open, and outside any transaction.</summary>
    private bool KeepOpen() =>
        returningToPool && DbConnection is SqliteConnection { State: ConnectionState.Open } sqlite && SQLitePCL.raw.sqlite3_get_autocommit(sqlite.Handle) != 0;
}
