using PartnershipAtlas.Imports.Pipeline;

namespace PartnershipAtlas.Imports;

/// <summary>
/// One declared dataset: its name, the columns a file must have (which also recognise its files), how its rows are
/// applied and what must be derived again after them. Row by row datasets derive from <see cref="RowDataset{TRow}"/>;
/// a dataset checked across rows before anything is written (a reference list) implements <see cref="ApplyAsync"/>.
/// Datasets are found in the assembly (<see cref="DatasetRegistration"/>): adding one touches no list.
/// </summary>
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

    /// <summary>What the dataset is and which tables it writes, for people reading the schedule and the command line.</summary>
    string Description => Dataset;

    /// <summary>What is derived from this dataset's data with others' (run after its rows, in the same transaction).</summary>
    IReadOnlyList<IImportDerivation> Derivations => [];

    /// <summary>The file DfE publishes for an extract date (e.g. <c>edubasealldata20250422.csv</c>), if it publishes one.</summary>
    string? PublishedFileName(DateOnly date) => null;
}
