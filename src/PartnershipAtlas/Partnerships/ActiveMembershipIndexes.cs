using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;
using PartnershipAtlas.Data.Sql;

namespace PartnershipAtlas.Partnerships;

/// <summary>
/// Today's <see cref="ActiveMembershipIndex"/>, shared by all requests while the store's data stamp
/// (<see cref="StoreStamps.DataStamp"/>) is unchanged: any write of data, even by another process or instance, raises
/// it, and the next request that needs the index starts reading it afresh; until it is read, requests read the store
/// (so a write committed before a request is always seen).
/// An establishment's <c>partnerships</c>, and its <c>memberships</c> with a narrow selection, then cost no statement.
/// </summary>
/// <remarks>
/// Only today (the default <c>asOf</c>) is indexed: a request for another date reads the store, so an analyst
/// stepping through dates does not read every membership once per date.
/// </remarks>
public sealed class ActiveMembershipIndexes(IServiceScopeFactory scopes, StoreStampReader stamps, TimeProvider clock, ILogger<ActiveMembershipIndexes> logger)
{
    private readonly Lock gate = new();

    /// <summary>The index being read or read, and what it was read for: replaced whole, read without the lock.</summary>
    private volatile Current? current;

    private sealed record Current(long DataStamp, DateOnly AsOf, Task<ActiveMembershipIndex> Index)
    {
        public bool Answers(long dataStamp, DateOnly asOf) => DataStamp == dataStamp && AsOf == asOf && !Index.IsFaulted;
    }

    /// <summary>Whether the index holds what <paramref name="read"/> asks for: a selection no wider than it keeps.</summary>
    public static bool Holds(MembershipRead read) => read.Membership != MembershipColumns.Whole && read.PartnershipIdKindAndName;

    /// <summary>The one date indexed: today.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The index of <paramref name="asOf"/> (<see cref="Today"/>) for the store as it is when this is called (its data
    /// stamp is read after the call begins), or null while that index is still being read. The first request after a
    /// write starts that read in the background, and requests read the store until it is done, so no request waits for
    /// it (at national scale it takes a few hundred milliseconds). A request asks once
    /// (<see cref="Establishments.EstablishmentLoaders"/>) and keeps the answer.
    /// </summary>
    public async Task<ActiveMembershipIndex?> CurrentAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var stamp = (await stamps.ReadBothAsync(cancellationToken)).DataStamp;
        var known = current is { } kept && kept.Answers(stamp, asOf) ? kept : Start(stamp, asOf);
        return known.Index.IsCompletedSuccessfully ? known.Index.Result : null;
    }

    /// <summary>The index being read, or read: for tests and benchmarks that need it in place before they measure.</summary>
    public Task WhenReadAsync() => current?.Index ?? Task.CompletedTask;

    private Current Start(long stamp, DateOnly asOf)
    {
        lock (gate)
        {
            if (current is { } again && again.Answers(stamp, asOf)) return again;
            var started = new Current(stamp, asOf, Task.Run(() => BuildAsync(asOf, stamp)));
            if (current is not { } older || older.DataStamp <= stamp) current = started;
            return started;
        }
    }

    /// <summary>
    /// Reads the index in one statement (one snapshot of the store). If the data stamp moved while it was read, the index
    /// may hold a newer write than <paramref name="stamp"/> says: it is not kept (only requests that read the stamp
    /// before that write ended can have used it).
    /// </summary>
    private async Task<ActiveMembershipIndex> BuildAsync(DateOnly asOf, long stamp)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        ActiveMembershipIndex index;
        try
        {
            index = ActiveMembershipIndex.Build(asOf, await ReadAsync(db, asOf));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Reading the active membership index for {AsOf} failed; requests read the store, and the next one tries again", asOf);
            throw;
        }
        var after = (await stamps.ReadBothAsync(CancellationToken.None)).DataStamp;
        if (after != stamp)
        {
            lock (gate) if (current is { } built && built.DataStamp == stamp && built.AsOf == asOf) current = null;
        }
        logger.LogInformation("Active membership index for {AsOf}: {Memberships} memberships of {Schools} schools, read in {Elapsed} ms",
            asOf, index.MembershipCount, index.SchoolCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return index;
    }

    /// <summary>
    /// Every active membership of a school on the date (<see cref="MembershipQueries.ActiveOn"/>) in answer order: EF
    /// Core writes the statement, which is stepped directly (<see cref="StoreRows"/>); each partnership becomes one object,
    /// at its first row, which every membership in it shares.
    /// </summary>
    private static async Task<List<ActiveMembershipIndex.Row>> ReadAsync(AtlasDbContext db, DateOnly asOf)
    {
        var query = db.Memberships.AsNoTracking().Where(MembershipQueries.ActiveOn(asOf)).Where(m => m.EstablishmentUrn != null)
            .OrderBy(m => m.EstablishmentUrn).ThenBy(m => m.Partnership!.Kind).ThenBy(m => m.Partnership!.Name).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.EstablishmentUrn, m.PartnershipId, m.Role, m.Partnership!.Kind, m.Partnership.Name });
        await db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
        var partnerships = new Dictionary<int, Partnership>();
        return await StoreRows.ReadAsync(command, row =>
        {
            var partnershipId = row.Int32(2);
            if (!partnerships.TryGetValue(partnershipId, out var partnership))
            {
                partnerships[partnershipId] = partnership =
                    new Partnership { Id = partnershipId, Kind = StoredNames<PartnershipKind>.Parse(row.Text(4)), Name = row.Text(5), SourceKey = null! };
            }
            return new ActiveMembershipIndex.Row(row.Int64(0), row.Int32(1), StoredNames<MembershipRole>.Parse(row.Text(3)), partnership);
        }, CancellationToken.None);
    }
}
