// Types that break the dependency rules on purpose, for ArchitectureTests.The_rule_fails_on_each_kind_of_break: each
// namespace below BadFixture stands for the server's folder of the same name. Nothing else uses them.
#pragma warning disable CA1822, IDE0051, IDE0060

namespace PartnershipAtlas.Tests.Architecture.BadFixture.Imports
{
    public static class GiasValues
    {
        public const string Open = "Open";

        public static bool IsOpen(string status) => status == Open;
    }
}

namespace PartnershipAtlas.Tests.Architecture.BadFixture.Audit
{
    public sealed class AuditEntry
    {
        public string Operation { get; set; } = "";
    }
}

namespace PartnershipAtlas.Tests.Architecture.BadFixture.Partnerships
{
    /// <summary>A feature's own graph type: its own feature may name it.</summary>
    public sealed class PartnershipGraphType
    {
        public string Name => "Partnership";
    }

    /// <summary>Breaks the first rule: the domain calls an importer's values.</summary>
    public static class MembershipRules
    {
        public static bool IsActive(string status) => BadFixture.Imports.GiasValues.IsOpen(status);

        public static PartnershipGraphType Own() => new();
    }
}

namespace PartnershipAtlas.Tests.Architecture.BadFixture.Overlap
{
    /// <summary>Breaks the second rule by constructing another feature's graph type.</summary>
    public sealed class OverlapFields
    {
        public string Add() => new BadFixture.Partnerships.PartnershipGraphType().Name;
    }
}

namespace PartnershipAtlas.Tests.Architecture.BadFixture.Attainment
{
    /// <summary>Breaks the second rule only through a generic argument, as <c>Field&lt;PartnershipGraphType&gt;</c> would.</summary>
    public sealed class AttainmentFields
    {
        public int Add() => Field<List<BadFixture.Partnerships.PartnershipGraphType>>();

        private static int Field<T>() where T : new() => new T().GetHashCode();
    }
}

namespace PartnershipAtlas.Tests.Architecture.BadFixture.Data
{
    /// <summary>Breaks the third rule: infrastructure holding a feature's entity.</summary>
    public sealed class StoreContext
    {
        public BadFixture.Audit.AuditEntry? Auditing { get; set; }
    }
}
