namespace PartnershipAtlas.Attainment;

/// <summary>What a row of a performance table describes: a school, or a benchmark (an LA or England).</summary>
public enum ResultLevel
{
    /// <summary>A mainstream or special school (RECTYPE 1 or 2).</summary>
    School,

    /// <summary>A local authority's figures (KS2 RECTYPE 3, KS4 RECTYPE 4).</summary>
    LocalAuthority,

    /// <summary>England, all schools (KS2 RECTYPE 4, KS4 RECTYPE 5).</summary>
    National,

    /// <summary>England, state-funded schools (KS2 RECTYPE 5) or maintained schools (KS4 RECTYPE 7).</summary>
    NationalStateFunded,
}
