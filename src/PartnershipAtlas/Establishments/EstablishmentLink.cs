namespace PartnershipAtlas.Establishments;

/// <summary>
/// A GIAS establishment link (<c>links_edubasealldata</c>): predecessor/successor, merger, amalgamation, split,
/// sixth-form link. GIAS lists each link from both ends; both rows are kept as published.
/// </summary>
public sealed class EstablishmentLink
{
    public long Id { get; set; }
    public int Urn { get; set; }
    public int LinkedUrn { get; set; }

    /// <summary>The linked establishment's name as the links file gives it (it may not be in the store).</summary>
    public required string LinkedName { get; set; }

    /// <summary>The link type as published, e.g. <c>Predecessor</c>, <c>Successor - amalgamated</c>, <c>Sixth Form Centre Link</c>.</summary>
    public required string LinkType { get; set; }
    public DateOnly? EstablishedDate { get; set; }
    public long? ImportRunId { get; set; }
}
