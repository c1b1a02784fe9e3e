namespace PartnershipAtlas.Api.Subscriptions;

/// <summary>
/// An event stream for GraphQL.NET's subscriptions (which take an <see cref="IObservable{T}"/>) written as an async
/// sequence: each subscriber runs its own enumeration, started at once (so what the sequence registers before its
/// first wait is registered when <c>Subscribe</c> returns) and cancelled when the subscription is disposed.
/// </summary>
public sealed class AsyncObservable<T>(Func<CancellationToken, IAsyncEnumerable<T>> events) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var subscription = new CancellationTokenSource();
        _ = PumpAsync(observer, subscription.Token);
        return new Unsubscriber(subscription);
    }

    private async Task PumpAsync(IObserver<T> observer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in events(cancellationToken).WithCancellation(cancellationToken)) observer.OnNext(item);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            observer.OnError(e);
            return;
        }
        observer.OnCompleted();
    }

    private sealed class Unsubscriber(CancellationTokenSource subscription) : IDisposable
    {
        // Cancelled, not disposed: the enumeration may still be registering on the token as it winds down.
        public void Dispose() => subscription.Cancel();
    }
}
