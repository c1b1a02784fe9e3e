using GraphQLParser.AST;

namespace PartnershipAtlas.Api.Limits;

/// <summary>
/// The size and depths of a document's selections as they expand through fragments, measured in one pass over the
/// text: each fragment is measured once and its figures reused wherever it is spread, so a document of ten fragments
/// each spreading the next ten times costs ten measurements, not ten billion. Sizes saturate instead of overflowing.
/// </summary>
public sealed class DocumentShape
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = [];
    private readonly Dictionary<string, Figures> measured = [];
    private readonly HashSet<string> visiting = [];

    private DocumentShape(GraphQLDocument document)
    {
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>()) fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
    }

    /// <summary>
    /// Fields, fragment spreads and directives of the whole expansion: every operation's and every fragment
    /// definition's (the specification's rules visit both).
    /// </summary>
    public long Nodes { get; private set; }

    /// <summary>The deepest selection of the operation, not counting introspection fields (as HotChocolate's max execution depth).</summary>
    public int Depth { get; private set; }

    /// <summary>The deepest selection of the operation counting every field, introspection included.</summary>
    public int FullDepth { get; private set; }

    public static DocumentShape Measure(GraphQLDocument document, GraphQLOperationDefinition? operation)
    {
        var shape = new DocumentShape(document);
        long nodes = 0;
        foreach (var definition in document.Definitions)
        {
            var figures = definition switch
            {
                GraphQLOperationDefinition o => shape.Of(o.SelectionSet).Plus(Count(o.Directives)),
                GraphQLFragmentDefinition f => shape.Spread(f.FragmentName.Name.StringValue),
                _ => Figures.None,
            };
            nodes = Saturating(nodes, figures.Nodes);
            if (definition == operation) (shape.Depth, shape.FullDepth) = (figures.Depth, figures.FullDepth);
        }
        shape.Nodes = nodes;
        return shape;
    }

    private Figures Of(GraphQLSelectionSet? selections)
    {
        var total = Figures.None;
        foreach (var selection in selections?.Selections ?? [])
        {
            var figures = selection switch
            {
                GraphQLField field => Field(field),
                GraphQLInlineFragment inline => Of(inline.SelectionSet).Plus(Count(inline.Directives)),
                GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue).Plus(1 + Count(spread.Directives)),
                _ => Figures.None,
            };
            total = total.Beside(figures);
        }
        return total;
    }

    private Figures Field(GraphQLField field)
    {
        var inner = Of(field.SelectionSet);
        var introspection = field.Name.StringValue.StartsWith("__", StringComparison.Ordinal);
        return new Figures(Saturating(inner.Nodes, 1 + Count(field.Directives)), introspection ? 0 : 1 + inner.Depth, 1 + inner.FullDepth);
    }

    /// <summary>A fragment's figures, measured the first time it is met; a spread into a cycle (refused by validation) counts nothing.</summary>
    private Figures Spread(string name)
    {
        if (measured.TryGetValue(name, out var known)) return known;
        if (!fragments.TryGetValue(name, out var fragment) || !visiting.Add(name)) return Figures.None;
        var figures = Of(fragment.SelectionSet);
        visiting.Remove(name);
        measured[name] = figures;
        return figures;
    }

    private static long Count(GraphQLDirectives? directives) => directives?.Items.Count ?? 0;

    private static long Saturating(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private readonly record struct Figures(long Nodes, int Depth, int FullDepth)
    {
        public static readonly Figures None = new(0, 0, 0);

        public Figures Plus(long nodes) => this with { Nodes = Saturating(Nodes, nodes) };

        public Figures Beside(Figures other) => new(Saturating(Nodes, other.Nodes), Math.Max(Depth, other.Depth), Math.Max(FullDepth, other.FullDepth));
    }
}
