namespace PartnershipAtlas.Api.Auth;

/// <summary>
/// One API key, from <c>Atlas:ApiKeys</c> or the keys file (<c>Atlas:ApiKeysFile</c>): its SHA-256 hash (hex; the key
/// itself is never stored), a name (the audit log and logs show it), its roles (<c>editor</c> may run mutations,
/// <c>admin</c> may read the audit log) and an optional expiry, after which it is refused. Make a key with
/// <c>PartnershipAtlas api-key</c>; replace a key in the keys file with <c>api-key rotate NAME</c>.
/// </summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public List<string> Roles { get; set; } = [];

    /// <summary>When the key stops working (UTC when no offset is given); null for never.</summary>
    public DateTimeOffset? Expires { get; set; }

    public bool HasExpired(DateTimeOffset now) => Expires is { } expires && expires <= now;
}
