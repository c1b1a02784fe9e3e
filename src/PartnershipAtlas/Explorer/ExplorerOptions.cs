namespace PartnershipAtlas.Explorer;

/// <summary><c>Atlas:Explorer:*</c> (see docs/explorer.md).</summary>
public sealed class ExplorerOptions
{
    public const string Section = "Atlas:Explorer";

    /// <summary>A tile URL template (<c>https://tiles.example/{z}/{x}/{y}.png</c>) drawn under the map; none when empty (the packaged GB outline only).</summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution shown with the tiles (their licence usually requires one).</summary>
    public string? TileAttribution { get; set; }
}
