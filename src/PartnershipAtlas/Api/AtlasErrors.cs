using GraphQL;

namespace PartnershipAtlas.Api;

/// <summary>GraphQL errors with codes a client can act on.</summary>
public static class AtlasErrors
{
    public static ExecutionError Coded(string message, string code, IReadOnlyDictionary<string, object?>? details = null)
    {
        var error = new ExecutionError(message) { Code = code };
        foreach (var (key, value) in details ?? new Dictionary<string, object?>()) error.AddExtension(key, value);
        return error;
    }
}
