using GraphQL;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Api;

/// <summary>What resolvers take from the request: its store context, its loaders and the common arguments.</summary>
public static class ResolveContextExtensions
{
    /// <summary>
    /// The request's store context, its connection opened on first use and kept open until the request ends (the
    /// context goes back to its pool or is disposed), instead of being opened and closed around every statement.
    /// </summary>
    public static AtlasDbContext Db(this IResolveFieldContext context) => context.RequestServices!.Db();

    /// <summary>The store context of these (the request's) services, its connection opened as <see cref="Db(IResolveFieldContext)"/> says.</summary>
    public static AtlasDbContext Db(this IServiceProvider services)
    {
        var db = services.GetRequiredService<AtlasDbContext>();
        if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Closed) db.Database.OpenConnection();
        return db;
    }

    public static LoaderScope Loaders(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<LoaderScope>();

    /// <summary>
    /// The store's data stamp as this request found it: read on the first field that asks (so after the request began,
    /// and every write committed before it is seen) and kept for the rest of the request, so the values held in memory
    /// while the store is unchanged (<see cref="HeldWhileUnchanged{TFor,T}"/>) are all checked against one read.
    /// </summary>
    public static Task<long> DataStampAsync(this IResolveFieldContext context) => context.Loaders().Kept(DataStampKey, context, ReadDataStampAsync);

    private static readonly object DataStampKey = new();

    private static async Task<long> ReadDataStampAsync(IResolveFieldContext context) =>
        (await context.RequestServices!.GetRequiredService<StoreStampReader>().ReadBothAsync(context.CancellationToken)).DataStamp;

    /// <summary>The <c>asOf</c> argument, today when not given.</summary>
    public static DateOnly AsOf(this IResolveFieldContext context) =>
        context.GetArgument<DateOnly?>("asOf") ?? DateOnly.FromDateTime(context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>The <c>kinds</c> argument, or null for every kind.</summary>
    public static PartnershipKind[]? Kinds(this IResolveFieldContext context) =>
        context.GetArgument<List<PartnershipKind>?>("kinds") is { Count: > 0 } kinds ? kinds.Distinct().ToArray() : null;

    public static string KindsKey(this PartnershipKind[]? kinds) => kinds is null ? "*" : string.Join(",", kinds.Order());
}
