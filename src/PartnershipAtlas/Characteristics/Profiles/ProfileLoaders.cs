using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Data;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Characteristics.Profiles;

/// <summary>
/// <c>Partnership.profile</c> for every partnership of a query level at once: members on the date (the
/// Partnerships feature's own rule, <see cref="MembershipQueries.Active"/>), their characteristics of the year and
/// their GIAS extracts, in a fixed number of statements whatever the number of partnerships or members.
/// </summary>
public static class ProfileLoaders
{
    public static IDataLoaderResult<NetworkProfile> Profile(IResolveFieldContext context, int partnershipId, DateOnly asOf, int? year)
    {
        var db = context.Db();
        var loader = context.Loaders().Get<int, NetworkProfile?>($"ProfileByPartnership:{asOf}:{year}", async (ids, ct) => await LoadAsync(db, ids, asOf, year, ct), null);
        return new MappedResult<NetworkProfile?, NetworkProfile>(loader.Load(partnershipId), p => p ?? new NetworkProfile(partnershipId, asOf, year, []));
    }

    internal static async Task<IDictionary<int, NetworkProfile?>> LoadAsync(AtlasDbContext db, IReadOnlyCollection<int> ids, DateOnly asOf, int? year, CancellationToken cancellationToken)
    {
        var idList = ids.ToList();
        var rows = await db.Active(asOf, null)
            .Where(m => EF.Parameter(idList).Contains(m.PartnershipId) && m.EstablishmentUrn != null)
            .Select(m => new
            {
                m.PartnershipId, Urn = m.EstablishmentUrn!.Value, m.Joined, m.Establishment!.OpenDate, m.Establishment.Phase, m.Establishment.TypeGroup, m.Establishment.LaCode,
                m.Establishment.LaName, m.Establishment.Region, m.Establishment.Easting, m.Establishment.Northing,
            })
            .ToListAsync(cancellationToken);
        var urns = rows.Select(r => r.Urn).Distinct().ToList();
        year ??= await db.ResultSets.Where(r => r.KeyStage == KeyStage.Census).MaxAsync(r => (int?)r.Year, cancellationToken);
        var characteristics = urns.Count == 0 || year is null ? new Dictionary<int, IReadOnlyList<SchoolCharacteristics>>()
            : await CharacteristicsLoaders.SeriesAsync(db, urns, null, cancellationToken, year);
        var extracts = urns.Count == 0 ? new Dictionary<int, IReadOnlyList<EstablishmentExtract>>() : await ExtractLoaders.ExtractsAsync(db, urns, cancellationToken);
        var byPartnership = rows.GroupBy(r => r.PartnershipId).ToDictionary(g => g.Key, g => g.GroupBy(r => r.Urn).Select(u => u.First()).Select(r => new ProfileMember(
            r.Urn, MembershipActivity.ActiveFrom(r.Joined, r.OpenDate), r.Phase, r.TypeGroup, r.LaCode, r.LaName, r.Region, r.Easting, r.Northing,
            characteristics.TryGetValue(r.Urn, out var c) ? c.FirstOrDefault() : null,
            extracts.TryGetValue(r.Urn, out var e) ? ExtractLoaders.Latest(e, asOf) : null)).OrderBy(m => m.Urn).ToList());
        return ids.ToDictionary(id => id, id => (NetworkProfile?)new NetworkProfile(id, asOf, year, byPartnership.GetValueOrDefault(id) ?? []));
    }

    /// <summary>The measure weighted by NOR over the members, over all schools of the members' LAs, and for England (the NAT rows).</summary>
    public static IDataLoaderResult<PupilWeighted> PupilWeighted(IResolveFieldContext context, NetworkProfile profile, string code)
    {
        var members = WeightedSum.Over(profile.Members.Select(m => (m.Characteristics?.ValueOf(code), NetworkProfile.NumberOnRoll(m))));
        if (profile.Year is not int year) return new DeferredResult<PupilWeighted>(_ => Task.FromResult(new PupilWeighted(code, null, null, null, 0, 0)));
        var db = context.Db();
        var loader = context.Loaders().Get<string, WeightedSum>($"AreaWeighted:{code.ToUpperInvariant()}:{year}",
            async (keys, ct) => await AreaTotals.LoadAsync(db, keys, code, year, ct), WeightedSum.Empty);
        var las = profile.Members.Select(m => m.LaCode).OfType<string>().Distinct().Select(loader.Load).ToList();
        var england = loader.Load(AreaTotals.England);
        return new DeferredResult<PupilWeighted>(async ct =>
        {
            var laSum = WeightedSum.Empty;
            foreach (var la in las) laSum += await la.GetResultAsync(ct);
            return new PupilWeighted(code, members.Mean, laSum.Mean, (await england.GetResultAsync(ct)).Mean, (int)members.Weight, members.Count);
        });
    }
}
