using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// What a field's selection set asks for, read from the document, so that a loader can read fewer columns when the
/// fields selected need only some. Fragments count whatever their type condition, and directives are ignored: the
/// answer errs towards "more is selected", never less.
/// </summary>
public static class SelectedFields
{
    /// <summary>
    /// The names of the fields selected at the end of <paramref name="path"/> from the current field (each step a field
    /// name, under any alias, in any fragment: <c>edges</c> then <c>node</c>); empty when nothing is selected there;
    /// null when the document does not say (a fragment it does not define).
    /// </summary>
    public static IReadOnlySet<string>? At(IResolveFieldContext context, params IReadOnlyList<string> path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        return Collect(context.Document, context.FieldAst.SelectionSet, path, names) ? names : null;
    }

    /// <summary>Whether the current field selects only fields among <paramref name="allowed"/>.</summary>
    public static bool OnlyAmong(IResolveFieldContext context, IReadOnlySet<string> allowed) => Answer(context, "", allowed);

    /// <summary>
    /// Whether every <paramref name="child"/> field the current field selects (under any alias, in any fragment) selects
    /// only fields among <paramref name="allowed"/>; true when it selects no such child.
    /// </summary>
    public static bool ChildOnlyAmong(IResolveFieldContext context, string child, IReadOnlySet<string> allowed) => Answer(context, child, allowed);

    /// <summary>
    /// The answers of <see cref="OnlyAmong"/> and <see cref="ChildOnlyAmong"/> by field node: they depend on the document
    /// alone, and a parsed document is shared by every request that sends it (the parse cache), so a field resolved for
    /// each of a page's nodes, in request after request, walks its selection once. Kept while the document is.
    /// </summary>
    private static readonly ConditionalWeakTable<GraphQLField, ConcurrentDictionary<(string Child, IReadOnlySet<string> Allowed), bool>> Answers = new();

    private static bool Answer(IResolveFieldContext context, string child, IReadOnlySet<string> allowed) =>
        Answers.GetOrCreateValue(context.FieldAst).GetOrAdd((child, allowed),
            static (key, context) => (key.Child.Length == 0 ? At(context) : At(context, key.Child)) is { } names && names.IsSubsetOf(key.Allowed), context);

    /// <summary>Adds the names selected at the end of the path to <paramref name="names"/>; false when a fragment is not defined.</summary>
    private static bool Collect(GraphQLDocument document, GraphQLSelectionSet? selectionSet, IReadOnlyList<string> path, HashSet<string> names)
    {
        var fragmentsSeen = new HashSet<string>(StringComparer.Ordinal);
        return Walk(selectionSet);

        bool Walk(GraphQLSelectionSet? set)
        {
            if (set is null) return true;
            foreach (var selection in set.Selections)
            {
                var ok = selection switch
                {
                    GraphQLField field when path.Count == 0 => names.Add(field.Name.StringValue) || true,
                    GraphQLField field => field.Name.StringValue != path[0] || Collect(document, field.SelectionSet, path.Skip(1).ToList(), names),
                    GraphQLInlineFragment inline => Walk(inline.SelectionSet),
                    GraphQLFragmentSpread spread => !fragmentsSeen.Add(spread.FragmentName.Name.StringValue)
                        || (Fragment(document, spread.FragmentName.Name.StringValue) is { } definition && Walk(definition.SelectionSet)),
                    _ => false,
                };
                if (!ok) return false;
            }
            return true;
        }
    }

    private static GraphQLFragmentDefinition? Fragment(GraphQLDocument document, string name) =>
        document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(d => d.FragmentName.Name.StringValue == name);
}
