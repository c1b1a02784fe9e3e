using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Api.Subscriptions;

/// <summary>
/// A commit that raised the store stamp: the new stamp and data stamp, whether the data stamp rose (the data changed,
/// not only the record of import runs), and when this instance learnt of it.
/// </summary>
public sealed record StoreChange(long Stamp, long DataStamp, bool DataChanged, DateTimeOffset At);

/// <summary>
/// The store's changes, shared by every subscriber of this instance: one <see cref="StoreStampWatch"/> runs while at
/// least one subscriber listens (none runs otherwise), and each stamp newer than the last one seen is handed to every
/// listener (those that care only for data, like <c>storeChanged</c>, skip the changes whose
/// <see cref="StoreChange.DataChanged"/> is false). A watch that fails (the store gone for a while) is started again after a pause.
/// </summary>
public sealed class StoreChangeFeed(StoreStampWatch watch, TimeProvider clock, ILogger<StoreChangeFeed> logger) : IAsyncDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private readonly Lock gate = new();
    private readonly List<Channel<StoreChange>> listeners = [];
    private StoreStamps? last;
    private CancellationTokenSource? watching;
    private Task watched = Task.CompletedTask;
    private bool disposed;

    public int Listeners
    {
        get { lock (gate) return listeners.Count; }
    }

    /// <summary>
    /// Reads the stamp now when no watch runs, so a subscriber set up after this hears only of later commits, not of
    /// those made while nobody listened (a watch that already runs is at most one poll behind, and its other listeners
    /// must not lose the commit it has yet to see).
    /// </summary>
    public async Task PrimeAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (watching is not null) return;
        }
        var now = await watch.Stamps.ReadBothAsync(cancellationToken);
        lock (gate)
        {
            if (watching is null) last = (last ?? now).Max(now);
        }
    }

    /// <summary>Each change from now on, until <paramref name="cancellationToken"/> ends the listening (or the feed is disposed).</summary>
    public async IAsyncEnumerable<StoreChange> ListenAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = Channel.CreateBounded<StoreChange>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        Add(changes);
        try
        {
            await foreach (var change in changes.Reader.ReadAllAsync(cancellationToken)) yield return change;
        }
        finally
        {
            Remove(changes);
        }
    }

    private void Add(Channel<StoreChange> changes)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            listeners.Add(changes);
            if (watching is not null) return;
            watching = new CancellationTokenSource();
            var previous = watched;
            var token = watching.Token;
            watched = Task.Run(async () =>
            {
                await previous; // a watch being stopped ends first (it never throws)
                await WatchAsync(token);
            }, CancellationToken.None);
        }
    }

    private void Remove(Channel<StoreChange> changes)
    {
        lock (gate)
        {
            listeners.Remove(changes);
            if (listeners.Count > 0 || watching is null) return;
            watching.Cancel();
            watching.Dispose();
            watching = null;
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var stamp in watch.StampsAsync(cancellationToken)) Publish(stamp);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Watching the store stamp failed; trying again in {Delay}", RetryAfter);
                try
                {
                    await Task.Delay(RetryAfter, clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Publish(StoreStamps stamps)
    {
        lock (gate)
        {
            if (last is { } known && stamps.Stamp <= known.Stamp) return;
            var previous = last;
            last = previous is { } before ? before.Max(stamps) : stamps;
            if (previous is not { } seen) return; // the watch's first read only says where the store is
            var change = new StoreChange(stamps.Stamp, last.Value.DataStamp, stamps.DataStamp > seen.DataStamp, clock.GetUtcNow());
            foreach (var listener in listeners) listener.Writer.TryWrite(change);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task stopping;
        lock (gate)
        {
            disposed = true;
            watching?.Cancel();
            foreach (var listener in listeners) listener.Writer.TryComplete();
            stopping = watched;
        }
        await stopping;
    }
}
