using System.Globalization;
using System.Security.Cryptography;

namespace PartnershipAtlas.Api.Auth;

/// <summary>
/// <c>api-key [KEY]</c> prints a new random key (or hashes the one given) and the <c>Atlas:ApiKeys</c> entry to put in
/// configuration. <c>api-key add NAME ROLE... [--expires DATE]</c> writes a new named key to the keys file
/// (<c>Atlas:ApiKeysFile</c>, default <c>api-keys.json</c>); <c>api-key rotate NAME [--expires DATE]</c> gives the key of
/// that name a new secret there (a key from configuration is replaced by its entry in the file, with the same roles).
/// Running servers read the file again when it changes. The key is printed once; only its hash is kept.
/// </summary>
public static class ApiKeyCommand
{
    public static int Run(IReadOnlyList<string> operands, string[] hostArgs)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().AddCommandLine(hostArgs).Build();
        return operands.ToArray() switch
        {
            ["rotate", var name] => Rotate(configuration, name),
            ["add", var name, .. var roles] when roles.Length > 0 => Add(configuration, name, roles),
            ["rotate" or "add", ..] => Usage(),
            _ => Print(operands.Count > 0 ? operands[0] : NewKey()),
        };
    }

    private static int Rotate(IConfiguration configuration, string name)
    {
        var path = ApiKeyStore.FileOf(configuration);
        var keys = File.Exists(path) ? ApiKeyStore.Read(path) : [];
        var known = keys.FirstOrDefault(k => k.Name == name)
            ?? (configuration.GetSection("Atlas:ApiKeys").Get<List<ApiKeyOptions>>() ?? []).FirstOrDefault(k => k.Name == name);
        if (known is null)
        {
            Console.Error.WriteLine($"No API key is named '{name}' in {path} or Atlas:ApiKeys; add one with: api-key add {name} editor");
            return 2;
        }
        var key = NewKey();
        keys.RemoveAll(k => k.Name == name);
        keys.Add(new ApiKeyOptions { Name = name, Sha256 = ApiKeyAuthentication.Hash(key), Roles = known.Roles, Expires = Expires(configuration) ?? known.Expires });
        ApiKeyStore.Write(path, keys);
        Console.WriteLine($"The API key '{name}' has a new secret in {Path.GetFullPath(path)}; the old one no longer works.");
        Console.WriteLine($"key:    {key}");
        return 0;
    }

    private static int Add(IConfiguration configuration, string name, string[] roles)
    {
        var path = ApiKeyStore.FileOf(configuration);
        var keys = File.Exists(path) ? ApiKeyStore.Read(path) : [];
        if (keys.Any(k => k.Name == name))
        {
            Console.Error.WriteLine($"An API key is already named '{name}' in {path}: give it a new secret with: api-key rotate {name}");
            return 2;
        }
        var key = NewKey();
        keys.Add(new ApiKeyOptions { Name = name, Sha256 = ApiKeyAuthentication.Hash(key), Roles = [.. roles], Expires = Expires(configuration) });
        ApiKeyStore.Write(path, keys);
        Console.WriteLine($"The API key '{name}' ({string.Join(", ", roles)}) is in {Path.GetFullPath(path)}.");
        Console.WriteLine($"key:    {key}");
        return 0;
    }

    private static DateTimeOffset? Expires(IConfiguration configuration) =>
        configuration["expires"] is { Length: > 0 } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    private static int Print(string key)
    {
        Console.WriteLine($"key:    {key}");
        Console.WriteLine($"sha256: {ApiKeyAuthentication.Hash(key)}");
        Console.WriteLine($$"""configuration: "Atlas": { "ApiKeys": [ { "Name": "an-editor", "Sha256": "{{ApiKeyAuthentication.Hash(key)}}", "Roles": [ "editor" ] } ] }""");
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("Usage: api-key [KEY] | api-key add NAME ROLE... [--expires yyyy-MM-dd] | api-key rotate NAME [--expires yyyy-MM-dd]");
        return 2;
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
