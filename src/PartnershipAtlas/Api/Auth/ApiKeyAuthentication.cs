using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace PartnershipAtlas.Api.Auth;

/// <summary>
/// Reads an API key from <c>X-Api-Key</c> or <c>Authorization: ApiKey &lt;key&gt;</c>, hashes it and compares the hash
/// (in constant time) with the known keys (<see cref="ApiKeyStore"/>); a match that has not expired makes the request's
/// user that key, named, with its roles. A missing, unknown or expired key leaves the user anonymous: queries still run,
/// mutations are refused (an expired key is told so).
/// </summary>
public sealed class ApiKeyAuthentication(ApiKeyStore keys, TimeProvider time)
{
    public const string EditorRole = "editor";
    public const string AdminRole = "admin";
    public const string HeaderName = "X-Api-Key";
    public const string ExpiredKeyItem = "atlas.apiKey.expired";
    private const string Scheme = "ApiKey";

    public Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (KeyOf(http.Request) is { Length: > 0 } key && Find(key) is { } match)
        {
            if (match.HasExpired(time.GetUtcNow()))
            {
                http.Items[ExpiredKeyItem] = match.Name;
                return next();
            }
            var claims = new List<Claim> { new(ClaimTypes.Name, match.Name) };
            claims.AddRange(match.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
            http.User = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
        }
        return next();
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private ApiKeyOptions? Find(string key)
    {
        var hash = Encoding.ASCII.GetBytes(Hash(key));
        return keys.All().FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(k.Sha256.Trim().ToLowerInvariant())));
    }

    private static string? KeyOf(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } header) return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) ? authorization[(Scheme.Length + 1)..].Trim() : null;
    }
}
