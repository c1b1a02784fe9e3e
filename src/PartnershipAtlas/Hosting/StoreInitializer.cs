using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Reference;

namespace PartnershipAtlas.Hosting;

/// <summary>
/// Before the server answers: applies migrations, marks runs that a crash left running as failed (not those another
/// instance is still importing: <see cref="RunLocks"/>), applies the reference lists that changed (every start:
/// <see cref="ReferenceLists"/>), and on a first start loads the default data.
/// </summary>
public sealed class StoreInitializer(IServiceProvider services, IOptions<StartupOptions> options, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        await db.MigrateStoreAsync(cancellationToken);
        var running = await db.ImportRuns.Where(r => r.Status == ImportStatus.Running).Select(r => r.Id).ToListAsync(cancellationToken);
        var abandoned = await RunLocks.AbandonedAsync(db, running, cancellationToken);
        await InterruptedRuns.MarkFailedAsync(db, db.ImportRuns.Where(r => abandoned.Contains(r.Id)), cancellationToken);

        var firstStart = !await db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Succeeded, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ReferenceLists>().ApplyAsync(cancellationToken);
        if (!options.Value.LoadDefaultData || !firstStart) return;
        var folder = DefaultData.Locate(options.Value.DefaultDataPath);
        if (folder is null)
        {
            logger.LogWarning("No default data folder (data/default) was found; the store stays empty.");
            return;
        }
        var importer = scope.ServiceProvider.GetRequiredService<ImportService>();
        foreach (var (dataset, file) in DefaultData.Files(folder))
        {
            var run = await importer.ImportFileAsync(dataset, file, null, cancellationToken);
            logger.LogInformation("Default data: {Dataset} {File}: {Status}, {Rows} rows", dataset, Path.GetFileName(file), run.Status, run.RowsRead);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
