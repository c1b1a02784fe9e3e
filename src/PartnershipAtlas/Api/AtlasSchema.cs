using GraphQL.Types;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Api;

/// <summary>The PartnershipAtlas GraphQL schema.</summary>
public sealed class AtlasSchema : Schema
{
    public AtlasSchema(IServiceProvider services) : base(services)
    {
        Description = "PartnershipAtlas: how England's schools work together.";
        Query = new AtlasQuery();
        RegisterTypeMapping(typeof(DateOnly), typeof(DateScalar));
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(DateTimeScalar));
        RegisterTypeMapping(typeof(PartnershipKind), typeof(PartnershipKindGraphType));
        RegisterTypeMapping(typeof(MembershipRole), typeof(MembershipRoleGraphType));
        RegisterTypeMapping(typeof(ImportStatus), typeof(ImportStatusGraphType));
    }
}

/// <summary>The root query: each feature adds its fields.</summary>
public sealed class AtlasQuery : ObjectGraphType
{
    public AtlasQuery()
    {
        Name = "Query";
        Description = "The root of every query.";
        EstablishmentQueries.AddTo(this);
        PartnershipQueries.AddTo(this);
        ImportRunQueries.AddTo(this);
        NodeQueries.AddTo(this);
    }
}
