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

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (pending.Count > 0 && !loaded.ContainsKey(key))
        {
            var batch = pending.ToList();
            pending.Clear();
            var values = await fetch(batch, cancellationToken);
            foreach (var k in batch) loaded[k] = values.TryGetValue(k, out var value) ? value : missing;
        }
        return loaded.TryGetValue(key, out var result) ? result : missing;
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>The loaders of one request, by name and arguments.</summary>
public sealed class LoaderScope
{
    private readonly Dictionary<string, object> loaders = [];

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(string name, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IDictionary<TKey, TValue>>> fetch, TValue missing)
        where TKey : notnull
    {
        if (!loaders.TryGetValue(name, out var loader)) loaders[name] = loader = new BatchLoader<TKey, TValue>(fetch, missing);
        return (BatchLoader<TKey, TValue>)loader;
    }
}
