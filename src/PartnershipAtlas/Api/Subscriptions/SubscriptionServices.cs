namespace PartnershipAtlas.Api.Subscriptions;

public static class SubscriptionServices
{
    /// <summary>Subscriptions over Server-Sent Events: the endpoint, its open streams and the shared feed of store changes.</summary>
    public static IServiceCollection AddAtlasSubscriptions(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<SubscriptionOptions>(configuration.GetSection(SubscriptionOptions.Section))
        .AddSingleton<StoreChangeFeed>()
        .AddSingleton<EventStreams>()
        .AddSingleton<GraphQLStreamEndpoint>();
}
