namespace PartnershipAtlas.Api.Persisted;

/// <summary>
/// Documents the server ships (an app's own queries), added to the <see cref="PersistedDocumentStore"/> at start and
/// never written to its directory. A feature registers its source in DI.
/// </summary>
public interface IPersistedDocumentSource
{
    IEnumerable<string> Documents();
}
