using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>
/// The snapshots of recent dates, shared by all requests. They are kept while the store's <see cref="StoreStamp"/> is
/// unchanged; a newer stamp, raised by any write (an import run, even one made by the command line in another process,
/// or a mutation), drops them all and the next request reads afresh.
/// </summary>
public sealed class OverlapSnapshots(IServiceScopeFactory scopes, ILogger<OverlapSnapshots> logger)
{
    private const int MaxDates = 12;
    private readonly Lock gate = new();
    private long version = -1;
    private readonly Dictionary<(DateOnly AsOf, bool IncludeNested), Entry> byDate = [];

    /// <param name="includeNested">Whether a school in a network inside another (a trust in an umbrella trust) also counts as in the outer one.</param>
    public async Task<OverlapView> ViewAsync(long stamp, DateOnly asOf, AreaFilter area, bool includeNested = false)
    {
        Entry entry;
        lock (gate)
        {
            if (stamp > version)
            {
                byDate.Clear();
                version = stamp;
            }
            if (!byDate.TryGetValue((asOf, includeNested), out entry!))
            {
                if (byDate.Count >= MaxDates) byDate.Remove(byDate.MinBy(e => e.Value.LastUsed).Key);
                byDate[(asOf, includeNested)] = entry = new Entry(ReadAsync(asOf, includeNested));
            }
            entry.LastUsed = Environment.TickCount64;
        }
        try
        {
            var snapshot = await entry.Snapshot;
            if (entry.Views.Count >= MaxDates * 4) entry.Views.Clear();
            return await entry.Views.GetOrAdd(area.Key, _ => new Lazy<Task<OverlapView>>(() => CreateViewAsync(snapshot, area))).Value;
        }
        catch
        {
            lock (gate) if (byDate.TryGetValue((asOf, includeNested), out var failed) && failed == entry) byDate.Remove((asOf, includeNested));
            throw;
        }
    }

    private async Task<OverlapSnapshot> ReadAsync(DateOnly asOf, bool includeNested)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = await ReadActiveAsync(db, asOf);
        if (includeNested) rows = await WithNestedAsync(db, asOf, rows);
        var kinds = await ReadKindsAsync(db);
        var read = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var snapshot = OverlapSnapshot.Build(asOf, rows, kinds);
        logger.LogInformation("Overlap snapshot for {AsOf}: {Memberships} memberships, {Schools} schools, {Networks} networks; read in {Read} ms, built in {Built} ms",
            asOf, snapshot.MembershipCount, snapshot.SchoolCount, snapshot.NetworkCount, read, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds - read);
        return snapshot;
    }

    private async Task<OverlapView> CreateViewAsync(OverlapSnapshot snapshot, AreaFilter area)
    {
        if (area.IsEverywhere) return new OverlapView(snapshot, null);
        await using var scope = scopes.CreateAsyncScope();
        return new OverlapView(snapshot, await area.MaskAsync(scope.ServiceProvider.GetRequiredService<AtlasDbContext>(), snapshot, CancellationToken.None));
    }

    /// <summary>
    /// The memberships active on the date (the rule of <see cref="MembershipQueries.ActiveOn"/>), two numbers a row:
    /// EF Core writes the statement, a plain data reader reads it (materialising objects would cost several times more).
    /// </summary>
    private static async Task<List<ActiveMembership>> ReadActiveAsync(AtlasDbContext db, DateOnly asOf)
    {
        var query = db.Memberships.AsNoTracking().Where(MembershipQueries.ActiveOn(asOf)).Where(m => m.EstablishmentUrn != null)
            .Select(m => new { m.EstablishmentUrn, m.PartnershipId });
        await db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
        return await StoreRows.ReadAsync(command, row => new ActiveMembership(row.Int32(0), row.Int32(1)), CancellationToken.None);
    }

    /// <summary>Every network's kind, read the same way (its name as stored, as EF Core's enum-to-string conversion stores it).</summary>
    private static async Task<Dictionary<int, PartnershipKind>> ReadKindsAsync(AtlasDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Partnerships.Select(p => new { p.Id, p.Kind }).CreateDbCommand();
        var kinds = await StoreRows.ReadAsync(command, row => (Id: row.Int32(0), Kind: StoredNames<PartnershipKind>.Parse(row.Text(1))), CancellationToken.None);
        return kinds.ToDictionary(k => k.Id, k => k.Kind);
    }

    /// <summary>The rows and, for each network with networks inside it on the date, its nested networks' schools as its own (the snapshot keeps each pair once).</summary>
    private static async Task<List<ActiveMembership>> WithNestedAsync(AtlasDbContext db, DateOnly asOf, List<ActiveMembership> rows)
    {
        var outer = await db.Memberships.AsNoTracking().Where(MembershipQueries.ActiveOn(asOf)).Where(m => m.MemberPartnershipId != null)
            .Select(m => m.PartnershipId).Distinct().ToListAsync();
        if (outer.Count == 0) return rows;
        var byNetwork = rows.ToLookup(r => r.PartnershipId);
        var nested = await NestedNetworks.WithNestedAsync(db, outer, asOf, CancellationToken.None);
        var added = nested.SelectMany(n => n.Value.Where(id => id != n.Key).SelectMany(id => byNetwork[id]).Select(r => new ActiveMembership(r.Urn, n.Key)));
        return [.. rows, .. added];
    }

    private sealed class Entry(Task<OverlapSnapshot> snapshot)
    {
        public Task<OverlapSnapshot> Snapshot { get; } = snapshot;
        public ConcurrentDictionary<string, Lazy<Task<OverlapView>>> Views { get; } = new();
        public long LastUsed { get; set; }
    }
}

/// <summary>One request's access to the snapshots: the store's stamp is read once per request.</summary>
public sealed class OverlapSession(OverlapSnapshots snapshots, StoreStampReader stamps)
{
    private Task<long>? stamp;

    public async Task<OverlapView> ViewAsync(DateOnly asOf, AreaFilter area, CancellationToken cancellationToken, bool includeNested = false)
    {
        stamp ??= stamps.ReadAsync(cancellationToken);
        return await snapshots.ViewAsync(await stamp, asOf, area, includeNested);
    }
}
