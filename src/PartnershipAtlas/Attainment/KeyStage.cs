namespace PartnershipAtlas.Attainment;

/// <summary>The key stage a performance table reports: KS2 (end of primary) or KS4 (GCSE).</summary>
public enum KeyStage
{
    KS2,
    KS4,
}
