namespace PartnershipAtlas.Imports.Reference;

/// <summary>Settings under <c>Atlas:ReferenceData</c>: where the reference lists are, and whether a store applies them.</summary>
public sealed class ReferenceDataOptions
{
    public const string Section = "Atlas:ReferenceData";

    /// <summary>
    /// Apply the reference lists whenever a store is initialised (server start, every command-line command, <c>migrate</c>).
    /// On by default; only a store that must stay empty (the tests' own fixtures) turns it off.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The shipped lists' folder (<c>&lt;dataset&gt;/*.csv</c>); found by walking up to <c>data/reference</c> when not set.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// A deployment's own lists, in the same layout: a file with the same dataset folder and name as a shipped one
    /// replaces it; any other file adds a list.
    /// </summary>
    public string? OverridePath { get; set; }
}
