using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PartnershipAtlas.Api.Limits;

/// <summary>
/// A token bucket per client holding at most a minute's cost budget, refilled continuously. A request is admitted when
/// the bucket covers its cost (a request costing more than a minute's budget needs a full bucket and leaves a debt);
/// otherwise the caller learns how long until it would.
/// </summary>
public sealed class CostRateLimiter(IOptions<LimitsOptions> options, TimeProvider time)
{
    private const int MaxTrackedClients = 10_000;
    private readonly ConcurrentDictionary<string, Bucket> buckets = new();

    public bool TryConsume(string client, int cost, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var perMinute = options.Value.CostPerMinute;
        if (perMinute <= 0) return true;
        if (buckets.Count > MaxTrackedClients) Forget(perMinute);
        var now = time.GetTimestamp();
        var bucket = buckets.GetOrAdd(client, _ => new Bucket(perMinute, now));
        lock (bucket)
        {
            bucket.Refill(perMinute, now, time);
            var needed = Math.Min(cost, perMinute);
            if (bucket.Tokens >= needed)
            {
                bucket.Tokens -= cost;
                return true;
            }
            var missing = needed - bucket.Tokens;
            retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(missing * 60.0 / perMinute)));
            return false;
        }
    }

    /// <summary>Drops clients whose buckets are full again (they have been idle for a minute).</summary>
    private void Forget(int perMinute)
    {
        var now = time.GetTimestamp();
        foreach (var (client, bucket) in buckets)
        {
            lock (bucket)
            {
                bucket.Refill(perMinute, now, time);
                if (bucket.Tokens >= perMinute) buckets.TryRemove(client, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;

        public void Refill(int perMinute, long now, TimeProvider time)
        {
            Tokens = Math.Min(perMinute, Tokens + time.GetElapsedTime(at, now).TotalMinutes * perMinute);
            at = now;
        }
    }
}
