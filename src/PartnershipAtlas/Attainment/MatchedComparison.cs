namespace PartnershipAtlas.Attainment;

/// <summary>
/// Nearest-neighbour matching without replacement (greedy, network schools in URN order, ties to the lower URN) on
/// standardised covariates (z-scores over network and pool), with phase matched exactly: deterministic, so the
/// same store gives the same estimate.
/// </summary>
public static class MatchedComparison
{
    public static PartnershipComparison Compute(ComparisonRequest request, int members, IReadOnlyList<SchoolSeries> network, IReadOnlyList<SchoolSeries> pool)
    {
        var continuous = request.MatchOn.Where(v => v != MatchVariable.Phase).Distinct().ToArray();
        var usable = (IEnumerable<SchoolSeries> schools) => schools.Where(s => continuous.All(v => Covariate(s, v) is not null)).ToList();
        var (treated, candidates) = (usable(network).OrderBy(s => s.Urn).ToList(), usable(pool).OrderBy(s => s.Urn).ToList());
        var everyone = treated.Concat(candidates).ToList();
        var scale = continuous.ToDictionary(v => v, v => StandardDeviation(everyone.Select(s => Covariate(s, v)!.Value).ToList()));
        var byPhase = request.MatchOn.Contains(MatchVariable.Phase);
        var used = new HashSet<int>();
        var pairs = new List<ComparisonPair>();
        foreach (var school in treated)
        {
            ComparisonPair? best = null;
            foreach (var candidate in candidates)
            {
                if (used.Contains(candidate.Urn) || (byPhase && !string.Equals(candidate.Phase, school.Phase, StringComparison.OrdinalIgnoreCase))) continue;
                var distance = Math.Sqrt(continuous.Sum(v => Math.Pow((Covariate(school, v)!.Value - Covariate(candidate, v)!.Value) / scale[v], 2)));
                if (best is null || distance < best.Distance) best = new ComparisonPair(school, candidate, distance);
            }
            if (best is null) continue;
            used.Add(best.Match.Urn);
            pairs.Add(best);
        }
        return new PartnershipComparison(request, members, treated.Count, candidates.Count, pairs);
    }

    private static double? Covariate(SchoolSeries s, MatchVariable v) => v switch
    {
        MatchVariable.PriorAttainment => s.Pre,
        MatchVariable.Fsm => s.Fsm,
        MatchVariable.Size => s.Size,
        _ => null,
    };

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 1;
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Count - 1));
        return sd > 0 ? sd : 1;
    }
}
