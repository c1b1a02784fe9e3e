using GraphQL.Types;

namespace PartnershipAtlas.Api.Subscriptions;

/// <summary>A commit that changed the store.</summary>
public sealed class StoreChangeGraphType : ObjectGraphType<StoreChange>
{
    public StoreChangeGraphType()
    {
        Name = "StoreChange";
        Description = "A commit that changed the store's data (an import that applied rows, an edit): what queries of the data may now answer differently. Recording an import run alone (a skipped re-import, a refused file) is not one.";
        Field<NonNullGraphType<LongGraphType>>("stamp")
            .Description("The store stamp after the commit; it only rises. Every write raises it, the record of import runs too, so it may have risen by more than one since the last event.")
            .Resolve(c => c.Source.Stamp);
        Field<NonNullGraphType<LongGraphType>>("dataStamp")
            .Description("The data stamp after the commit: raised by every write of data but not by the record of import runs; it only rises, and each storeChanged event has a higher one.")
            .Resolve(c => c.Source.DataStamp);
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When this server learnt of the commit (within about a second of it).").Resolve(c => c.Source.At);
    }
}

/// <summary>The <c>storeChanged</c> subscription.</summary>
public static class StoreChangeSubscriptions
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<StoreChangeGraphType>, StoreChange>("storeChanged")
            .Description("An event after every commit that changes the store's data (raises its data stamp), made by this server or any other process or instance on the same store; none for a commit that only records an import run, such as a skipped re-import (importRunFinished tells of those). Served over Server-Sent Events at /graphql/stream.")
            .Resolve(c => (StoreChange)c.Source!)
            .ResolveStreamAsync(async c =>
            {
                var feed = c.RequestServices!.GetRequiredService<StoreChangeFeed>();
                await feed.PrimeAsync(c.CancellationToken);
                return new AsyncObservable<StoreChange>(cancellationToken => DataChangesAsync(feed, cancellationToken));
            });

    private static async IAsyncEnumerable<StoreChange> DataChangesAsync(StoreChangeFeed feed, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in feed.ListenAsync(cancellationToken))
        {
            if (change.DataChanged) yield return change;
        }
    }
}
