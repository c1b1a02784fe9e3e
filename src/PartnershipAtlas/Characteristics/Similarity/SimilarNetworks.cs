using PartnershipAtlas.Characteristics.Profiles;

namespace PartnershipAtlas.Characteristics.Similarity;

/// <summary>One factor's value for a network (null: the network has none).</summary>
public sealed record FactorValue(SimilarityFactor Factor, double? Value, string? Text);

/// <summary>A network like the one asked about, with its distance and the factor values compared.</summary>
public sealed record SimilarNetwork(int PartnershipId, double Distance, IReadOnlyList<FactorValue> Factors);

/// <summary>
/// The nearest networks of the same kind by standardised distance: each numeric factor becomes a z-score over the
/// networks of the kind that have it; the distance is the root mean square of the differences of z-scores (region:
/// 0 for the same main region, 1 otherwise). Networks without members, or without a value of some factor, are left out.
/// </summary>
public static class SimilarNetworks
{
    public static IReadOnlyList<SimilarNetwork> Nearest(NetworkProfile target, IReadOnlyList<NetworkProfile> sameKind, SimilarityFactor[] factors, int first)
    {
        var numeric = factors.Where(f => f != SimilarityFactor.Region).Distinct().ToArray();
        var byRegion = factors.Contains(SimilarityFactor.Region);
        var candidates = sameKind.Where(p => p.Members.Count > 0).Select(p => (Profile: p, Values: numeric.Select(f => SimilarityFactors.ValueOf(p, f)).ToArray(), Region: SimilarityFactors.MainRegion(p)))
            .Where(c => c.Values.All(v => v is not null)).ToList();
        var self = candidates.FirstOrDefault(c => c.Profile.PartnershipId == target.PartnershipId);
        if (self.Profile is null || candidates.Count < 2) return [];
        var scale = numeric.Select((_, i) => StandardDeviation(candidates.Select(c => c.Values[i]!.Value).ToList())).ToArray();
        return candidates.Where(c => c.Profile.PartnershipId != target.PartnershipId)
            .Select(c =>
            {
                var squares = numeric.Select((_, i) => scale[i] == 0 ? 0 : Math.Pow((c.Values[i]!.Value - self.Values[i]!.Value) / scale[i], 2)).ToList();
                if (byRegion) squares.Add(c.Region == self.Region ? 0 : 1);
                var values = numeric.Select((f, i) => new FactorValue(f, c.Values[i], null)).ToList();
                if (byRegion) values.Add(new FactorValue(SimilarityFactor.Region, null, c.Region));
                return new SimilarNetwork(c.Profile.PartnershipId, squares.Count == 0 ? 0 : Math.Sqrt(squares.Average()), values);
            })
            .OrderBy(s => s.Distance).ThenBy(s => s.PartnershipId).Take(Math.Max(first, 0)).ToList();
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
