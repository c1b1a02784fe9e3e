namespace PartnershipAtlas.Data;

/// <summary>Which database holds the store (<c>Atlas:Provider</c>).</summary>
public enum StoreProvider
{
    /// <summary>One file beside the server: the embedded default.</summary>
    Sqlite,

    /// <summary>A shared PostgreSQL database, for several instances.</summary>
    Postgres,
}
