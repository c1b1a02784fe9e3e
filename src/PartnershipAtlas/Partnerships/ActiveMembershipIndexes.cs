using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;
using PartnershipAtlas.Data.Sql;

namespace PartnershipAtlas.Partnerships;

/// <summary>
/// Today's <see cref="ActiveMembershipIndex"/>, shared by all requests while the store's data stamp is unchanged
/// (<see cref="HeldWhileUnchanged{TFor,T}"/>); until it is read, requests read the store.
/// An establishment's <c>partnerships</c>, and its <c>memberships</c> with a narrow selection, then cost no statement.
/// </summary>
/// <remarks>
/// Only today (the default <c>asOf</c>) is indexed: a request for another date reads the store, so an analyst
/// stepping through dates does not read every membership once per date.
/// </remarks>
public sealed class ActiveMembershipIndexes
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<ActiveMembershipIndexes> logger;
    private readonly HeldWhileUnchanged<DateOnly, ActiveMembershipIndex> held;

    public ActiveMembershipIndexes(IServiceScopeFactory scopes, StoreStampReader stamps, TimeProvider clock, ILogger<ActiveMembershipIndexes> logger)
    {
        (this.scopes, this.clock, this.logger) = (scopes, clock, logger);
        held = new HeldWhileUnchanged<DateOnly, ActiveMembershipIndex>(stamps, BuildAsync);
    }

    /// <summary>Whether the index holds what <paramref name="read"/> asks for: a selection no wider than it keeps.</summary>
    public static bool Holds(MembershipRead read) => read.Membership != MembershipColumns.Whole && read.PartnershipIdKindAndName;

    /// <summary>The one date indexed: today.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The index of <paramref name="asOf"/> (<see cref="Today"/>) for the store at <paramref name="dataStamp"/> (read
    /// after the request began), or null while that index is still being read. The first request after a write starts
    /// that read in the background, and requests read the store until it is done, so no request waits for it (at
    /// national scale it takes a few hundred milliseconds). A request asks once
    /// (<see cref="Establishments.EstablishmentLoaders"/>) and keeps the answer.
    /// </summary>
    public ActiveMembershipIndex? At(long dataStamp, DateOnly asOf) => held.At(dataStamp, asOf);

    /// <summary>The index being read, or read: for tests and benchmarks that need it in place before they measure.</summary>
    public Task WhenReadAsync() => held.WhenReadAsync();

    /// <summary>Reads the index in one statement (one snapshot of the store).</summary>
    private async Task<ActiveMembershipIndex> BuildAsync(DateOnly asOf)
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
        var query = db.Memberships.AsNoTracking().TagWith(HeldReads.Tag).Where(MembershipQueries.ActiveOn(asOf)).Where(m => m.EstablishmentUrn != null)
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
