namespace PartnershipAtlas.Data;

/// <summary>The statements that read what is held while the store is unchanged (<see cref="HeldWhileUnchanged{TFor,T}"/>), in the background rather than for a request.</summary>
public static class HeldReads
{
    /// <summary>
    /// The tag these statements carry (EF Core's <c>TagWith</c>, an SQL comment): logs and traces show them for what
    /// they are, and counts of a request's statements leave them out.
    /// </summary>
    public const string Tag = "held read, in the background";

    /// <summary>Whether a statement's text is one of these reads.</summary>
    public static bool Marks(string sql) => sql.Contains(Tag, StringComparison.Ordinal);
}
