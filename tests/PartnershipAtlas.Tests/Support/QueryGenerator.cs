using System.Text;
using System.Text.Json.Nodes;

namespace PartnershipAtlas.Tests.Support;

/// <summary>Random queries over a <see cref="FuzzSchema"/>: random fields and nesting, random (often wrong) argument values, variables of the wrong type, huge lists.</summary>
public sealed class QueryGenerator(FuzzSchema schema, Random random)
{
    private static readonly string[] Strings = ["", "a", "St ", "CofE", "garbage", "a2V5OjE=", "b3JkOnt9", "'; DROP TABLE Establishments; --", "\u00e9\u00e8\u4e2d", "%_\\"];

    public (string Query, Dictionary<string, object?>? Variables) Next()
    {
        var variables = new Dictionary<string, object?>();
        var declarations = new List<string>();
        var body = Selection(schema.QueryType, random.Next(1, 16), variables, declarations);
        if (random.Next(4) == 0) body = "{ __typename " + body[1..];
        var query = declarations.Count == 0 ? body : $"query({string.Join(", ", declarations)}) {body}";
        return (query, variables.Count == 0 ? null : variables);
    }

    private string Selection(string typeName, int depth, Dictionary<string, object?> variables, List<string> declarations)
    {
        var fields = schema.Types[typeName]["fields"]!.AsArray();
        var picked = Enumerable.Range(0, random.Next(1, 4)).Select(_ => fields[random.Next(fields.Count)]!).DistinctBy(f => f["name"]!.GetValue<string>());
        var text = new StringBuilder("{ ");
        foreach (var field in picked)
        {
            text.Append(field["name"]!.GetValue<string>()).Append(Arguments(field, variables, declarations));
            var named = FuzzSchema.Named(field["type"]!);
            if (named["kind"]!.GetValue<string>() is "OBJECT" or "INTERFACE")
            {
                text.Append(' ').Append(depth > 0 ? Selection(named["name"]!.GetValue<string>(), depth - 1, variables, declarations) : "{ __typename }");
            }
            text.Append(' ');
        }
        return text.Append('}').ToString();
    }

    private string Arguments(JsonNode field, Dictionary<string, object?> variables, List<string> declarations)
    {
        var arguments = field["args"]!.AsArray().Where(_ => random.Next(3) > 0).ToList();
        if (arguments.Count == 0) return "";
        var parts = arguments.Select(argument =>
        {
            var name = argument!["name"]!.GetValue<string>();
            if (random.Next(5) == 0)
            {
                var variable = $"v{variables.Count}";
                declarations.Add($"${variable}: {TypeText(argument["type"]!)}");
                variables[variable] = random.Next(3) == 0 ? WrongValue() : Json(argument["type"]!, 3);
                return $"{name}: ${variable}";
            }
            return $"{name}: {Literal(argument["type"]!, 3)}";
        });
        return "(" + string.Join(", ", parts) + ")";
    }

    private static string TypeText(JsonNode type) => type["kind"]!.GetValue<string>() switch
    {
        "NON_NULL" => TypeText(type["ofType"]!) + "!",
        "LIST" => "[" + TypeText(type["ofType"]!) + "]",
        _ => type["name"]!.GetValue<string>(),
    };

    private object? WrongValue() => random.Next(4) switch
    {
        0 => "not a number",
        1 => new Dictionary<string, object?> { ["nested"] = new[] { 1, 2 } },
        2 => Enumerable.Range(0, random.Next(1000, 20000)).ToArray(),
        _ => long.MaxValue,
    };

    private string Literal(JsonNode type, int depth)
    {
        switch (type["kind"]!.GetValue<string>())
        {
            case "NON_NULL":
                return Literal(type["ofType"]!, depth);
            case "LIST":
                var count = random.Next(100) == 0 ? random.Next(200, 1000) : random.Next(0, 4);
                return "[" + string.Join(", ", Enumerable.Range(0, count).Select(_ => Literal(type["ofType"]!, depth))) + "]";
            case "ENUM":
                var values = schema.Types[type["name"]!.GetValue<string>()]["enumValues"]!.AsArray();
                return random.Next(10) == 0 ? "NO_SUCH_VALUE" : values[random.Next(values.Count)]!["name"]!.GetValue<string>();
            case "INPUT_OBJECT":
                if (depth == 0) return "{}";
                var fields = schema.Types[type["name"]!.GetValue<string>()]["inputFields"]!.AsArray();
                var picked = Enumerable.Range(0, random.Next(1, 3)).Select(_ => fields[random.Next(fields.Count)]!).DistinctBy(f => f["name"]!.GetValue<string>());
                return "{ " + string.Join(", ", picked.Select(f => $"{f["name"]!.GetValue<string>()}: {Literal(f["type"]!, depth - 1)}")) + " }";
            default:
                return Scalar(type["name"]!.GetValue<string>());
        }
    }

    private string Scalar(string name) => (name, random.Next(12)) switch
    {
        (_, 0) => "null",
        ("Int", _) => random.Next(6) switch { 0 => "-1", 1 => "2147483647", 2 => "101", _ => random.Next(0, 60).ToString() },
        ("Float", _) => "12.5",
        ("Boolean", _) => random.Next(2) == 0 ? "true" : "false",
        ("Date", _) => random.Next(4) == 0 ? "\"2021-13-45\"" : "\"2015-09-01\"",
        ("DateTime", _) => "\"2021-01-01T00:00:00Z\"",
        ("Long", _) => "12",
        _ => System.Text.Json.JsonSerializer.Serialize(Strings[random.Next(Strings.Length)]),
    };

    private object? Json(JsonNode type, int depth) => type["kind"]!.GetValue<string>() switch
    {
        "NON_NULL" => Json(type["ofType"]!, depth),
        "LIST" => Enumerable.Range(0, random.Next(0, 3)).Select(_ => Json(type["ofType"]!, depth)).ToArray(),
        "ENUM" => schema.Types[type["name"]!.GetValue<string>()]["enumValues"]!.AsArray()[0]!["name"]!.GetValue<string>(),
        "INPUT_OBJECT" => new Dictionary<string, object?>(),
        _ => type["name"]!.GetValue<string>() switch { "Int" => random.Next(-5, 120), "Boolean" => true, "Float" => 1.5, _ => Strings[random.Next(Strings.Length)] },
    };
}
