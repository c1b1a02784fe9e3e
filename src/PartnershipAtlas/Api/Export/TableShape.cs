using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PartnershipAtlas.Api.Export;

/// <summary>
/// Where a document's table is: the first connection (its <c>nodes</c> or <c>edges</c>) or the first list, depth
/// first in the document's order, with the response keys that lead to its rows and the columns of a row, named by
/// their path (<c>establishment.name</c>).
/// </summary>
/// <param name="Connection">The connection field, whose pages an export walks; null for a plain list (one page).</param>
public sealed record TableShape(IReadOnlyList<string> RowsPath, GraphQLField? Connection, IReadOnlyList<TableColumn> Columns)
{
    /// <summary>The document's table, or null when it selects no connection and no list.</summary>
    public static TableShape? Find(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        return Find(schema, fragments, schema.Query, operation.SelectionSet, []);
    }

    private static TableShape? Find(ISchema schema, Dictionary<string, GraphQLFragmentDefinition> fragments, IComplexGraphType parent, GraphQLSelectionSet set,
        List<string> path)
    {
        foreach (var (field, owner) in Scoped(schema, fragments, parent, set))
        {
            if (owner.GetField(field.Name.StringValue) is not { } definition || field.SelectionSet is null) continue;
            var type = definition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType! : definition.ResolvedType!;
            var here = new List<string>(path) { ResponseKey(field) };
            if (type.GetNamedType().Name.EndsWith("Connection", StringComparison.Ordinal)
                && Fields(fragments, field.SelectionSet).FirstOrDefault(f => f.Name.StringValue is "nodes" or "edges") is { SelectionSet: { } rows } list)
            {
                return new([.. here, ResponseKey(list)], field, TableColumn.Of(fragments, rows));
            }
            if (type is ListGraphType) return new(here, null, TableColumn.Of(fragments, field.SelectionSet));
            if (type.GetNamedType() is IComplexGraphType complex && Find(schema, fragments, complex, field.SelectionSet, here) is { } nested) return nested;
        }
        return null;
    }

    /// <summary>
    /// The fields of a selection set with the type that declares each: a fragment on a type condition
    /// (<c>node(id:) { ... on Partnership { members { … } } }</c>) reads its fields from that type.
    /// </summary>
    private static IEnumerable<(GraphQLField Field, IComplexGraphType Owner)> Scoped(ISchema schema, Dictionary<string, GraphQLFragmentDefinition> fragments,
        IComplexGraphType parent, GraphQLSelectionSet set)
    {
        foreach (var selection in set.Selections)
        {
            if (selection is GraphQLField field)
            {
                yield return (field, parent);
                continue;
            }
            GraphQLTypeCondition? condition = null;
            GraphQLSelectionSet? inner = null;
            if (selection is GraphQLInlineFragment inline) (condition, inner) = (inline.TypeCondition, inline.SelectionSet);
            else if (selection is GraphQLFragmentSpread spread && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)) (condition, inner) = (fragment.TypeCondition, fragment.SelectionSet);
            if (inner is null) continue;
            var owner = condition is not null && schema.AllTypes[condition.Type.Name.StringValue] is IComplexGraphType typed ? typed : parent;
            foreach (var scoped in Scoped(schema, fragments, owner, inner)) yield return scoped;
        }
    }

    /// <summary>The fields of a selection set, with fragments spread in place (their type conditions aside).</summary>
    internal static IEnumerable<GraphQLField> Fields(Dictionary<string, GraphQLFragmentDefinition> fragments, GraphQLSelectionSet set)
    {
        foreach (var selection in set.Selections)
        {
            var inner = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Fields(fragments, inline.SelectionSet),
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) => Fields(fragments, fragment.SelectionSet),
                _ => [],
            };
            foreach (var field in inner) yield return field;
        }
    }

    internal static string ResponseKey(GraphQLField field) => (field.Alias?.Name ?? field.Name).StringValue;
}

/// <summary>A column of an exported table: its name (the response keys joined with dots) and the path to its value in a row.</summary>
public sealed record TableColumn(string Name, IReadOnlyList<string> Path)
{
    public static IReadOnlyList<TableColumn> Of(Dictionary<string, GraphQLFragmentDefinition> fragments, GraphQLSelectionSet rows)
    {
        var columns = new List<TableColumn>();
        Add(fragments, rows, [], columns);
        return columns.DistinctBy(c => c.Name).ToList();
    }

    private static void Add(Dictionary<string, GraphQLFragmentDefinition> fragments, GraphQLSelectionSet set, List<string> path, List<TableColumn> columns)
    {
        foreach (var field in TableShape.Fields(fragments, set))
        {
            var here = new List<string>(path) { TableShape.ResponseKey(field) };
            if (field.SelectionSet is null) columns.Add(new(string.Join('.', here), here));
            else Add(fragments, field.SelectionSet, here, columns);
        }
    }
}
