using GraphQL.Types;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Overlap;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Api;

/// <summary>The PartnershipAtlas GraphQL schema.</summary>
public sealed class AtlasSchema : Schema
{
    public AtlasSchema(IServiceProvider services) : base(services)
    {
        Description = "PartnershipAtlas: how England's schools work together.";
        Query = new AtlasQuery();
        Mutation = new AtlasMutation();
        RegisterTypeMapping(typeof(DateOnly), typeof(DateScalar));
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(DateTimeScalar));
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
        OverlapQueries.AddTo(this);
        NodeQueries.AddTo(this);
    }
}

/// <summary>The root mutation, for editors (API key with the editor role); run serially, as GraphQL runs mutations.</summary>
public sealed class AtlasMutation : ObjectGraphType
{
    public AtlasMutation()
    {
        Name = "Mutation";
        Description = "Changes to hand-kept networks: refused without an API key holding the editor role (X-Api-Key or Authorization: ApiKey …).";
        PartnershipMutations.AddTo(this);
    }
}
