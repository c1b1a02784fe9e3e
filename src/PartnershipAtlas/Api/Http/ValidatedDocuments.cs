using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace PartnershipAtlas.Api.Http;

/// <summary>
/// Parsed documents that passed the specification's validation rules, by their text, so that a document sent again
/// (dashboards send the same few thousands of times) is neither parsed nor validated again, as GraphQL.NET's own
/// document cache does. Only variable-independent validation is skipped: the cost, depth and rate limits run for every
/// request (<see cref="Limits.QueryCost"/>). The schema never changes while the server runs, so a document valid once
/// stays valid. Bounded by the total length of the cached texts; the least recently used go first.
/// </summary>
public sealed class ValidatedDocuments : IDisposable
{
    /// <summary>The most text (in characters) the cache holds; its parsed form is a few times larger.</summary>
    public const int MaxCachedCharacters = 4 * 1024 * 1024;

    private readonly MemoryCache documents = new(new MemoryCacheOptions { SizeLimit = MaxCachedCharacters });

    public GraphQLDocument? Find(string text) => documents.Get<GraphQLDocument>(text);

    /// <summary>Remembers a document the validation rules accepted.</summary>
    public void Add(string text, GraphQLDocument document) =>
        documents.Set(text, document, new MemoryCacheEntryOptions { Size = Math.Max(1, text.Length), SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose() => documents.Dispose();
}
