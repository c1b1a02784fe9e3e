using GraphQL.Types;
using PartnershipAtlas.Api.Subscriptions;
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
        Subscription = new AtlasSubscription();
        RegisterTypeMapping(typeof(DateOnly), typeof(DateScalar));
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(DateTimeScalar));
        foreach (var (clrEnum, graphType) in EnumGraphTypes()) RegisterTypeMapping(clrEnum, graphType);
        foreach (var (clrType, graphType) in ObjectGraphTypes()) RegisterTypeMapping(clrType, graphType);
    }

    /// <summary>
    /// Every object graph type that is the only one for its CLR type, by that type, so that a feature names another
    /// feature's object (<c>GraphQLClrOutputTypeReference&lt;Partnership&gt;</c>) without naming its graph type.
    /// </summary>
    private static IEnumerable<(Type ClrType, Type GraphType)> ObjectGraphTypes() =>
        typeof(AtlasSchema).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition)
            .Select(t => (Source: SourceOf(t, typeof(ObjectGraphType<>)), GraphType: t))
            .Where(x => x.Source is { IsEnum: false } && x.Source != typeof(object))
            .GroupBy(x => x.Source!)
            .Where(g => g.Count() == 1)
            .Select(g => (g.Key, g.Single().GraphType));

    /// <summary>
    /// Every enum graph type the assembly declares, by its CLR enum, so that generated inputs (filters, sorts) use the
    /// declared, described type instead of a second one of the same name.
    /// </summary>
    private static IEnumerable<(Type ClrEnum, Type GraphType)> EnumGraphTypes() =>
        typeof(AtlasSchema).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition)
            .Select(t => (Enum: EnumOf(t), GraphType: t))
            .Where(x => x.Enum is not null)
            .Select(x => (x.Enum!, x.GraphType));

    private static Type? EnumOf(Type type) => SourceOf(type, typeof(EnumerationGraphType<>));

    /// <summary>The type argument of <paramref name="generic"/> among the base types of <paramref name="type"/>, if it has it.</summary>
    private static Type? SourceOf(Type type, Type generic)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic) return t.GetGenericArguments()[0];
        }
        return null;
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
        Audit.AuditQueries.AddTo(this);
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

/// <summary>The root subscription: events served over Server-Sent Events at <c>/graphql/stream</c> (not at <c>/graphql</c>).</summary>
public sealed class AtlasSubscription : ObjectGraphType
{
    public AtlasSubscription()
    {
        Name = "Subscription";
        Description = "Events as the store changes, served over Server-Sent Events (the GraphQL over SSE protocol, distinct connections mode) at /graphql/stream: POST the subscription there with Accept: text/event-stream.";
        StoreChangeSubscriptions.AddTo(this);
        ImportRunSubscriptions.AddTo(this);
    }
}
