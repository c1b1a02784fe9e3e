namespace PartnershipAtlas.Establishments;

/// <summary>What a GIAS link type says the linked establishment is to this one.</summary>
public enum LinkDirection
{
    /// <summary>The linked establishment came before this one (Predecessor, Predecessor - merged/amalgamated/Split School).</summary>
    Predecessor,

    /// <summary>The linked establishment came after this one (Successor, Successor - merged/amalgamated/Split School).</summary>
    Successor,

    /// <summary>A merger or amalgamation whose type does not say which came first (Result of Amalgamation, Merged - …).</summary>
    Merger,

    /// <summary>A sixth-form centre and a school that shares it (Sixth Form Centre Link / School).</summary>
    SixthFormCentre,

    /// <summary>Closure, Expansion, Other.</summary>
    Other,
}

/// <summary>
/// The 17 GIAS link types (2021–2025) by direction. GIAS names the linked establishment's part: a row
/// <c>URN=A, LinkURN=B, LinkType=Successor</c> means B succeeded A; the row from B's end says <c>Predecessor</c>.
/// Only the Predecessor* and Successor* types carry a direction; GIAS publishes Result of Amalgamation and the
/// Merged - … types identically from both ends, so they are mergers without a before and after.
/// </summary>
public static class EstablishmentLinkTypes
{
    private const string PredecessorPrefix = "Predecessor";
    private const string SuccessorPrefix = "Successor";

    public static LinkDirection DirectionOf(string linkType) => linkType switch
    {
        _ when linkType.StartsWith(PredecessorPrefix, StringComparison.OrdinalIgnoreCase) => LinkDirection.Predecessor,
        _ when linkType.StartsWith(SuccessorPrefix, StringComparison.OrdinalIgnoreCase) => LinkDirection.Successor,
        _ when linkType.StartsWith("Merged", StringComparison.OrdinalIgnoreCase) || linkType.Equals("Result of Amalgamation", StringComparison.OrdinalIgnoreCase) => LinkDirection.Merger,
        _ when linkType.StartsWith("Sixth Form Centre", StringComparison.OrdinalIgnoreCase) => LinkDirection.SixthFormCentre,
        _ => LinkDirection.Other,
    };

    /// <summary>The type as seen from the other end: Predecessor… and Successor… swap; the others read the same both ways.</summary>
    public static string Mirror(string linkType) => DirectionOf(linkType) switch
    {
        LinkDirection.Predecessor => SuccessorPrefix + linkType[PredecessorPrefix.Length..],
        LinkDirection.Successor => PredecessorPrefix + linkType[SuccessorPrefix.Length..],
        _ => linkType,
    };
}
