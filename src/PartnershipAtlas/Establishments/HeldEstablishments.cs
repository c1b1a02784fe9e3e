using GraphQL;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Establishments;

/// <summary>
/// Every establishment's row, in URN order, held in memory while the store is unchanged
/// (<see cref="HeldWhileUnchanged{TFor,T}"/>): the <c>establishments</c> connection's unfiltered pages in URN order whose
/// nodes select declared columns only (<see cref="EstablishmentNarrowRead"/>), the pages dashboards and the IDE's first
/// queries read most, then cost no statement. Until the rows are read (in the background, after each write), requests
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
        context.RequestServices!.GetRequiredService<HeldEstablishments>() is { held: not null } rows ? rows.At(await context.DataStampAsync()) : null;

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
            var rows = await db.Establishments.AsNoTracking().OrderBy(e => e.Urn).ToArrayAsync();
            ShareRepeatedTexts(rows);
            logger.LogInformation("Held establishments: {Rows} read in {Elapsed} ms", rows.Length, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new HeldRows<Establishment>(rows, e => e.Urn, EstablishmentQueries.ByUrn);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Reading the held establishments failed; requests read the store, and the next one tries again");
            throw;
        }
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
