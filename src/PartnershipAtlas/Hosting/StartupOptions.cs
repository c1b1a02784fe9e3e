namespace PartnershipAtlas.Hosting;

/// <summary>Settings under <c>Atlas</c> that start-up reads.</summary>
public sealed class StartupOptions
{
    /// <summary>Load the shipped default data when the store has none (<c>serve --no-default-data</c> turns it off).</summary>
    public bool LoadDefaultData { get; set; } = true;

    /// <summary>The folder of default data; found by walking up to <c>data/default</c> when not set.</summary>
    public string? DefaultDataPath { get; set; }
}
