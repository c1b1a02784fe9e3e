namespace PartnershipAtlas.Api.Auth;

/// <summary>
/// One entry of <c>Atlas:ApiKeys</c>: a key's SHA-256 hash (hex; the key itself is never stored), a name for logs and
/// its roles (<c>editor</c> may run mutations). Make a key and its hash with <c>PartnershipAtlas api-key</c>.
/// </summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}
