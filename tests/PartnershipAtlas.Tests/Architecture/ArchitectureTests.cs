using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using PartnershipAtlas.Api;

namespace PartnershipAtlas.Tests.Architecture;

/// <summary>
/// The rule of who may depend on whom (<see cref="DependencyRules"/>, docs/architecture.md), checked over the IL of the
/// server's assembly with ArchUnitNET: every type and every type it references.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Server = new(() => new ArchLoader().LoadAssemblies(typeof(AtlasSchema).Assembly).Build());

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Fixture = new(() => new ArchLoader().LoadAssemblies(typeof(ArchitectureTests).Assembly).Build());

    private static readonly DependencyRules ServerRules = new("PartnershipAtlas");

    private static readonly DependencyRules FixtureRules = new(typeof(BadFixture.Partnerships.PartnershipGraphType).Namespace![..^".Partnerships".Length]);

    [Fact]
    public void The_server_keeps_the_rule()
    {
        var references = ReferencesOf(Server.Value).ToList();

        Assert.True(references.Count > 1000, $"only {references.Count} references read: the loader saw too little to judge");
        Assert.Empty(ServerRules.Violations(references));
    }

    [Fact]
    public void Every_namespace_of_the_server_is_a_feature_or_infrastructure()
    {
        Assert.Empty(ServerRules.Unplaced(Server.Value.Types.Select(NamespaceOf)));
    }

    /// <summary>The same rules over types written to break them (in this test assembly): each break is found.</summary>
    [Fact]
    public void The_rule_fails_on_each_kind_of_break()
    {
        var violations = FixtureRules.Violations(ReferencesOf(Fixture.Value));
        var root = FixtureRules.Root;

        Assert.Contains($"Partnerships references Imports: {root}.Partnerships.MembershipRules -> {root}.Imports.GiasValues", violations);
        Assert.Contains($"Overlap names Partnerships's graph type: {root}.Overlap.OverlapFields -> {root}.Partnerships.PartnershipGraphType", violations);
        Assert.Contains($"Attainment names Partnerships's graph type: {root}.Attainment.AttainmentFields -> {root}.Partnerships.PartnershipGraphType", violations);
        Assert.Contains($"Data references the Audit feature: {root}.Data.StoreContext -> {root}.Audit.AuditEntry", violations);
        Assert.Equal(4, violations.Count);
    }

    [Fact]
    public void A_new_folder_must_be_placed()
    {
        Assert.Equal(["Landscape"], ServerRules.Unplaced(["PartnershipAtlas.Partnerships", "PartnershipAtlas.Landscape.Networks", "PartnershipAtlas", "System.Linq"]));
    }

    private static IEnumerable<TypeReference> ReferencesOf(ArchUnitNET.Domain.Architecture architecture) =>
        architecture.Types.SelectMany(type => type.Dependencies
            .Where(d => d.Target is not null)
            .Select(d => new TypeReference(NamespaceOf(type), type.FullName, NamespaceOf(d.Target), d.Target.FullName)));

    /// <summary>A type's namespace; empty for those that have none (generic parameters, compiler-generated types).</summary>
    private static string NamespaceOf(IType type) => type.Namespace?.FullName ?? "";
}
