namespace PartnershipAtlas.Hosting.Security;

/// <summary><c>Atlas:Security:*</c>: the headers every answer carries (see docs/security.md).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Atlas:Security";

    /// <summary>Who may frame the pages (CSP <c>frame-ancestors</c>): <c>'none'</c> unless configured, e.g. <c>'self' https://intranet.example</c>.</summary>
    public string FrameAncestors { get; set; } = "'none'";

    /// <summary>The <c>Referrer-Policy</c> of every answer.</summary>
    public string ReferrerPolicy { get; set; } = "no-referrer";
}
