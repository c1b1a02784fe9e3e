using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// The <c>where:</c>/<c>order:</c> inputs offer the public model only: no storage ids (numeric keys, foreign keys, run
/// ids), ids as the public <c>ID</c>, relations through their own public fields. Over the real Surrey 2021 extract.
/// </summary>
public sealed class PublicQueryModelTests(Surrey2021Store imported) : IClassFixture<Surrey2021Store>
{
    /// <summary>The fields of a filter or sort input that publish storage: an <c>id</c> that is not the public <c>ID</c>, a number named <c>…Id</c>, or a key beside its relation (<c>establishmentUrn</c> next to <c>establishment</c>).</summary>
    /// <param name="filter">For a sort input, the filter input of the same type (a sort key's type is only its direction).</param>
    private static List<string> StorageIds(IInputObjectGraphType input, IInputObjectGraphType? filter = null)
    {
        var sort = input.Name.EndsWith("SortInput", StringComparison.Ordinal);
        string TypeName(FieldType field) => ((sort ? filter?.GetField(field.Name) : null) ?? field).ResolvedType?.GetNamedType().Name ?? "";
        var names = input.Fields.Select(f => f.Name).ToHashSet();
        return input.Fields.Where(f =>
                f.Name == "id" ? sort || TypeName(f) != "IdOperationFilterInput"
                : f.Name.EndsWith("Id", StringComparison.Ordinal) ? TypeName(f) != "StringOperationFilterInput"
                : names.Any(relation => f.Name != relation && (f.Name == relation + "Id" || f.Name == relation + "Urn")))
            .Select(f => $"{input.Name}.{f.Name}")
            .ToList();
    }

    private static bool IsEntityInput(IGraphType type) => type is IInputObjectGraphType
        && (type.Name.EndsWith("SortInput", StringComparison.Ordinal) || type.Name.EndsWith("FilterInput", StringComparison.Ordinal))
        && !type.Name.EndsWith("OperationFilterInput", StringComparison.Ordinal) && !type.Name.StartsWith("ListFilterInputTypeOf", StringComparison.Ordinal);

    [Fact]
    public void No_filter_or_sort_input_offers_a_storage_id()
    {
        var schema = imported.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var inputs = schema.AllTypes.Where(IsEntityInput).Cast<IInputObjectGraphType>().ToList();

        Assert.Empty(inputs.SelectMany(i => StorageIds(i, schema.AllTypes[i.Name.Replace("SortInput", "FilterInput", StringComparison.Ordinal)] as IInputObjectGraphType)));
        Assert.Superset(new HashSet<string> { "MembershipFilterInput", "MembershipSortInput", "PartnershipFilterInput", "EstablishmentFilterInput", "ImportRunFilterInput", "AuditEntryFilterInput", "ReviewFilterInput" },
            inputs.Select(i => i.Name).ToHashSet());
        Assert.Equal("IdOperationFilterInput", ((IInputObjectGraphType)schema.AllTypes["MembershipFilterInput"]!).GetField("id")!.ResolvedType!.GetNamedType().Name);
    }

    [Fact]
    public void The_storage_id_rule_catches_the_old_generated_shape()
    {
        var old = new InputObjectGraphType { Name = "MembershipFilterInput" };
        old.AddField(new FieldType { Name = "id", Type = typeof(IdGraphType) });
        old.AddField(new FieldType { Name = "importRunId", Type = typeof(LongGraphType) });
        old.AddField(new FieldType { Name = "establishment", Type = typeof(StringGraphType) });
        old.AddField(new FieldType { Name = "establishmentUrn", Type = typeof(IntGraphType) });
        old.AddField(new FieldType { Name = "role", Type = typeof(StringGraphType) });

        Assert.Equal(["MembershipFilterInput.id", "MembershipFilterInput.importRunId", "MembershipFilterInput.establishmentUrn"], StorageIds(old));
    }

