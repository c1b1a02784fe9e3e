using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api.Auth;

/// <summary>
/// <c>api-key add</c> and <c>api-key rotate</c> through the real command line, against a running server reading the same
/// keys file: the added key edits, and after rotation the old secret is refused and the new one edits, with no restart.
/// </summary>
public sealed class ApiKeyRotationTests : IDisposable
{
    private readonly string keysFile = Path.Combine(Path.GetTempPath(), $"atlas-keys-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(keysFile);

    private static string KeyIn(string output) => Regex.Match(output, @"key:\s+(\S+)").Groups[1].Value;

    private static async Task<string?> ErrorCodeAsync(HttpClient client, string key, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { name } }", variables = new { input = new { kind = "THEMATIC", name } } }),
        };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
    }

    [Fact]
    public async Task A_rotated_key_stops_working_and_its_new_secret_works_without_a_restart()
    {
        await using var server = new ConfiguredAtlasFactory(new Dictionary<string, string> { ["Atlas:ApiKeysFile"] = keysFile });
        var client = server.CreateClient();
        var file = $"--Atlas:ApiKeysFile={keysFile}";

        var added = await AtlasCli.RunAsync(server, "api-key", "add", "maps-team", "editor", file);
        var old = KeyIn(added.Output);
        var withAdded = await ErrorCodeAsync(client, old, "Network by the added key");
        var rotated = await AtlasCli.RunAsync(server, "api-key", "rotate", "maps-team", file);
        var renewed = KeyIn(rotated.Output);
        var unknown = await AtlasCli.RunAsync(server, "api-key", "rotate", "nobody", file);

        Assert.True(added.ExitCode == 0 && old.Length > 20, added.Output);
        Assert.Null(withAdded);
        Assert.True(rotated.ExitCode == 0 && renewed.Length > 20 && renewed != old, rotated.Output);
        Assert.DoesNotContain(old, await File.ReadAllTextAsync(keysFile), StringComparison.Ordinal);
        Assert.DoesNotContain(renewed, await File.ReadAllTextAsync(keysFile), StringComparison.Ordinal);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", await ErrorCodeAsync(client, old, "Network by the old secret"));
        Assert.Null(await ErrorCodeAsync(client, renewed, "Network by the new secret"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No API key is named 'nobody'", unknown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_key_is_rotated_by_its_entry_in_the_keys_file_keeping_its_roles()
    {
        await using var server = new ConfiguredAtlasFactory(new Dictionary<string, string>
        {
            ["Atlas:ApiKeysFile"] = keysFile,
            ["Atlas:ApiKeys:0:Name"] = "configured",
            ["Atlas:ApiKeys:0:Sha256"] = PartnershipAtlas.Api.Auth.ApiKeyAuthentication.Hash("configured-secret"),
            ["Atlas:ApiKeys:0:Roles:0"] = "editor",
        });
        var client = server.CreateClient();

        var before = await ErrorCodeAsync(client, "configured-secret", "Network before rotation");
        var rotated = await AtlasCli.RunAsync(server, "api-key", "rotate", "configured", $"--Atlas:ApiKeysFile={keysFile}",
            "--Atlas:ApiKeys:0:Name=configured", "--Atlas:ApiKeys:0:Sha256=unused", "--Atlas:ApiKeys:0:Roles:0=editor");

        Assert.Null(before);
        Assert.Equal(0, rotated.ExitCode);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", await ErrorCodeAsync(client, "configured-secret", "Network by the replaced secret"));
        Assert.Null(await ErrorCodeAsync(client, KeyIn(rotated.Output), "Network after rotation"));
    }
}
