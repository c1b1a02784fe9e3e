using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Imports;

/// <summary>Runs a stopped process left <c>RUNNING</c>: their transaction rolled back with the process, so nothing was applied.</summary>
public static class InterruptedRuns
{
    public const string Message = "Interrupted: the process stopped before the run finished; nothing was applied.";

    /// <summary>Marks the runs among <paramref name="runs"/> still recorded as running as failed; returns how many. Only the
    /// record of runs changes, so the data stamp stays (<see cref="StoreWrite.ImportLog"/>).</summary>
    public static Task<int> MarkFailedAsync(AtlasDbContext db, IQueryable<ImportRun> runs, CancellationToken cancellationToken) =>
        db.WritingAsync(() => runs.Where(r => r.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ImportStatus.Failed).SetProperty(x => x.Message, Message), cancellationToken), StoreWrite.ImportLog, cancellationToken);
}
