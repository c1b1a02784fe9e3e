using System.Reflection;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Api.Querying;
using PartnershipAtlas.Data;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Establishments;

/// <summary>
/// Every establishment's row, in URN order, held in memory while the store is unchanged
/// (<see cref="HeldWhileUnchanged{TFor,T}"/>): the <c>establishments</c> connection's unfiltered pages in URN order whose
/// nodes select declared columns only (<see cref="EstablishmentNarrowRead"/>), the pages dashboards and the IDE's first
/// queries read most, then cost no statement, and so do lookups by URN (<see cref="EstablishmentLoaders.ByUrn"/>). Until the rows are read (in the background, after each write), requests
/// read the store. 14 MB for 50,000 schools (the overlap benchmark's national scale), with repeated texts (types, phases,
/// areas) held once.
/// </summary>
public sealed class HeldEstablishments
{
    /// <summary>Configuration: whether the rows are held (default true); false reads every page from the store, for a store short of memory.</summary>
    public const string EnabledKey = "Atlas:Store:HeldEstablishments";

    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<HeldEstablishments> logger;
    private readonly HeldWhileUnchanged<WholeTable, HeldRows<Establishment>>? held;

    public HeldEstablishments(IServiceScopeFactory scopes, StoreStampReader stamps, IConfiguration configuration, ILogger<HeldEstablishments> logger)
    {
        (this.scopes, this.logger) = (scopes, logger);
        if (configuration.GetValue(EnabledKey, true)) held = new HeldWhileUnchanged<WholeTable, HeldRows<Establishment>>(stamps, _ => ReadAsync());
    }

    /// <summary>Held for nothing but the store's data stamp: the whole table.</summary>
    private readonly record struct WholeTable;

