using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api.Subscriptions;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Imports;

/// <summary>An import run that has just finished (succeeded, failed or skipped).</summary>
public sealed record ImportRunFinished(ImportRun Run);

public sealed class ImportRunFinishedGraphType : ObjectGraphType<ImportRunFinished>
{
    public ImportRunFinishedGraphType()
    {
        Name = "ImportRunFinished";
        Description = "An import run that has just finished, on this server or any other process or instance on the same store.";
        Field<NonNullGraphType<ImportRunGraphType>>("run").Description("The run, as it finished.").Resolve(c => c.Source.Run);
    }
}

/// <summary>The <c>importRunFinished</c> subscription: after each store change, the runs that finished since the last.</summary>
public static class ImportRunSubscriptions
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<ImportRunFinishedGraphType>, ImportRunFinished>("importRunFinished")
            .Description("An event for each import run that finishes from now on (SUCCEEDED, FAILED or SKIPPED), of the given datasets or of all. Served over Server-Sent Events at /graphql/stream.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("datasets", "Only runs of these datasets (e.g. gias-establishments); all when omitted.")
            .Resolve(c => (ImportRunFinished)c.Source!)
            .ResolveStreamAsync(async c =>
            {
                var services = c.RequestServices!;
                var feed = services.GetRequiredService<StoreChangeFeed>();
                var datasets = c.GetArgument<List<string>?>("datasets")?.ToHashSet(StringComparer.Ordinal);
                await feed.PrimeAsync(c.CancellationToken);
                var runs = await FinishedRuns.StartAsync(services.GetRequiredService<IDbContextFactory<AtlasDbContext>>(), c.CancellationToken);
                return new AsyncObservable<ImportRunFinished>(cancellationToken => FinishedAsync(feed, runs, datasets, cancellationToken));
            });

    private static async IAsyncEnumerable<ImportRunFinished> FinishedAsync(StoreChangeFeed feed, FinishedRuns runs, HashSet<string>? datasets,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var _ in feed.ListenAsync(cancellationToken))
        {
            foreach (var run in await runs.NewlyFinishedAsync(cancellationToken))
            {
                if (datasets is null || datasets.Contains(run.Dataset)) yield return new ImportRunFinished(run);
            }
        }
    }
}

/// <summary>
/// Which runs one subscriber has been told of: every run below <c>floor</c> had finished when last looked at, and
/// <c>told</c> holds those at or above it that finished since, so runs that finish out of order are each told once.
/// </summary>
internal sealed class FinishedRuns
{
    private readonly IDbContextFactory<AtlasDbContext> contexts;
    private readonly HashSet<long> told = [];
    private long floor;

    private FinishedRuns(IDbContextFactory<AtlasDbContext> contexts) => this.contexts = contexts;

    /// <summary>Starts from the store as it is: runs already finished are never told.</summary>
    public static async Task<FinishedRuns> StartAsync(IDbContextFactory<AtlasDbContext> contexts, CancellationToken cancellationToken)
    {
        var runs = new FinishedRuns(contexts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var newest = await db.ImportRuns.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
        runs.floor = await db.ImportRuns.Where(r => r.Status == ImportStatus.Running).MinAsync(r => (long?)r.Id, cancellationToken) ?? newest + 1;
        runs.told.UnionWith(await db.ImportRuns.Where(r => r.Id >= runs.floor && r.Status != ImportStatus.Running).Select(r => r.Id).ToListAsync(cancellationToken));
        return runs;
    }

    public async Task<List<ImportRun>> NewlyFinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.ImportRuns.AsNoTracking().Where(r => r.Id >= floor).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var newly = runs.Where(r => r.Status != ImportStatus.Running && told.Add(r.Id)).ToList();
        floor = runs.FirstOrDefault(r => r.Status == ImportStatus.Running)?.Id ?? (runs.Count > 0 ? runs[^1].Id + 1 : floor);
        told.RemoveWhere(id => id < floor);
        return newly;
    }
}
