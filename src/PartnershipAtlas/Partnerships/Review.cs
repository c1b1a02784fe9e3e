namespace PartnershipAtlas.Partnerships;

/// <summary>A dated review event in a partnership's cycle: which school reviewed which, on what, with what outcome.</summary>
public sealed class Review
{
    public long Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public DateOnly Date { get; set; }
    public ReviewKind Kind { get; set; }

    /// <summary>The reviewing school; for a self-review, the school itself.</summary>
    public int? ReviewerUrn { get; set; }
    public int ReviewedUrn { get; set; }
    public string? Focus { get; set; }
    public string? Outcome { get; set; }
    public required string Source { get; set; }
    public long? ImportRunId { get; set; }
}

/// <summary>The steps of a school peer-review cycle.</summary>
public enum ReviewKind
{
    SelfReview,
    PeerReview,
    FollowUpSupport,
}
