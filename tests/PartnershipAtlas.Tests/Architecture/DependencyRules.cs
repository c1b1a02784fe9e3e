namespace PartnershipAtlas.Tests.Architecture;

/// <summary>One type naming another in its IL (a field, a signature, a call, a generic argument, a base type).</summary>
public sealed record TypeReference(string FromNamespace, string FromType, string ToNamespace, string ToType);

/// <summary>
/// Who may depend on whom (docs/architecture.md), over the namespaces below <paramref name="Root"/>: features are the
/// first segment after it (<c>Root.Partnerships</c>, …), and so are the infrastructure areas (<c>Root.Data</c>, …).
/// <list type="bullet">
/// <item>Partnerships (the domain) never references Imports: importers depend on it, not the reverse.</item>
/// <item>A feature never names another feature's graph type (<c>*GraphType</c>): it adds fields through
/// <c>IObjectTypeExtension&lt;TSource&gt;</c> and names other features' objects by their CLR type.</item>
/// <item>Data references no feature: features bring their entities, configurations and table members to it.</item>
/// </list>
/// </summary>
public sealed record DependencyRules(string Root)
{
    public static readonly string[] Features = ["Partnerships", "Establishments", "Attainment", "Characteristics", "Overlap", "Audit", "Imports", "Reference", "Explorer"];

    public static readonly string[] Infrastructure = ["Api", "Data", "Hosting"];

    /// <summary>The feature or infrastructure area a namespace is in (its first segment below the root), or null outside the root.</summary>
    public string? AreaOf(string ns) =>
        ns == Root ? "" : ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;

    /// <summary>Every reference that breaks a rule, described for a failure message.</summary>
    public IReadOnlyList<string> Violations(IEnumerable<TypeReference> references) =>
        [.. references.Select(Violation).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Namespaces below the root that are neither a feature nor infrastructure: each new folder must be placed.</summary>
    public IReadOnlyList<string> Unplaced(IEnumerable<string> namespaces) =>
        [.. namespaces.Select(AreaOf).OfType<string>().Where(a => a != "" && !Features.Contains(a) && !Infrastructure.Contains(a)).Distinct().Order(StringComparer.Ordinal)];

    private string? Violation(TypeReference r)
    {
        var (from, to) = (AreaOf(r.FromNamespace), AreaOf(r.ToNamespace));
        if (from is null || to is null || from == to) return null;
        if (from == "Partnerships" && to == "Imports") return $"Partnerships references Imports: {r.FromType} -> {r.ToType}";
        if (from == "Data" && Features.Contains(to)) return $"Data references the {to} feature: {r.FromType} -> {r.ToType}";
        if (Features.Contains(from) && Features.Contains(to) && IsGraphType(r.ToType)) return $"{from} names {to}'s graph type: {r.FromType} -> {r.ToType}";
        return null;
    }

    private static bool IsGraphType(string fullName)
    {
        var name = fullName.Split('`')[0];
        return name.EndsWith("GraphType", StringComparison.Ordinal);
    }
}
