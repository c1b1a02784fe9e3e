namespace PartnershipAtlas.Imports;

/// <summary>One declared dataset: its name, the columns a file must have, and how its rows are applied.</summary>
public interface IDatasetImporter
{
    string Dataset { get; }

    /// <summary>Each entry lists the header names that can supply one required column.</summary>
    IReadOnlyList<string[]> RequiredColumns { get; }

    Task ApplyAsync(ImportContext context, CancellationToken cancellationToken);
}
