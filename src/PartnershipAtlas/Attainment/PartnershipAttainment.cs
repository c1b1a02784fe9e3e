namespace PartnershipAtlas.Attainment;

/// <summary>What <c>Partnership.attainment</c> was asked for.</summary>
public sealed record AttainmentRequest(KeyStage KeyStage, int Year, string Measure, DateOnly AsOf, bool TrustMeasureRule, bool IncludeNested = false)
{
    public KeyStageRules Rules => KeyStageRules.For(KeyStage);

    public string CacheKey => $"{KeyStage}:{Year}:{Measure.ToUpperInvariant()}:{AsOf}:{TrustMeasureRule}:{IncludeNested}";

    /// <summary>The fields the summary reads: the measure and its weights, for all, disadvantaged and other pupils.</summary>
    public string[] Codes => Enum.GetValues<PupilGroup>().SelectMany(g => new[] { Rules.CodeFor(Measure, g), Rules.WeightCodeFor(Measure, g) }).Distinct().ToArray();

    /// <summary>
    /// The DfE trust-measure rule: a school counts when it has been in the trust for at least three full academic
    /// years, i.e. joined on or before 1 September three years before the exam summer (2016-09-01 for 2019).
    /// </summary>
    public DateOnly TrustMeasureCutOff => new(Year - 3, 9, 1);
}

/// <summary>A member school as the summary saw it.</summary>
public sealed record AttainmentSchool(int Urn, string? Name, DateOnly? Joined, bool JoinedFromOpenDate, MeasureReading Value, int? Pupils);

/// <summary>The summary of one pupil group's values over the schools counted.</summary>
public sealed record GroupSummary(string Code, int SchoolsWithValue, int SchoolsSuppressed, int PupilsCovered, double? Mean, double? PupilWeightedMean);

/// <summary>An LA or England's published value for the same key stage, year and measure.</summary>
public sealed record AttainmentBenchmark(ResultLevel Level, string? LaCode, string? Name, MeasureReading All, MeasureReading Disadvantaged, MeasureReading Other);

/// <summary>How a network's schools did on one measure in one year.</summary>
public sealed record PartnershipAttainment(
    AttainmentRequest Request,
    int Members,
    int ExcludedByTrustMeasureRule,
    IReadOnlyList<AttainmentSchool> Schools,
    GroupSummary All,
    GroupSummary Disadvantaged,
    GroupSummary Other,
    IReadOnlyList<AttainmentBenchmark> LocalAuthorities,
    AttainmentBenchmark? National,
    AttainmentBenchmark? NationalStateFunded)
{
    /// <summary>Disadvantaged minus other pupils' pupil-weighted means.</summary>
    public double? Gap => Disadvantaged.PupilWeightedMean - Other.PupilWeightedMean;
}
