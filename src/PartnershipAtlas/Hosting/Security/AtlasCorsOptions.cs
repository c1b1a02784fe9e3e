namespace PartnershipAtlas.Hosting.Security;

/// <summary>
/// <c>Atlas:Cors:*</c>: cross-origin access, off unless origins are listed (dashboards on other hosts). A wildcard with
/// credentials is refused at start-up: it would let any site act with a visitor's credentials.
/// </summary>
public sealed class AtlasCorsOptions
{
    public const string Section = "Atlas:Cors";

    /// <summary>Origins allowed to call the API from a browser, e.g. <c>https://dashboards.example</c>; <c>*</c> for any (without credentials).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Whether browsers may send credentials (cookies, the <c>Authorization</c> header) cross-origin; never with <c>*</c>.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>The configuration's error, or null when it can be used.</summary>
    public string? Problem()
    {
        if (AllowCredentials && AllowedOrigins.Any(o => o.Trim() == "*"))
        {
            return $"{Section}:AllowedOrigins holds '*' while {Section}:AllowCredentials is true: a credentialed wildcard would let any web site call the API with a visitor's credentials. List the origins allowed, or turn credentials off.";
        }
        var malformed = AllowedOrigins.FirstOrDefault(o => o.Trim() != "*" && !(Uri.TryCreate(o.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"));
        return malformed is null ? null : $"{Section}:AllowedOrigins holds '{malformed}', which is not an origin (scheme://host[:port], e.g. https://dashboards.example).";
    }
}
