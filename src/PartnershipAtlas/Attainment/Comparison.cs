namespace PartnershipAtlas.Attainment;

/// <summary>What a school's covariates and outcome are matched on.</summary>
public enum MatchVariable
{
    /// <summary>The measure's mean over the pre years.</summary>
    PriorAttainment,

    /// <summary>The % of disadvantaged pupils (<c>PTFSM6CLA1A</c>) over the pre years.</summary>
    Fsm,

    /// <summary>The cohort (TELIG / TPUP) over the pre years.</summary>
    Size,

    /// <summary>The phase of education (GIAS), matched exactly.</summary>
    Phase,
}

/// <summary>What <c>Partnership.comparison</c> was asked for.</summary>
public sealed record ComparisonRequest(KeyStage KeyStage, string Measure, int[] PreYears, int[] PostYears, MatchVariable[] MatchOn, DateOnly AsOf)
{
    public static readonly MatchVariable[] DefaultMatchOn = [MatchVariable.PriorAttainment, MatchVariable.Fsm, MatchVariable.Size, MatchVariable.Phase];

    public string CacheKey => $"{KeyStage}:{Measure.ToUpperInvariant()}:{string.Join(",", PreYears)}:{string.Join(",", PostYears)}:{string.Join(",", MatchOn)}:{AsOf}";

    public int[] Years => PreYears.Concat(PostYears).Distinct().Order().ToArray();

    /// <summary>Why the years cannot be compared, or null.</summary>
    public string? Problem =>
        PreYears.Length == 0 || PostYears.Length == 0 ? "preYears and postYears must each name at least one year."
        : PreYears.Max() >= PostYears.Min() ? "every pre year must come before every post year."
        : null;
}

/// <summary>A school's outcome before and after, and its covariates (means over the pre years).</summary>
public sealed record SchoolSeries(int Urn, string? Name, string? Phase, double Pre, double Post, double? Fsm, double? Size, IReadOnlyList<int> Urns)
{
    public double Change => Post - Pre;
}

/// <summary>A network school and its matched comparison school.</summary>
public sealed record ComparisonPair(SchoolSeries School, SchoolSeries Match, double Distance)
{
    /// <summary>The pair's difference in differences: the school's change minus its match's.</summary>
    public double Difference => School.Change - Match.Change;
}

/// <summary>The matched difference-in-differences of a network against schools outside it.</summary>
public sealed record PartnershipComparison(ComparisonRequest Request, int Members, int MembersWithData, int PoolSize, IReadOnlyList<ComparisonPair> Pairs)
{
    public double? Estimate => Pairs.Count == 0 ? null : Pairs.Average(p => p.Difference);

    /// <summary>The standard error of the mean paired difference (sd / √n), for two pairs or more.</summary>
    public double? StandardError
    {
        get
        {
            if (Pairs.Count < 2) return null;
            var mean = Estimate!.Value;
            var variance = Pairs.Sum(p => (p.Difference - mean) * (p.Difference - mean)) / (Pairs.Count - 1);
            return Math.Sqrt(variance / Pairs.Count);
        }
    }
}
