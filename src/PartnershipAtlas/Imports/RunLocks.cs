using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Imports;

/// <summary>
/// Tells a run that is still going from one its process left behind. On PostgreSQL an import holds a session-level
/// advisory lock on its run id from start to finish; the lock goes when released or when its session dies, so an
/// instance starting beside others marks failed only the runs nobody holds. SQLite serves one process: there every
/// run still <c>Running</c> at start-up was left behind.
/// </summary>
internal static class RunLocks
{
    /// <summary>The high half of every run's lock key ("ATLS"), so the locks do not collide with anyone else's.</summary>
    private const long Namespace = 0x41544C53L << 32;

    private static long KeyOf(long runId) => Namespace | checked((uint)runId);

    /// <summary>Holds the run's lock (PostgreSQL) on a connection of its own until disposed, or the process dies.</summary>
    public static async Task<IAsyncDisposable> HoldAsync(IDbContextFactory<AtlasDbContext> contexts, long runId, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        return db.Database.IsNpgsql() ? await AdvisoryLock.HoldAsync(db, KeyOf(runId), ownsContext: true, cancellationToken) : db;
    }

    /// <summary>The runs among <paramref name="runIds"/> that no live import holds.</summary>
    public static async Task<List<long>> AbandonedAsync(AtlasDbContext db, IReadOnlyList<long> runIds, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || runIds.Count == 0) return [.. runIds];
        var abandoned = new List<long>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var id in runIds)
        {
            if (await AdvisoryLock.IsFreeAsync(db, KeyOf(id), cancellationToken)) abandoned.Add(id);
        }
        await transaction.CommitAsync(cancellationToken);
        return abandoned;
    }
}
