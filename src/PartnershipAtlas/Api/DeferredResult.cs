using GraphQL.DataLoader;

namespace PartnershipAtlas.Api;

/// <summary>A value computed only when the executor asks for it, after the rest of its level has resolved.</summary>
public sealed class DeferredResult<T>(Func<CancellationToken, Task<T>> compute) : IDataLoaderResult<T>
{
    private Task<T>? result;

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => result ??= compute(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}

/// <summary>A loader's result passed through a function once it is there.</summary>
public sealed class MappedResult<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
{
    public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

    // Mapped here rather than through GetResultAsync, so a field's value costs one task, not two.
    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => map(await inner.GetResultAsync(cancellationToken));
}

/// <summary>A value already known, where a field's other answers are a loader's result (a store lookup it did not need).</summary>
public sealed class KnownResult<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}
