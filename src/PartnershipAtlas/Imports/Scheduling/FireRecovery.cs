using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Imports.Scheduling;

/// <summary>What a recovered fire finds of its earlier attempt: its exact time, the runs marked failed, whether one still runs, the files already done.</summary>
/// <param name="Fire">The fire's exact time as its runs recorded it (null when none was recorded).</param>
/// <param name="Marked">Runs that an instance which stopped mid-import left running, now marked failed.</param>
/// <param name="StillRunning">A run of the fire is still held by a live instance (it was late to check in, not dead).</param>
/// <param name="Finished">The files whose runs for this fire finished (the instance stopped after them).</param>
public sealed record FireRecovery(DateTimeOffset? Fire, int Marked, bool StillRunning, IReadOnlySet<string> Finished);

/// <summary>Quartz fire recovery for scheduled imports (<see cref="ScheduledImportJob"/>).</summary>
public sealed class FireRecoveries(IDbContextFactory<AtlasDbContext> contexts)
{
    /// <summary>
    /// Before a fire that the cluster recovers from another instance runs again: marks failed the runs of that fire
    /// which nobody holds any more (<see cref="RunLocks"/>), and says which of its files already finished and whether
    /// a run of it is still going, so that the fire imports only what its first attempt did not. Quartz names the fire
    /// to the second, so the fire is the one scheduled within that second. PostgreSQL only (SQLite cannot compare the times).
    /// </summary>
    public async Task<FireRecovery> RecoverAsync(string dataset, DateTimeOffset scheduledSecond, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.ImportRuns.Where(r => r.Dataset == dataset && r.ScheduledFor >= scheduledSecond && r.ScheduledFor < scheduledSecond.AddSeconds(1))
            .Select(r => new { r.Id, r.ScheduledFor, r.Status, r.FileName, r.FinishedAt, r.Message }).ToListAsync(cancellationToken);
        var running = runs.Where(r => r.Status == ImportStatus.Running).Select(r => r.Id).ToList();
        var abandoned = await RunLocks.AbandonedAsync(db, running, cancellationToken);
        var marked = abandoned.Count == 0 ? 0 : await InterruptedRuns.MarkFailedAsync(db, db.ImportRuns.Where(r => abandoned.Contains(r.Id)), cancellationToken);
        var finished = runs.Where(r => r.FinishedAt is not null && r.Message != InterruptedRuns.Message).Select(r => r.FileName).ToHashSet(StringComparer.Ordinal);
        return new FireRecovery(runs.FirstOrDefault()?.ScheduledFor, marked, running.Count > abandoned.Count, finished);
    }
}
