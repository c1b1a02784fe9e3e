using GraphQL;
using GraphQL.Types;

namespace PartnershipAtlas.Benchmarks.ThinServer;

/// <summary>
/// The nested connection's shape answered from memory: <c>establishments(first)</c> with <c>nodes</c> of
/// <c>urn</c>, <c>name</c> and <c>partnerships { kind name }</c>, each school in three networks, as on the first page
/// of the default data. Generated rows (a benchmark's, not data the product ships); resolvers are synchronous reads of
/// objects already built, so what a request costs is GraphQL.NET's parsing, validation, execution and writing alone.
/// </summary>
public static class InMemoryPage
{
    private sealed record Network(string Kind, string Name);
    private sealed record School(int Urn, string Name, IReadOnlyList<Network> Partnerships);
    private sealed record Page(IReadOnlyList<School> Nodes);

    private static readonly School[] Schools = [.. Enumerable.Range(0, 1000).Select(i => new School(
        100000 + i, $"Generated School Number {i:D4} of the In-Memory Page",
        [new("LOCAL_AUTHORITY", $"Authority {i % 150}"), new("REGION", $"Region {i % 9}"), new("TEACHING_SCHOOL_HUB", $"Teaching School Hub {i % 87}")]))];

    public static void AddTo(ObjectGraphType query)
    {
        var kind = new EnumerationGraphType { Name = "PartnershipKind" };
        foreach (var name in new[] { "LOCAL_AUTHORITY", "REGION", "TEACHING_SCHOOL_HUB" }) kind.Add(name, name);

        var network = new ObjectGraphType<Network> { Name = "Partnership" };
        network.Field<NonNullGraphType<GraphQLTypeReference>>("kind").Type(new NonNullGraphType(kind)).Resolve(c => c.Source.Kind);
        network.Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);

        var school = new ObjectGraphType<School> { Name = "Establishment" };
        school.Field<NonNullGraphType<IntGraphType>>("urn").Resolve(c => c.Source.Urn);
        school.Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        school.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLTypeReference>>>>("partnerships")
            .Type(new NonNullGraphType(new ListGraphType(new NonNullGraphType(network)))).Resolve(c => c.Source.Partnerships);

        var page = new ObjectGraphType<Page> { Name = "EstablishmentsConnection" };
        page.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLTypeReference>>>>("nodes")
            .Type(new NonNullGraphType(new ListGraphType(new NonNullGraphType(school)))).Resolve(c => c.Source.Nodes);

        query.Field<NonNullGraphType<GraphQLTypeReference>>("establishments").Type(new NonNullGraphType(page))
            .Argument<IntGraphType>("first")
            .Resolve(c => new Page(Schools[..Math.Clamp(c.GetArgument("first", 20), 0, Schools.Length)]));
    }
}