    [Theory]
    [InlineData("importRunId: { eq: 1 }")]
    [InlineData("partnershipId: { eq: 1 }")]
    [InlineData("establishmentUrn: { eq: 1 }")]
    public async Task A_storage_field_is_a_validation_error(string condition)
    {
        var result = await imported.CreateClient().QueryAsync($"{{ partnerships(first: 1) {{ nodes {{ members(where: {{ {condition} }}) {{ totalCount }} }} }} }}");

        Assert.Null(result["data"]);
        Assert.Contains(condition.Split(':')[0], result["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_filter_by_the_global_ids_the_object_types_show()
    {
        var client = imported.CreateClient();
        var all = await client.AllNodesAsync("partnerships", "", "id name");
        var chosen = all.Where((_, i) => i % 7 == 3).Select(p => p["id"]!.GetValue<string>()).ToList();

        var picked = (await client.DataAsync("query($ids: [ID]) { partnerships(first: 100, where: { id: { in: $ids } }) { nodes { id } } }", new { ids = chosen }))["partnerships"]!["nodes"]!;
        var others = (await client.DataAsync("query($id: ID) { partnerships(where: { id: { neq: $id } }) { totalCount } }", new { id = chosen[0] }))["partnerships"]!;

        Assert.True(chosen.Count > 3);
        Assert.Equal(chosen, picked.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(all.Count - 1, others["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("RXN0YWJsaXNobWVudDoxMjUxOTg=")] // Establishment:125198, not a Partnership id
    public async Task An_id_of_another_type_or_no_id_is_a_clear_error(string id)
    {
        var result = await imported.CreateClient().QueryAsync("query($id: ID) { partnerships(where: { id: { eq: $id } }) { totalCount } }", new { id });

        Assert.Equal("FILTER_INVALID_ID", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(id, result["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_filter_and_sort_through_the_establishment_and_network_fields()
    {
        var (urn, memberships) = imported.All.Where(e => e.Memberships.Count > 0).Select(e => (e.Urn, e.Memberships)).First();
        var membershipId = GlobalId.Encode("Membership", memberships[0].Id);
        var client = imported.CreateClient();

        var viaEstablishment = (await client.DataAsync($"{{ partnerships(first: 100, where: {{ memberships: {{ some: {{ establishment: {{ urn: {{ eq: {urn} }} }} }} }} }}) {{ nodes {{ id }} }} }}"))["partnerships"]!["nodes"]!;
        var viaId = (await client.DataAsync("query($id: ID) { partnerships(where: { memberships: { some: { id: { eq: $id } } } }) { nodes { id } } }", new { id = membershipId }))["partnerships"]!["nodes"]!;
        var expected = memberships.Select(m => GlobalId.Encode("Partnership", m.PartnershipId)).Distinct().Order().ToList();

        Assert.Equal(expected, viaEstablishment.AsArray().Select(n => n!["id"]!.GetValue<string>()).Order());
        Assert.Equal([GlobalId.Encode("Partnership", memberships[0].PartnershipId)], viaId.AsArray().Select(n => n!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Members_sorted_by_their_establishments_urn_page_in_that_order()
    {
        var partnershipId = await imported.WithStoreAsync(db => db.Memberships.GroupBy(m => m.PartnershipId).Where(g => g.Count() > 12).Select(g => g.Key).FirstAsync());
        var client = imported.CreateClient();
        const string Query = "query($id: ID!, $after: String) { node(id: $id) { ... on Partnership { members(asOf: \"2021-06-01\", first: 5, after: $after, order: [{ establishment: { urn: DESC } }]) { pageInfo { hasNextPage endCursor } nodes { establishment { urn } } } } } }";
        var urns = new List<int>();
        string? cursor = null;
        do
        {
            var page = (await client.DataAsync(Query, new { id = GlobalId.Encode("Partnership", partnershipId), after = cursor }))["node"]!["members"]!;
            urns.AddRange(page["nodes"]!.AsArray().Select(n => n!["establishment"]!["urn"]!.GetValue<int>()));
            cursor = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (cursor is not null);

        Assert.True(urns.Count > 5);
        Assert.Equal(urns.OrderDescending(), urns);
    }

    [Fact]
    public async Task Import_runs_filter_by_the_number_their_id_shows()
    {
        var client = imported.CreateClient();
        var runs = (await client.DataAsync("{ importRuns { nodes { id dataset } } }"))["importRuns"]!["nodes"]!.AsArray();
        var id = runs[0]!["id"]!.GetValue<string>();

        var found = (await client.DataAsync("query($id: ID) { importRuns(where: { id: { eq: $id } }) { nodes { id dataset } } }", new { id }))["importRuns"]!["nodes"]!.AsArray();

        Assert.Equal(id, Assert.Single(found)!["id"]!.GetValue<string>());
    }
}
