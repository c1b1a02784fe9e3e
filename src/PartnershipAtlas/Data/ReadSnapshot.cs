using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PartnershipAtlas.Data;

/// <summary>
/// One consistent view of the store for a read made in several statements (the held rows: schools, networks and
/// memberships), so no write can land between them: on SQLite a deferred transaction, which in WAL mode reads one
/// snapshot from its first statement and holds no lock against writers; on PostgreSQL a <c>REPEATABLE READ</c> one.
/// Nothing is written in it; disposing it ends it.
/// </summary>
public static class ReadSnapshot
{
    public static async Task<IAsyncDisposable> BeginAsync(AtlasDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite) return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = sqlite.BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return new Deferred(db, transaction);
    }

    private sealed class Deferred(AtlasDbContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
        }
    }
}
