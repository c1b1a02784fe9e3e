using PartnershipAtlas.Api.Persisted;

namespace PartnershipAtlas.Explorer;

/// <summary>
/// The explorer's GraphQL documents, written by its build to wwwroot/explorer/documents/&lt;sha256&gt;.graphql: the app
/// sends only their ids, so they are persisted documents from the start (and run when <c>OnlyPersisted</c> is on).
/// </summary>
public sealed class ExplorerDocuments(IWebHostEnvironment environment) : IPersistedDocumentSource
{
    public const string Folder = "explorer/documents";

    public IEnumerable<string> Documents()
    {
        foreach (var file in environment.WebRootFileProvider.GetDirectoryContents(Folder).Where(f => !f.IsDirectory && f.Name.EndsWith(".graphql", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(file.CreateReadStream(), System.Text.Encoding.UTF8);
            yield return reader.ReadToEnd();
        }
    }
}
