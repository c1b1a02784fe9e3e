namespace PartnershipAtlas.Partnerships;

/// <summary>The rules a membership, partnership or review written by hand must keep, for the partnerships file and the API alike.</summary>
public static class MembershipRules
{
    /// <summary>Kinds whose members are derived from establishments (GIAS fields, area reference lists): never written by hand.</summary>
    public static readonly IReadOnlySet<PartnershipKind> DerivedKinds = new HashSet<PartnershipKind>
    {
        PartnershipKind.LocalAuthority, PartnershipKind.Region, PartnershipKind.OpportunityArea,
        PartnershipKind.EducationInvestmentArea, PartnershipKind.PriorityEducationInvestmentArea,
    };

    public static string? KindError(PartnershipKind kind) => DerivedKinds.Contains(kind)
        ? $"{PartnershipKeys.EnumName(kind)} networks take their members from establishments' LA or district (reference lists), not from hand-written memberships"
        : null;

    public static string? DatesError(DateOnly? start, DateOnly? end, string startName = "joined", string endName = "left") =>
        start is { } s && end is { } e && e <= s ? $"{endName} {e:yyyy-MM-dd} is not after {startName} {s:yyyy-MM-dd}" : null;

    /// <summary>Whether two spans [joined, left) share a day; null ends are open.</summary>
    public static bool Overlap(DateOnly? joinedA, DateOnly? leftA, DateOnly? joinedB, DateOnly? leftB) =>
        (joinedA is null || leftB is null || joinedA < leftB) && (joinedB is null || leftA is null || joinedB < leftA);

    public static string OverlapError(string member, DateOnly? joined, DateOnly? left, DateOnly? otherJoined, DateOnly? otherLeft) =>
        $"{member} is already a member from {Day(otherJoined)} to {Day(otherLeft)}, which overlaps {Day(joined)} to {Day(left)}";

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(open)";
}
