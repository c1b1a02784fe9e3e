namespace PartnershipAtlas.Api.Subscriptions;

/// <summary><c>Atlas:Subscriptions:*</c>: GraphQL subscriptions over Server-Sent Events at <c>/graphql/stream</c> (docs/clients.md).</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Atlas:Subscriptions";

    /// <summary>The most event streams this instance holds open at once; one more is answered 503 with <c>Retry-After</c>.</summary>
    public int MaxConnections { get; set; } = 500;

    /// <summary>How long a stream may stay silent before a comment line (<c>:</c>) keeps it, and the proxies on its way, alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}
