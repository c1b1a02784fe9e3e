namespace PartnershipAtlas.Api.Persisted;

/// <summary><c>Atlas:PersistedDocuments:*</c> (see docs/query-language.md).</summary>
public sealed class PersistedDocumentsOptions
{
    public const string Section = "Atlas:PersistedDocuments";

    /// <summary>Refuse documents sent as text: only <c>documentId</c>s of registered documents run (HC0067 otherwise).</summary>
    public bool OnlyPersisted { get; set; }

    /// <summary>Where registered documents are kept as <c>&lt;sha256&gt;.graphql</c> files, loaded at start (relative to the content root).</summary>
    public string Directory { get; set; } = "persisted-documents";

    /// <summary>The key <c>POST /graphql/documents</c> requires in <c>X-Registration-Key</c>; registration is off while it is empty.</summary>
    public string? RegistrationKey { get; set; }
}
