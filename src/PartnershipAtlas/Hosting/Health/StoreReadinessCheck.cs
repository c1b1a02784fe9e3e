using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;

namespace PartnershipAtlas.Hosting.Health;

/// <summary>Settings under <c>Atlas:Health</c>.</summary>
public sealed class HealthOptions
{
    /// <summary>By dataset: how old its last successful import may be before the server is not ready (e.g. <c>2.00:00:00</c>).</summary>
    public Dictionary<string, TimeSpan> MaxImportAge { get; set; } = [];
}

/// <summary>Ready when the store answers, every migration is applied, and each watched dataset was imported recently enough.</summary>
public sealed class StoreReadinessCheck(IDbContextFactory<AtlasDbContext> contexts, IOptions<HealthOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("The store cannot be reached.");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0) return HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}.");

        var lastImports = (await db.ImportRuns.Where(r => r.Status == ImportStatus.Succeeded)
                .Select(r => new { r.Dataset, r.FinishedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.Dataset)
            .ToDictionary(g => g.Key, g => g.Max(r => r.FinishedAt));
        var data = new Dictionary<string, object>();
        var stale = new List<string>();
        foreach (var (dataset, maxAge) in options.Value.MaxImportAge)
        {
            var last = lastImports.GetValueOrDefault(dataset);
            data[dataset] = last?.ToString("O") ?? "never";
            if (last is null || clock.GetUtcNow() - last > maxAge) stale.Add(dataset);
        }
        return stale.Count == 0
            ? HealthCheckResult.Healthy("The store is reachable, migrated and its imports are fresh.", data)
            : HealthCheckResult.Unhealthy($"Imports older than allowed: {string.Join(", ", stale)}.", data: data);
    }
}
