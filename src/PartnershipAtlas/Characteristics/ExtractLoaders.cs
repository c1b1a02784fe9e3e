using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Characteristics;

/// <summary>Schools' per-extract GIAS attributes, batched (one statement per level), and what they say at a date.</summary>
public static class ExtractLoaders
{
    /// <summary>Every extract of the school, oldest first.</summary>
    public static IDataLoaderResult<IReadOnlyList<EstablishmentExtract>> Extracts(IResolveFieldContext context, int urn)
    {
        var db = context.Db();
        return context.Loaders().Get<int, IReadOnlyList<EstablishmentExtract>>("ExtractsBySchool", (urns, ct) => ExtractsAsync(db, urns, ct), []).Load(urn);
    }

    /// <summary>The latest extract on or before the date, or null when the school has none so early.</summary>
    public static IDataLoaderResult<EstablishmentExtract?> AsOf(IResolveFieldContext context, int urn, DateOnly asOf) =>
        new MappedResult<IReadOnlyList<EstablishmentExtract>, EstablishmentExtract?>(Extracts(context, urn), extracts => Latest(extracts, asOf));

    public static EstablishmentExtract? Latest(IReadOnlyList<EstablishmentExtract> extracts, DateOnly asOf) => extracts.LastOrDefault(e => e.ExtractDate <= asOf);

    public static async Task<IDictionary<int, IReadOnlyList<EstablishmentExtract>>> ExtractsAsync(AtlasDbContext db, IReadOnlyCollection<int> urns, CancellationToken cancellationToken)
    {
        var list = urns.ToList();
        var rows = await db.EstablishmentExtracts.AsNoTracking().Where(e => EF.Parameter(list).Contains(e.Urn)).ToListAsync(cancellationToken);
        return rows.GroupBy(e => e.Urn).ToDictionary(g => g.Key, g => (IReadOnlyList<EstablishmentExtract>)g.OrderBy(e => e.ExtractDate).ToList());
    }

    /// <summary>Every distinct rating and inspection date the extracts show, in the order they were first seen.</summary>
    public static IReadOnlyList<OfstedJudgement> History(IReadOnlyList<EstablishmentExtract> extracts) => extracts
        .Where(e => e.OfstedRating is not null || e.OfstedLastInspection is not null)
        .Select(OfstedJudgement.Of)
        .DistinctBy(j => (j.Rating, j.InspectionDate))
        .OrderBy(j => j.InspectionDate ?? j.ExtractDate).ThenBy(j => j.ExtractDate)
        .ToList();
}

/// <summary>An Ofsted rating and its inspection date, as a GIAS extract gave them.</summary>
public sealed record OfstedJudgement(string? Rating, DateOnly? InspectionDate, DateOnly ExtractDate)
{
    public static OfstedJudgement Of(EstablishmentExtract e) => new(e.OfstedRating, e.OfstedLastInspection, e.ExtractDate);
}
