namespace PartnershipAtlas.Api.Limits;

/// <summary><c>Atlas:Limits:*</c>: what one request may ask of the server (see docs/query-language.md).</summary>
public sealed class LimitsOptions
{
    public const string Section = "Atlas:Limits";

    /// <summary>The deepest selection allowed, not counting introspection fields.</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>The deepest introspection selection allowed (GraphiQL's introspection query is 13 levels deep).</summary>
    public int MaxIntrospectionDepth { get; set; } = 20;

    /// <summary>
    /// The most fields, fragment spreads and directives a document may expand to through its fragments (HotChocolate's
    /// maximum of allowed fields); GraphiQL's introspection query expands to about 400.
    /// </summary>
    public int MaxSelectionNodes { get; set; } = 2000;

    /// <summary>The highest cost one request may have.</summary>
    public int MaxCost { get; set; } = 1000;

    /// <summary>The cost one client (API key or address) may spend per minute; 0 turns the rate limit off.</summary>
    public int CostPerMinute { get; set; } = 20_000;

    /// <summary>The header naming a client's API key; clients without one are told apart by address.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>The assumed size of a list field that takes no <c>first</c>/<c>last</c>.</summary>
    public int DefaultListSize { get; set; } = 10;

    /// <summary>The longest list (or object) anywhere in a request's variables; a longer one is refused before the document is parsed.</summary>
    public int MaxVariableListLength { get; set; } = 1000;

    /// <summary>How long a client may take to send its request body; a slower one (slowloris) gets 408.</summary>
    public TimeSpan RequestBodyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a client may take to send a request's headers (Kestrel's RequestHeadersTimeout; slowloris).</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest request body (or GET query string) accepted, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>How long a request may execute before it is stopped with an HC0045 error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
