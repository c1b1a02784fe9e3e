namespace PartnershipAtlas.Reference;

/// <summary>A DfE local authority code and the dates it was in use (the la-codes reference list).</summary>
public sealed class LocalAuthorityArea
{
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The first day the code was used; null when it predates the list.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>The first day the code was no longer used; null while in use.</summary>
    public DateOnly? ValidTo { get; set; }
    public required string Source { get; set; }
}

/// <summary>One step of an LA reorganisation: schools in <see cref="FromCode"/> passed to <see cref="ToCode"/> on <see cref="Date"/>.</summary>
public sealed class LocalAuthoritySuccession
{
    public long Id { get; set; }
    public required string FromCode { get; set; }
    public required string ToCode { get; set; }
    public DateOnly Date { get; set; }
}
