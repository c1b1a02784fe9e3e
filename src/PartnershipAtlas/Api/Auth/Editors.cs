using GraphQL;

namespace PartnershipAtlas.Api.Auth;

/// <summary>Mutations call this first: without an API key holding the editor role they are refused before anything is read or written.</summary>
public static class Editors
{
    public static void Require(IResolveFieldContext context)
    {
        if (context.User?.Identity?.IsAuthenticated != true)
        {
            throw AtlasErrors.Coded($"The current user is not authenticated: send an API key with the {ApiKeyAuthentication.EditorRole} role in the {ApiKeyAuthentication.HeaderName} header.", "AUTH_NOT_AUTHENTICATED");
        }
        if (!context.User.IsInRole(ApiKeyAuthentication.EditorRole))
        {
            throw AtlasErrors.Coded("The current user is not authorized to access this resource.", "AUTH_NOT_AUTHORIZED");
        }
    }
}
