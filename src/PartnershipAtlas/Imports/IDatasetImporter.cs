namespace PartnershipAtlas.Imports;

/// <summary>One declared dataset: its name, the columns a file must have, and how its rows are applied.</summary>
public interface IDatasetImporter
{
    string Dataset { get; }

    /// <summary>Each entry lists the header names that can supply one required column.</summary>
    IReadOnlyList<string[]> RequiredColumns { get; }

    /// <summary>
    /// Rows with fewer fields than the header are normal in this dataset (DfE performance tables), so a short last
    /// row is not taken as a sign of truncation (an open quote still is).
    /// </summary>
    bool ShortRowsAreNormal => false;

    Task ApplyAsync(ImportContext context, CancellationToken cancellationToken);
}
