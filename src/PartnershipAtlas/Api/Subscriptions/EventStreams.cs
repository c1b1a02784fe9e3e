using Microsoft.Extensions.Options;

namespace PartnershipAtlas.Api.Subscriptions;

/// <summary>
/// The event streams this instance holds open: at most <c>Atlas:Subscriptions:MaxConnections</c>, and all of them
/// completed when the server stops (<see cref="Stopping"/>), so that shutdown does not wait on clients.
/// </summary>
public sealed class EventStreams(IOptions<SubscriptionOptions> options, IHostApplicationLifetime lifetime)
{
    private int open;

    public int Open => Volatile.Read(ref open);

    /// <summary>Ends when the server begins to stop.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    /// <summary>A place for one more stream (dispose it when the stream ends), or null at the limit.</summary>
    public IDisposable? TryOpen()
    {
        if (Interlocked.Increment(ref open) <= options.Value.MaxConnections) return new Place(this);
        Interlocked.Decrement(ref open);
        return null;
    }

    private sealed class Place(EventStreams streams) : IDisposable
    {
        private int closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref closed, 1) == 0) Interlocked.Decrement(ref streams.open);
        }
    }
}
