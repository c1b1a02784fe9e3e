using System.Text;
using System.Text.Json.Nodes;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// Documents built from a <see cref="FuzzSchema"/> to explode, each with the size of its expansion computed as it is
/// built: fragment chains with growing fan-out, alias floods on real fields, and walks down real fields to a depth.
/// Only fields whose arguments are all optional are used, so what is not over a limit is a document that can run.
/// </summary>
public sealed class AbuseDocuments(FuzzSchema schema, Random random)
{
    /// <param name="Expansion">Fields and fragment spreads the operation expands to.</param>
    /// <param name="Depth">The deepest selection, in fields.</param>
    public sealed record Document(string Kind, string Text, long Expansion, int Depth);

    /// <summary><paramref name="levels"/> fragments on the query type, each spreading the next <paramref name="fanOut"/> times; the last selects a few real fields.</summary>
    public Document FragmentFanOut(int levels, int fanOut)
    {
        var leaves = ScalarFields(schema.QueryType).Take(3).DefaultIfEmpty("__typename").ToList();
        var text = new StringBuilder("{ ...F0 } ");
        long expansion = 1, spreads = 1;
        for (var i = 0; i < levels; i++)
        {
            text.Append($"fragment F{i} on {schema.QueryType} {{ ").Append(string.Concat(Enumerable.Repeat($"...F{i + 1} ", fanOut))).Append("} ");
            spreads = Times(spreads, fanOut);
            expansion = Plus(expansion, spreads);
        }
        text.Append($"fragment F{levels} on {schema.QueryType} {{ {string.Join(' ', leaves)} }}");
        expansion = Plus(expansion, Times(spreads, leaves.Count));
        return new("fan-out", text.ToString(), expansion, 1);
    }

    /// <summary>A real root field with <paramref name="aliases"/> aliased copies of its scalar fields under it.</summary>
    public Document AliasFlood(int aliases)
    {
        var (root, type) = Pick(ObjectFields(schema.QueryType).Where(f => ScalarFields(f.Type).Any()).ToList());
        var scalars = ScalarFields(type).ToList();
        var inner = string.Concat(Enumerable.Range(0, aliases).Select(i => $"a{i}: {scalars[random.Next(scalars.Count)]} "));
        return new("aliases", $"{{ {root} {{ {inner}}} }}", 1 + aliases, 2);
    }

    /// <summary>A walk down real object fields, <paramref name="depth"/> of them, ending on a scalar (or <c>__typename</c>).</summary>
    public Document Deep(int depth)
    {
        var path = new List<string>();
        var type = schema.QueryType;
        for (var i = 0; i < depth; i++)
        {
            var fields = ObjectFields(type).ToList();
            if (fields.Count == 0) break;
            var deeper = fields.Where(f => ObjectFields(f.Type).Any()).ToList();
            if (deeper.Count > 0) fields = deeper;
            (var name, type) = Pick(fields);
            path.Add(name);
        }
        var leaf = ScalarFields(type).FirstOrDefault() ?? "__typename";
        var text = "{ " + string.Concat(path.Select(p => p + " { ")) + leaf + string.Concat(Enumerable.Repeat(" }", path.Count)) + " }";
        return new("depth", text, path.Count + 1, path.Count + (leaf == "__typename" ? 0 : 1));
    }

    private (string Name, string Type) Pick(List<(string Name, string Type)> fields) => fields[random.Next(fields.Count)];

    private IEnumerable<JsonNode> Callable(string type) =>
        (schema.Types[type]["fields"]?.AsArray() ?? []).Select(f => f!).Where(f => f["args"]!.AsArray().All(a => a!["type"]!["kind"]!.GetValue<string>() != "NON_NULL"));

    private IEnumerable<(string Name, string Type)> ObjectFields(string type) => Callable(type)
        .Select(f => (Name: f["name"]!.GetValue<string>(), Named: FuzzSchema.Named(f["type"]!)))
        .Where(f => f.Named["kind"]!.GetValue<string>() == "OBJECT")
        .Select(f => (f.Name, f.Named["name"]!.GetValue<string>()));

    private IEnumerable<string> ScalarFields(string type) => Callable(type)
        .Where(f => FuzzSchema.Named(f["type"]!)["kind"]!.GetValue<string>() is "SCALAR" or "ENUM")
        .Select(f => f["name"]!.GetValue<string>());

    private static long Times(long a, long times) => times == 0 ? 0 : a > long.MaxValue / times ? long.MaxValue : a * times;

    private static long Plus(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
