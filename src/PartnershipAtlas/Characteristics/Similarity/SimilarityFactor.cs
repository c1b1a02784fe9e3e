using PartnershipAtlas.Api;
using PartnershipAtlas.Characteristics.Profiles;

namespace PartnershipAtlas.Characteristics.Similarity;

/// <summary>What two networks are compared on.</summary>
public enum SimilarityFactor
{
    Pupils,
    Schools,
    FsmEver,
    Sen,
    PhaseMix,
    Region,
}

/// <summary>Each factor's value for a network's profile (null when the network has none).</summary>
public static class SimilarityFactors
{
    public static readonly SimilarityFactor[] Default = [SimilarityFactor.Pupils, SimilarityFactor.Schools, SimilarityFactor.FsmEver, SimilarityFactor.Sen, SimilarityFactor.PhaseMix];

    public static double? ValueOf(NetworkProfile profile, SimilarityFactor factor) => factor switch
    {
        SimilarityFactor.Pupils => profile.Pupils,
        SimilarityFactor.Schools => profile.Members.Count,
        SimilarityFactor.FsmEver => Weighted(profile, m => m.Characteristics?.ValueOf("PNUMFSMEVER")),
        SimilarityFactor.Sen => Weighted(profile, m => m.Characteristics?.ValueOf("PSENELK") + m.Characteristics?.ValueOf("PSENELSE")),
        SimilarityFactor.PhaseMix => profile.Members.Count == 0 ? null : (double)profile.Members.Count(m => m.Phase == "Primary") / profile.Members.Count,
        SimilarityFactor.Region => null, // compared as same or different main region, see SimilarNetworks
        _ => null,
    };

    /// <summary>The region most members are in (ties: the first by name).</summary>
    public static string? MainRegion(NetworkProfile profile) => profile.Regions.FirstOrDefault(r => r.Key is not null)?.Key;

    private static double? Weighted(NetworkProfile profile, Func<ProfileMember, double?> value) =>
        WeightedSum.Over(profile.Members.Select(m => (value(m), NetworkProfile.NumberOnRoll(m)))).Mean;
}

/// <summary>The factors as a GraphQL enum.</summary>
public sealed class SimilarityFactorGraphType : DescribedEnumGraphType<SimilarityFactor>
{
    public SimilarityFactorGraphType()
    {
        Name = "SimilarityFactor";
        Description = "What similar networks are compared on; each numeric factor is standardised (z-score over the networks of the same kind).";
        Describe(SimilarityFactor.Pupils, "Pupils on roll (Σ NOR of the members).");
        Describe(SimilarityFactor.Schools, "Member schools.");
        Describe(SimilarityFactor.FsmEver, "Pupil-weighted FSM in the last 6 years (PNUMFSMEVER), %.");
        Describe(SimilarityFactor.Sen, "Pupil-weighted SEN: SEN support plus EHC plans (PSENELK + PSENELSE), %.");
        Describe(SimilarityFactor.PhaseMix, "Share of members that are primary schools (GIAS phase Primary), 0–1.");
        Describe(SimilarityFactor.Region, "Main region (most members): the same adds 0, a different one adds 1 standard unit.");
    }
}
