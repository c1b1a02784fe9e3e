using System.Security.Cryptography;

namespace PartnershipAtlas.Api.Auth;

/// <summary>
/// <c>api-key [KEY]</c>: prints a new random key (or hashes the one given) and the <c>Atlas:ApiKeys</c> entry to put
/// in configuration. The key goes to the editor; only its hash goes in configuration.
/// </summary>
public static class ApiKeyCommand
{
    public static int Run(IReadOnlyList<string> operands)
    {
        var key = operands.Count > 0 ? operands[0] : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Console.WriteLine($"key:    {key}");
        Console.WriteLine($"sha256: {ApiKeyAuthentication.Hash(key)}");
        Console.WriteLine($$"""configuration: "Atlas": { "ApiKeys": [ { "Name": "an-editor", "Sha256": "{{ApiKeyAuthentication.Hash(key)}}", "Roles": [ "editor" ] } ] }""");
        return 0;
    }
}
