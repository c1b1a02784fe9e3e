using GraphQLParser.AST;

namespace PartnershipAtlas.Api.Limits;

/// <summary>The depth of an operation's selections through fragments, not counting introspection fields (as HotChocolate's max execution depth rule).</summary>
public static class QueryDepth
{
    public static int Measure(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        return Of(operation.SelectionSet, fragments, []);
    }

    private static int Of(GraphQLSelectionSet? selections, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visiting)
    {
        var deepest = 0;
        foreach (var selection in selections?.Selections ?? [])
        {
            var depth = selection switch
            {
                GraphQLField field when field.Name.StringValue.StartsWith("__", StringComparison.Ordinal) => 0,
                GraphQLField field => 1 + Of(field.SelectionSet, fragments, visiting),
                GraphQLInlineFragment inline => Of(inline.SelectionSet, fragments, visiting),
                GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, fragments, visiting),
                _ => 0,
            };
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    private static int Spread(string name, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visiting)
    {
        if (!fragments.TryGetValue(name, out var fragment) || !visiting.Add(name)) return 0;
        var depth = Of(fragment.SelectionSet, fragments, visiting);
        visiting.Remove(name);
        return depth;
    }
}
