using System.Globalization;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// GIAS group types (<c>Group Type (code)</c>, or the <c>Group Type</c> name where a file has no code) as partnership kinds.
/// Children's centres groups and collaborations (8, 9) are not school networks: their rows are ignored, counted, not rejected.
/// </summary>
internal static class GiasGroupTypes
{
    public const string ChildrensCentresIgnored = "children's centres group or collaboration (GIAS group type 8/9): not a school network";

    private static readonly Dictionary<int, PartnershipKind> Kinds = new()
    {
        [1] = PartnershipKind.Federation,
        [2] = PartnershipKind.FoundationTrust,
        [5] = PartnershipKind.Sponsor,
        [6] = PartnershipKind.MultiAcademyTrust,
        [7] = PartnershipKind.UmbrellaTrust,
        [10] = PartnershipKind.SingleAcademyTrust,
        [11] = PartnershipKind.SecureSingleAcademyTrust,
    };

    private static readonly Dictionary<string, int> CodesByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Federation"] = 1,
        ["Trust"] = 2,
        ["School sponsor"] = 5,
        ["Multi-academy trust"] = 6,
        ["Umbrella trust"] = 7,
        ["Children's Centres Group"] = 8,
        ["Children's Centres Collaboration"] = 9,
        ["Single-academy trust"] = 10,
        ["Secure single-academy trust"] = 11,
    };

    public static (PartnershipKind? Kind, string? Error, string? Ignored) KindOf(string code, string name)
    {
        int? parsed = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c
            : code.Length == 0 && CodesByName.TryGetValue(name, out var byName) ? byName : null;
        if (parsed is 8 or 9) return (null, null, ChildrensCentresIgnored);
        if (parsed is int known && Kinds.TryGetValue(known, out var kind)) return (kind, null, null);
        return (null, code.Length > 0 ? $"Group Type (code) '{code}' is not a known GIAS group type" : $"Group Type '{name}' is not a known GIAS group type", null);
    }

    /// <summary>Trusts give their incorporation date as the open date; other groups their open date.</summary>
    public static bool IsIncorporated(PartnershipKind kind) =>
        kind is PartnershipKind.MultiAcademyTrust or PartnershipKind.SingleAcademyTrust or PartnershipKind.SecureSingleAcademyTrust;

    /// <summary>The status as GIAS names it (Open, Closed, Proposed to open), from the name or else the code.</summary>
    public static string? StatusOf(string name, string code) => GiasValues.OrNull(name) ?? code.ToUpperInvariant() switch
    {
        "OPEN" => "Open",
        "CLOSED" => "Closed",
        "PROPOSED_TO_OPEN" => "Proposed to open",
        _ => GiasValues.OrNull(code),
    };
}
