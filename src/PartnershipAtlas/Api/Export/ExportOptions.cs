namespace PartnershipAtlas.Api.Export;

/// <summary><c>Atlas:Export:*</c>: tables (CSV, .xlsx) answered from any query (see docs/query-language.md).</summary>
public sealed class ExportOptions
{
    public const string Section = "Atlas:Export";

    /// <summary>The most rows one table export walks; a table cut there ends with a note saying so.</summary>
    public int MaxRows { get; set; } = 100_000;
}
