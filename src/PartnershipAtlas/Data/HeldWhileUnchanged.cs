namespace PartnershipAtlas.Data;

/// <summary>
/// Something read from the store once and shared by every request while the store's data stamp
/// (<see cref="StoreStamps.DataStamp"/>) is unchanged: any write of data, even by another process or instance, raises
/// it, and the next request that asks for a stamp it was not read at starts reading it afresh, in the background; until
/// that is done, requests read the store (so a write committed before a request is always seen, and no request waits).
/// </summary>
/// <typeparam name="TFor">What else the value is read for (a date, say); one value is held at a time.</typeparam>
/// <typeparam name="T">The value: immutable once read, as requests share it.</typeparam>
/// <param name="read">Reads the value for its argument, in one snapshot of the store.</param>
public sealed class HeldWhileUnchanged<TFor, T>(StoreStampReader stamps, Func<TFor, Task<T>> read)
    where TFor : IEquatable<TFor>
    where T : class
{
    private readonly Lock gate = new();

    /// <summary>The value being read or read, and what it was read for: replaced whole, read without the lock.</summary>
    private volatile Current? current;

    private sealed record Current(long DataStamp, TFor For, Task<T> Value)
    {
        public bool Answers(long dataStamp, TFor what) => DataStamp == dataStamp && For.Equals(what) && !Value.IsFaulted;
    }

    /// <summary>
    /// The value for <paramref name="what"/> at <paramref name="dataStamp"/> (a stamp the request read after it began),
    /// or null while it is still being read: the first request to ask for a new stamp starts that read.
    /// </summary>
    public T? At(long dataStamp, TFor what)
    {
        var known = current is { } kept && kept.Answers(dataStamp, what) ? kept : Start(dataStamp, what);
        return known.Value.IsCompletedSuccessfully ? known.Value.Result : null;
    }

    /// <summary>The value being read, or read: for tests and benchmarks that need it in place before they measure.</summary>
    public Task WhenReadAsync() => current?.Value ?? Task.CompletedTask;

    private Current Start(long stamp, TFor what)
    {
        lock (gate)
        {
            if (current is { } again && again.Answers(stamp, what)) return again;
            var started = new Current(stamp, what, Task.Run(() => ReadAsync(stamp, what)));
            if (current is not { } older || older.DataStamp <= stamp) current = started;
            return started;
        }
    }

    /// <summary>
    /// If the data stamp moved while the value was read, it may hold a newer write than <paramref name="stamp"/> says:
    /// it is not kept (only requests that read the stamp before that write ended can have used it).
    /// </summary>
    private async Task<T> ReadAsync(long stamp, TFor what)
    {
        var value = await read(what);
        if ((await stamps.ReadBothAsync(CancellationToken.None)).DataStamp != stamp)
        {
            lock (gate) if (current is { } held && held.DataStamp == stamp && held.For.Equals(what)) current = null;
        }
        return value;
    }
}
