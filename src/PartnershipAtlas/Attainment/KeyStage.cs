namespace PartnershipAtlas.Attainment;

/// <summary>
/// The published table a result set comes from: a key stage's performance table (KS2, KS4), or one of the
/// per-school files published beside them (school census, absence, KS4 destinations, school workforce).
/// Only KS2 and KS4 are key stages in the API's <c>KeyStage</c> enum; the others are read through <c>characteristics</c>.
/// </summary>
public enum KeyStage
{
    KS2,
    KS4,

    /// <summary>The January school census (<c>england_census.csv</c>).</summary>
    Census,

    /// <summary>Absence (<c>england_abs.csv</c>).</summary>
    Absence,

    /// <summary>KS4 destination measures (<c>england_ks4-pupdest.csv</c>).</summary>
    Ks4Destinations,

    /// <summary>The school workforce census (<c>england_swf.csv</c>).</summary>
    Workforce,
}
