using GraphQL.DataLoader;

namespace PartnershipAtlas.Api;

/// <summary>
/// A DataLoader: keys asked for while one level of the query resolves are fetched together in one statement when
/// the first value is needed. One instance per request and per set of field arguments (see <see cref="LoaderScope"/>).
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch, TValue missing)
    where TKey : notnull
{
    private readonly HashSet<TKey> pending = [];
    private readonly Dictionary<TKey, TValue> loaded = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        if (!loaded.ContainsKey(key)) pending.Add(key);
        return new Result(this, key);
    }

    // A ValueTask: once the batch is loaded, every other key's value is there already and costs no task.
    private async ValueTask<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (pending.Count > 0 && !loaded.ContainsKey(key))
        {
            var batch = pending.ToArray();
            pending.Clear();
            var values = await fetch(batch, cancellationToken);
            loaded.EnsureCapacity(loaded.Count + batch.Length);
            foreach (var k in batch) loaded[k] = values.TryGetValue(k, out var value) ? value : missing;
        }
        return loaded.TryGetValue(key, out var result) ? result : missing;
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken).AsTask();

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await loader.GetAsync(key, cancellationToken);
    }
}

/// <summary>The loaders of one request, by name and arguments, and what its resolvers keep for the rest of it.</summary>
public sealed class LoaderScope
{
    private readonly Dictionary<object, object> loaders = [];

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(string name, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch, TValue missing)
        where TKey : notnull
    {
        if (!loaders.TryGetValue(name, out var loader)) loaders[name] = loader = new BatchLoader<TKey, TValue>(fetch, missing);
        return (BatchLoader<TKey, TValue>)loader;
    }

    /// <summary>
    /// The loader for <paramref name="key"/> (a value compared by equality: the loader's name and arguments), made (with the key as
    /// <paramref name="fetch"/>'s arguments) only when the request has none yet, so a field resolved once per parent builds
    /// neither a name nor a fetch delegate each time.
    /// </summary>
    public BatchLoader<TKey, TValue> Get<TKey, TValue, TArguments>(TArguments key,
        Func<TArguments, IReadOnlyCollection<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch, TValue missing)
        where TKey : notnull
        where TArguments : notnull
    {
        if (!loaders.TryGetValue(key, out var loader)) loaders[key] = loader = new BatchLoader<TKey, TValue>((keys, ct) => fetch(key, keys, ct), missing);
        return (BatchLoader<TKey, TValue>)loader;
    }

    /// <summary>
    /// What the request keeps under <paramref name="key"/> (an object of the caller's, compared by reference), made from
    /// <paramref name="state"/> the first time it is asked for.
    /// </summary>
    public T Kept<T, TState>(object key, TState state, Func<TState, T> make)
        where T : class
    {
        if (!loaders.TryGetValue(key, out var kept)) loaders[key] = kept = make(state);
        return (T)kept;
    }
}
