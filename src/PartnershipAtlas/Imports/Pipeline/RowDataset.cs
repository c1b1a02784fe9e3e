using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Imports.Pipeline;

/// <summary>Reads one row of one file into a typed record, and says which rows are the same row given twice.</summary>
public interface IRowParser<TRow>
{
    ParsedRow<TRow> Parse(CsvRows rows);

    /// <summary>What makes a row unique in its file; a second row with the same key is rejected.</summary>
    object KeyOf(TRow row);

    /// <summary>The row as a duplicate's rejection names it (e.g. <c>URN 100000</c>).</summary>
    string Describe(TRow row);
}

/// <summary>Writes a file's records inside the run's transaction, in batches where the store takes them so.</summary>
public interface IBatchWriter<TRow> : IDisposable
{
    Task WriteAsync(TRow row, RowCounts counts, CancellationToken cancellationToken);

    /// <summary>After the last row: writes what is still batched, and whatever the whole file decides (e.g. memberships it no longer lists).</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A dataset whose rows stand alone: it declares its name, recognition and required columns, and, for each file, a
/// parser and a writer (<see cref="OpenAsync"/>). The row loop (count, parse, reject, ignore, duplicate check, write)
/// is <see cref="RowLoop"/>'s; the rest of a run (transaction, stamp, derivations) is <see cref="ImportService"/>'s.
/// </summary>
public abstract class RowDataset<TRow> : IDatasetImporter where TRow : notnull
{
    public abstract string Dataset { get; }

    public abstract IReadOnlyList<string[]> RequiredColumns { get; }

    public virtual bool ShortRowsAreNormal => false;

    public virtual string Description => Dataset;

    public virtual string? PublishedFileName(DateOnly date) => null;

    public virtual IReadOnlyList<IImportDerivation> Derivations => [];

    /// <summary>Reads the file's header and loads what its writer needs, inside the run's transaction.</summary>
    protected abstract Task<(IRowParser<TRow> Parser, IBatchWriter<TRow> Writer)> OpenAsync(ImportContext context, CancellationToken cancellationToken);

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var (parser, writer) = await OpenAsync(context, cancellationToken);
        using (writer) await RowLoop.RunAsync(context, parser, writer, cancellationToken);
    }
}
