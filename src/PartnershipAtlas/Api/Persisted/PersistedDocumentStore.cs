using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PartnershipAtlas.Api.Persisted;

/// <summary>
/// Registered GraphQL documents by the SHA-256 of their text (lower-case hex; <c>sha256:</c> prefix optional, as in the
/// GraphQL-over-HTTP persisted documents draft), kept as files so they survive restarts.
/// </summary>
public sealed class PersistedDocumentStore
{
    private const string Prefix = "sha256:";
    private readonly ConcurrentDictionary<string, string> documents = new(StringComparer.Ordinal);
    private readonly string directory;

    public PersistedDocumentStore(IOptions<PersistedDocumentsOptions> options, IHostEnvironment environment, IEnumerable<IPersistedDocumentSource> shipped)
    {
        directory = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);
        foreach (var text in shipped.SelectMany(source => source.Documents())) documents[Hash(text)] = text;
        if (!System.IO.Directory.Exists(directory)) return;
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.graphql"))
        {
            var text = File.ReadAllText(file, Encoding.UTF8);
            documents[Hash(text)] = text;
        }
    }

    public static string Hash(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public string? Find(string documentId)
    {
        var hash = documentId.StartsWith(Prefix, StringComparison.Ordinal) ? documentId[Prefix.Length..] : documentId;
        return documents.TryGetValue(hash, out var document) ? document : null;
    }

    /// <summary>Keeps a document and returns its id (<c>sha256:&lt;hex&gt;</c>).</summary>
    public async Task<string> RegisterAsync(string document, CancellationToken cancellationToken)
    {
        var hash = Hash(document);
        if (documents.TryAdd(hash, document))
        {
            System.IO.Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, hash + ".graphql"), document, new UTF8Encoding(false), cancellationToken);
        }
        return Prefix + hash;
    }
}
