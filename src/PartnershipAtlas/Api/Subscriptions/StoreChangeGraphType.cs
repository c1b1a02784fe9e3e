using GraphQL.Types;

namespace PartnershipAtlas.Api.Subscriptions;

/// <summary>A commit that changed the store.</summary>
public sealed class StoreChangeGraphType : ObjectGraphType<StoreChange>
{
    public StoreChangeGraphType()
    {
        Name = "StoreChange";
        Description = "A commit that raised the store stamp: what any query may now answer differently (an import, an edit, an import run recorded).";
        Field<NonNullGraphType<LongGraphType>>("stamp").Description("The store stamp after the commit; it only rises.").Resolve(c => c.Source.Stamp);
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When this server learnt of the commit (within about a second of it).").Resolve(c => c.Source.At);
    }
}

/// <summary>The <c>storeChanged</c> subscription.</summary>
public static class StoreChangeSubscriptions
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<StoreChangeGraphType>, StoreChange>("storeChanged")
            .Description("An event after every commit that raises the store stamp, made by this server or any other process or instance on the same store. Served over Server-Sent Events at /graphql/stream.")
            .Resolve(c => (StoreChange)c.Source!)
            .ResolveStreamAsync(async c =>
            {
                var feed = c.RequestServices!.GetRequiredService<StoreChangeFeed>();
                await feed.PrimeAsync(c.CancellationToken);
                return new AsyncObservable<StoreChange>(feed.ListenAsync);
            });
}
