using GraphQL;
using PartnershipAtlas.Hosting.Telemetry;

namespace PartnershipAtlas.Api.Auth;

/// <summary>
/// Mutations call <see cref="Require"/> first, the audit log <see cref="RequireAdmin"/>: without an API key holding the
/// role they are refused before anything is read or written, and the refusal is counted
/// (<c>atlas.auth.refused</c>, by reason), the only trace it leaves.
/// </summary>
public static class Editors
{
    public static void Require(IResolveFieldContext context) => RequireRole(context, ApiKeyAuthentication.EditorRole);

    public static void RequireAdmin(IResolveFieldContext context) => RequireRole(context, ApiKeyAuthentication.AdminRole);

    /// <summary>The name of the key the request was made with (the audit log's actor).</summary>
    public static string ActorOf(IResolveFieldContext context) => context.User?.Identity?.Name ?? "anonymous";

    private static void RequireRole(IResolveFieldContext context, string role)
    {
        var http = (context.RequestServices?.GetService(typeof(IHttpContextAccessor)) as IHttpContextAccessor)?.HttpContext;
        if (http?.Items[ApiKeyAuthentication.ExpiredKeyItem] is string expired)
        {
            throw Refused("expired", $"The API key '{expired}' has expired: ask for a new one (api-key rotate {expired}).", "AUTH_KEY_EXPIRED", context);
        }
        if (context.User?.Identity?.IsAuthenticated != true)
        {
            throw Refused("not_authenticated", $"The current user is not authenticated: send an API key with the {role} role in the {ApiKeyAuthentication.HeaderName} header.", "AUTH_NOT_AUTHENTICATED", context);
        }
        if (!context.User.IsInRole(role))
        {
            throw Refused("not_authorized", "The current user is not authorized to access this resource.", "AUTH_NOT_AUTHORIZED", context);
        }
    }

    private static ExecutionError Refused(string reason, string message, string code, IResolveFieldContext context)
    {
        AtlasTelemetry.RefusedRequests.Add(1, new("reason", reason), new("field", context.FieldDefinition.Name));
        return AtlasErrors.Coded(message, code);
    }
}
