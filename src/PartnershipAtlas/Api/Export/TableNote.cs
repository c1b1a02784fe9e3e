namespace PartnershipAtlas.Api.Export;

/// <summary>What a table export says about itself: the trailing note row of a CSV, the "About" sheet of an .xlsx.</summary>
public static class TableNote
{
    public static string Truncated(int maxRows) =>
        $"# The table stops at {maxRows} rows ({ExportOptions.Section}:MaxRows); the query has more. Narrow it with where, or raise the limit.";

    public static string Walked(int rows) => $"{rows} rows: the whole connection, walked page by page (first/after do not apply to an export).";
}
