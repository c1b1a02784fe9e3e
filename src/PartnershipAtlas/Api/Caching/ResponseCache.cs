using System.Data.Common;
using System.Security.Cryptography;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Api.Caching;

/// <summary>
/// Answers to queries sent again, as dashboards do thousands of times: by what was asked (the document, the operation
/// name, the variables and extensions as sent, and today's date, which <c>asOf</c> defaults to) and kept while the
/// store is as it was when they were computed. Every write raises the <see cref="StoreStamp"/> in its own transaction,
/// and each request reads it, so a cached answer is never older than the store, even when another process or
/// instance wrote. Only queries that read the store are kept (not <c>{ __typename }</c> or introspection alone),
/// and only answers without errors; cost and rate limits still apply to every request.
/// </summary>
public sealed class ResponseCache(IOptions<ResponseCacheOptions> options, StoreStampReader stamps, TimeProvider clock) : IDisposable
{
    /// <summary>The response header saying whether the answer came from the cache (<c>hit</c>) or was computed and kept (<c>miss</c>).</summary>
    public const string Header = "X-Atlas-Cache";

    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = (long)options.Value.MaxMegabytes * 1024 * 1024 });

    /// <summary>Whether an answer to <paramref name="operation"/> may be kept: a query with a field that is not introspection.</summary>
    public bool Serves(GraphQLOperationDefinition? operation) =>
        options.Value.Enabled && operation is { Operation: OperationType.Query }
        && operation.SelectionSet.Selections.Any(s => s is not GraphQLField field || !field.Name.StringValue.StartsWith("__", StringComparison.Ordinal));

    /// <summary>Reads the store's stamp and looks for an answer computed at it; null when the stamp cannot be read (the request then runs as usual).</summary>
    public async Task<Lookup?> FindAsync(string query, string? operationName, string inputs, CancellationToken cancellationToken)
    {
        long version;
        try
        {
            version = await stamps.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or ObjectDisposedException)
        {
            return null;
        }
        var key = new Key(query, operationName, inputs, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return new Lookup(key, version, answers.Get<Answer>(key) is { } answer && answer.Version == version ? answer : null);
    }

    /// <summary>Keeps an answer computed after <paramref name="lookup"/> read the stamp (unless it is too large, or a newer one is kept already).</summary>
    public Answer Keep(Lookup lookup, byte[] body, int cost)
    {
        var answer = new Answer(lookup.Version, body, cost, EntityTag(body));
        if (body.Length > options.Value.MaxAnswerKilobytes * 1024L) return answer;
        if (answers.Get<Answer>(lookup.Key) is { } kept && kept.Version > lookup.Version) return answer;
        var size = body.Length + 2L * (lookup.Key.Query.Length + lookup.Key.Inputs.Length);
        answers.Set(lookup.Key, answer, new MemoryCacheEntryOptions { Size = size });
        return answer;
    }

    /// <summary>A strong entity tag of the answer's bytes: the same answer has the same tag, even from another instance or after a restart.</summary>
    private static string EntityTag(byte[] body) => $"\"{Convert.ToHexStringLower(SHA256.HashData(body), 0, 16)}\"";

    public void Dispose() => answers.Dispose();

    public sealed record Lookup(Key Key, long Version, Answer? Hit);

    public sealed record Key(string Query, string? OperationName, string Inputs, DateOnly Today);

    /// <summary>
    /// The answer's bytes as sent (including <c>extensions.cost</c>), its cost, charged again to each client it is sent
    /// to, and its entity tag (a GET with <c>If-None-Match</c> naming it gets 304 Not Modified).
    /// </summary>
    public sealed record Answer(long Version, byte[] Body, int Cost, string ETag);
}
