namespace PartnershipAtlas.Api.Limits;

/// <summary>What the cost analysis found for one request: returned as <c>extensions.cost</c>, and a rate-limit refusal.</summary>
public sealed class CostReport(string client, int limit)
{
    public const string Key = "atlas.cost";

    public string Client => client;

    public int Limit => limit;

    public int Requested { get; set; }

    /// <summary>Set when the client's cost budget for the minute is spent: how long until it covers this request.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>How long measuring the document's expansion took (<see cref="BoundedDocumentValidator"/>), answered in <c>Server-Timing</c>.</summary>
    public TimeSpan? Analysis { get; set; }

    public Dictionary<string, object?> ToExtension() => new() { ["requested"] = Requested, ["limit"] = Limit };
}
