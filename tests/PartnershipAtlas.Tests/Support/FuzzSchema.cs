using System.Text.Json.Nodes;

namespace PartnershipAtlas.Tests.Support;

/// <summary>The schema as introspection describes it: enough for a fuzzer to pick fields and arguments.</summary>
public sealed class FuzzSchema
{
    public const string Introspection = """
        { __schema { queryType { name } types { name kind enumValues { name }
            fields { name args { name type { ...T } } type { ...T } }
            inputFields { name type { ...T } } } } }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    public FuzzSchema(JsonNode data)
    {
        var schema = data["__schema"]!;
        QueryType = schema["queryType"]!["name"]!.GetValue<string>();
        Types = schema["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
    }

    public string QueryType { get; }

    public Dictionary<string, JsonNode> Types { get; }

    /// <summary>The named type under NON_NULL/LIST wrappers.</summary>
    public static JsonNode Named(JsonNode type) => type["ofType"] is { } inner && type["kind"]!.GetValue<string>() is "NON_NULL" or "LIST" ? Named(inner) : type;
}
