namespace PartnershipAtlas.Api.Caching;

/// <summary><c>Atlas:ResponseCache:*</c>: answers kept for queries sent again while the store is unchanged (see docs/query-language.md).</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "Atlas:ResponseCache";

    /// <summary>Serve a query sent again from the answer computed last time, while the store's stamp is unchanged.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most memory the cached answers may take, in megabytes; the least recently used go first.</summary>
    public int MaxMegabytes { get; set; } = 64;

    /// <summary>Answers larger than this (in kilobytes) are not kept.</summary>
    public int MaxAnswerKilobytes { get; set; } = 1024;
}
