using System.Text.Json;

namespace PartnershipAtlas.Api.Auth;

/// <summary>
/// The API keys: those in configuration (<c>Atlas:ApiKeys</c>) and those in the keys file (<c>Atlas:ApiKeysFile</c>,
/// default <c>api-keys.json</c>, read again whenever it changes, so <c>api-key rotate NAME</c> takes effect without a
/// restart). A name in the file replaces the same name in configuration.
/// </summary>
public sealed class ApiKeyStore(IConfiguration configuration)
{
    public const string FileKey = "Atlas:ApiKeysFile";
    public const string DefaultFile = "api-keys.json";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, WriteIndented = true };
    private Snapshot fromFile = new(DateTime.MinValue, []);

    public static string FileOf(IConfiguration configuration) => configuration[FileKey] is { Length: > 0 } path ? path : DefaultFile;

    public IReadOnlyList<ApiKeyOptions> All()
    {
        var configured = configuration.GetSection("Atlas:ApiKeys").Get<List<ApiKeyOptions>>() ?? [];
        var file = FileKeys();
        return [.. configured.Where(c => !file.Any(f => f.Name == c.Name)), .. file];
    }

    private List<ApiKeyOptions> FileKeys()
    {
        var path = FileOf(configuration);
        var written = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        var known = fromFile;
        if (known.Written == written) return known.Keys;
        var keys = written == DateTime.MinValue ? [] : Read(path);
        fromFile = new(written, keys);
        return keys;
    }

    public static List<ApiKeyOptions> Read(string path) => JsonSerializer.Deserialize<KeysFile>(File.ReadAllText(path), Json)?.ApiKeys ?? [];

    /// <summary>Writes the file whole (to a temporary file, then moved over it), so a server never reads half of it.</summary>
    public static void Write(string path, List<ApiKeyOptions> keys)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new KeysFile { ApiKeys = keys }, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record Snapshot(DateTime Written, List<ApiKeyOptions> Keys);

    private sealed class KeysFile
    {
        public List<ApiKeyOptions> ApiKeys { get; set; } = [];
    }
}
