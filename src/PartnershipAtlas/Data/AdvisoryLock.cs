using Microsoft.EntityFrameworkCore;

namespace PartnershipAtlas.Data;

/// <summary>
/// PostgreSQL advisory locks by a 64-bit key: held on a context's connection until disposed, and released by the
/// server when that session dies, so other processes can tell live work from work a crash left behind.
/// </summary>
public static class AdvisoryLock
{
    /// <summary>Waits for the lock and holds it; disposing releases it, closes the connection and, when <paramref name="ownsContext"/>, disposes the context.</summary>
    public static async Task<IAsyncDisposable> HoldAsync(AtlasDbContext db, long key, bool ownsContext, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", cancellationToken);
        return new Held(db, key, ownsContext);
    }

    /// <summary>Whether nobody holds the lock (it is taken only until the current transaction ends, so call it inside one).</summary>
    public static Task<bool> IsFreeAsync(AtlasDbContext db, long key, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(cancellationToken);

    private sealed class Held(AtlasDbContext db, long key, bool ownsContext) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})");
            await db.Database.CloseConnectionAsync();
            if (ownsContext) await db.DisposeAsync();
        }
    }
}