    /// <summary>The rows as the request's data stamp finds them, or null while they are being read (or when none are held).</summary>
    public static async ValueTask<HeldRows<Establishment>?> OfRequestAsync(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<HeldEstablishments>() is { held: not null } holder ? holder.At(await context.DataStampAsync()) : null;

    /// <summary>
    /// The establishment with this URN from the held rows, never waiting for them: at once when the request has read its
    /// data stamp and the rows are held for it; once the stamp is read (a read this starts, if the request has not) when
    /// it is still being read, and then from <paramref name="fromStore"/> if the rows are not held for it. That result is
    /// made now, so a lookup a loader batches is registered with it, and fetched only if needed.
    /// </summary>
    public static IDataLoaderResult<Establishment?> Find(IResolveFieldContext context, int urn, Func<IResolveFieldContext, int, IDataLoaderResult<Establishment?>> fromStore)
    {
        var holder = context.RequestServices!.GetRequiredService<HeldEstablishments>();
        if (holder.held is null) return fromStore(context, urn);
        var stamp = context.DataStampAsync();
        if (!stamp.IsCompleted) return new AfterStamp(holder, stamp, urn, fromStore(context, urn));
        return stamp.IsCompletedSuccessfully && holder.At(stamp.Result) is { } rows ? new KnownResult<Establishment?>(rows.Find(urn)) : fromStore(context, urn);
    }

    private sealed class AfterStamp(HeldEstablishments holder, Task<long> stamp, int urn, IDataLoaderResult<Establishment?> fromStore) : IDataLoaderResult<Establishment?>
    {
        public async Task<Establishment?> GetResultAsync(CancellationToken cancellationToken = default) =>
            holder.At(await stamp) is { } rows ? rows.Find(urn) : await fromStore.GetResultAsync(cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    /// <summary>The rows at <paramref name="dataStamp"/>, or null while they are being read (the first to ask starts that) or when none are held.</summary>
    public HeldRows<Establishment>? At(long dataStamp) => held?.At(dataStamp, default);

    /// <summary>The rows being read, or read: for tests and benchmarks that need them in place before they measure.</summary>
    public Task WhenReadAsync() => held?.WhenReadAsync() ?? Task.CompletedTask;

    private async Task<HeldRows<Establishment>> ReadAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
            await using var snapshot = await ReadSnapshot.BeginAsync(db); // schools, networks and memberships as one write left them
            var rows = await db.Establishments.AsNoTracking().TagWith(HeldReads.Tag).OrderBy(e => e.Urn).ToArrayAsync();
            var memberships = await ReadMembershipsAsync(db, rows);
            ShareRepeatedTexts(rows);
            var shape = new HeldShape(Loaded, Collated(db), await StoreTextOrder.IsByCodePointAsync(db), IndexedColumns.Of(db.Model.FindEntityType(typeof(Establishment))!));
            logger.LogInformation("Held establishments: {Rows} and their {Memberships} memberships read in {Elapsed} ms",
                rows.Length, memberships, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new HeldRows<Establishment>(rows, e => e.Urn, EstablishmentQueries.ByUrn, shape);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Reading the held establishments failed; requests read the store, and the next one tries again");
            throw;
        }
    }

    /// <summary>
    /// The navigations the rows are held with, which a filter may read in memory: every membership of each school, past
    /// and present (<c>memberships: { some: … }</c>), each with its network and its school.
    /// </summary>
    private static readonly HashSet<PropertyInfo> Loaded =
    [
        typeof(Establishment).GetProperty(nameof(Establishment.Memberships))!,
        typeof(Membership).GetProperty(nameof(Membership.Partnership))!,
        typeof(Membership).GetProperty(nameof(Membership.Establishment))!,
    ];

    /// <summary>Text columns the store compares under a collation of their own (case-insensitive codes, say): filters on them are the store's to answer.</summary>
    private static HashSet<PropertyInfo> Collated(AtlasDbContext db) =>
        db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.GetCollation() is not null).Select(p => p.PropertyInfo).OfType<PropertyInfo>().ToHashSet();

    /// <summary>
    /// Every school's memberships, each with its network (one object a network, shared) and its school; the count read.
    /// The memberships' statement is EF Core's, stepped directly (<see cref="StoreRows"/>): materialising 120,000 rows
    /// through EF Core took most of the read.
    /// </summary>
    private static async Task<int> ReadMembershipsAsync(AtlasDbContext db, Establishment[] rows)
    {
        var networks = await db.Partnerships.AsNoTracking().TagWith(HeldReads.Tag).ToDictionaryAsync(p => p.Id);
        var byUrn = rows.ToDictionary(e => e.Urn);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = db.Memberships.AsNoTracking().TagWith(HeldReads.Tag).Where(m => m.EstablishmentUrn != null) // in no order: a filter asks whether any, or all, do
            .Select(m => new { m.Id, m.EstablishmentUrn, m.PartnershipId, m.Role, m.Joined, m.Left, m.Source, m.ImportRunId });
        await db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
        var memberships = await StoreRows.ReadAsync(command, row =>
        {
            var (school, source) = (byUrn[row.Int32(1)], row.Text(6));
            var membership = new Membership
            {
                Id = row.Int64(0), EstablishmentUrn = school.Urn, Establishment = school, PartnershipId = row.Int32(2), Partnership = networks[row.Int32(2)],
                Role = StoredNames<MembershipRole>.Parse(row.Text(3)), Joined = row.IsNull(4) ? null : row.Date(4), Left = row.IsNull(5) ? null : row.Date(5),
                Source = sources.TryGetValue(source, out var kept) ? kept : sources[source] = source, ImportRunId = row.IsNull(7) ? null : row.Int64(7),
            };
            school.Memberships.Add(membership);
            return membership;
        }, CancellationToken.None);
        return memberships.Count;
    }

    /// <summary>Texts most schools share (their type, phase, status and areas) held once each rather than once a school.</summary>
    private static void ShareRepeatedTexts(Establishment[] rows)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Shared(string? text) => text is null ? null : seen.TryGetValue(text, out var kept) ? kept : seen[text] = text;
        foreach (var row in rows)
        {
            (row.LaCode, row.LaName, row.Type, row.TypeGroup) = (Shared(row.LaCode), Shared(row.LaName), Shared(row.Type), Shared(row.TypeGroup));
            (row.Phase, row.Status, row.Region, row.District) = (Shared(row.Phase), Shared(row.Status), Shared(row.Region), Shared(row.District));
        }
    }
}
