using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Data;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Hosting.Telemetry;
using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Imports.Reference;
using Sylvan.Data.Csv;

namespace PartnershipAtlas.Imports;

/// <summary>
/// Runs one dataset's importer over one file: records the run, refuses bad files whole, applies good ones in a
/// single transaction (readers keep seeing the previous state until it commits), and skips files already imported.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<AtlasDbContext> contexts,
    IEnumerable<IDatasetImporter> importers,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<ImportService> logger)
{
    public IReadOnlyCollection<string> Datasets => importers.Select(i => i.Dataset).ToList();

    public IDatasetImporter Importer(string dataset) =>
        importers.SingleOrDefault(i => i.Dataset == dataset)
        ?? throw new ArgumentException($"Unknown dataset '{dataset}'. Known datasets: {string.Join(", ", Datasets)}.");

    /// <summary>
    /// The dataset a file belongs to, from its header: the importer whose required columns the file has, the most
    /// specific first (a group-links file also has the columns an establishments file needs). Null when none fits.
    /// </summary>
    public async Task<IDatasetImporter?> RecogniseAsync(string path, CancellationToken cancellationToken)
    {
        var file = await SourceFile.InspectAsync(path, cancellationToken);
        if (file.Unreadable is not null || file.Length == 0 || file.FirstNulByte is not null || file.HasUtf16Bom) return null;
        try
        {
            using var rows = CsvRows.Open(file);
            return importers.Where(i => i.RequiredColumns.All(names => rows.Find(names) is not null))
                .OrderByDescending(i => i.RequiredColumns.Count).FirstOrDefault();
        }
        catch (Exception e) when (e is CsvFormatException or CsvMissingHeadersException)
        {
            return null;
        }
    }

    /// <param name="scheduledFor">For a scheduled run, the fire time of the schedule that started it (recorded on the run).</param>
    /// <param name="reapply">Apply the file even when a run with the same content succeeded before (a reference list that changed back: <see cref="ReferenceLists"/>).</param>
    public async Task<ImportRun> ImportFileAsync(string dataset, string path, DateOnly? extractDate, CancellationToken cancellationToken, IProgress<ImportProgress>? progress = null, DateTimeOffset? scheduledFor = null, bool reapply = false)
    {
        var importer = Importer(dataset);
        if (!File.Exists(path)) throw new FileNotFoundException($"File not found: {path}", path);

        using var activity = AtlasTelemetry.Source.StartActivity($"import {dataset}");
        var file = await SourceFile.InspectAsync(path, cancellationToken);
        var run = await StartRunAsync(dataset, file, extractDate ?? ExtractDate.FromPath(file.Path) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), scheduledFor, cancellationToken);
        await using var running = await RunLocks.HoldAsync(contexts, run.Id, cancellationToken);
        var rejections = new RejectionLog();
        var counts = new RowCounts();
        activity?.SetTag("atlas.import.run_id", run.Id).SetTag("atlas.import.file", file.FileName);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ImportRunId"] = run.Id, ["Dataset"] = dataset });
        try
        {
            if (!reapply && await AlreadyImportedAsync(run, cancellationToken))
            {
                run.Status = ImportStatus.Skipped;
                run.Message = "This file (same content hash) was already imported; nothing changed.";
            }
            else
            {
                await ApplyAsync(importer, file, run, rejections, counts, progress, cancellationToken);
                run.Status = ImportStatus.Succeeded;
                var messages = new[] { rejections.Count == 0 ? null : $"{rejections.Count} row(s) rejected.", counts.IgnoredSummary }.Concat(counts.Notes);
                run.Message = messages.Any(m => m is not null) ? string.Join(" ", messages.OfType<string>()) : null;
            }
        }
        catch (ImportRefusedException refused)
        {
            Fail(run, $"Refused {file.FileName}: {refused.Message}");
        }
        catch (System.Data.Common.DbException e) when (StoreFaults.Describe(e) is { } fault)
        {
            Fail(run, $"The store {fault} during the import of {file.FileName}; nothing was applied ({e.Message.Trim()}).");
        }
        catch (OperationCanceledException)
        {
            Fail(run, "Cancelled; nothing was applied.");
            await FinishRunAsync(run, counts, rejections, CancellationToken.None);
            throw;
        }

        await FinishRunAsync(run, counts, rejections, CancellationToken.None);
        activity?.SetTag("atlas.import.status", run.Status.ToString());
        logger.LogInformation("Import run {RunId} of {Dataset} {File}: {Status}", run.Id, dataset, file.FileName, run.Status);
        return run;
    }

    /// <summary>Records a run that could not start (its source could not be fetched), so it shows in <c>importRuns</c>.</summary>
    public async Task RecordFailureAsync(string dataset, string source, string message, CancellationToken cancellationToken, DateTimeOffset? scheduledFor = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.ImportRuns.Add(new ImportRun
        {
            Dataset = dataset,
            Source = source,
            FileName = source,
            StartedAt = now,
            FinishedAt = now,
            Status = ImportStatus.Failed,
            Message = message,
            ScheduledFor = scheduledFor,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Import of {Dataset} from {Source} failed: {Message}", dataset, source, message);
    }

    private void Fail(ImportRun run, string message)
    {
        run.Status = ImportStatus.Failed;
        run.Message = message;
        logger.LogWarning("Import run {RunId} of {Dataset} failed: {Message}", run.Id, run.Dataset, message);
    }

    private async Task ApplyAsync(IDatasetImporter importer, SourceFile file, ImportRun run, RejectionLog rejections, RowCounts counts, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        CheckShape(file);
        using var rows = OpenRows(file);
        rows.Progress = progress;
        CheckColumns(importer, rows);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        var context = new ImportContext(file, rows, connection, transaction, run.Id, run.ExtractDate!.Value, rejections, counts);
        var audited = ImportAudit.Audits(importer) ? await ImportAudit.CountAsync(connection, transaction, cancellationToken) : null;
        try
        {
            await importer.ApplyAsync(context, cancellationToken);
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new ImportRefusedException($"a record near record {e.RowNumber} is too large: this is not a CSV file of the expected kind.");
        }
        catch (CsvFormatException e)
        {
            throw new ImportRefusedException($"the file is not valid CSV near record {e.RowNumber} ({e.Message}).");
        }

        if (rows.EndsMidRecord(file, importer.ShortRowsAreNormal)) throw new ImportRefusedException($"the file ends inside its last record (line {rows.Line}): it looks truncated.");
        if (counts.Read == 0) throw new ImportRefusedException("the file has a header but no rows.");
        var allowed = Math.Floor(counts.Read * options.Value.MaxRejectedFraction);
        if (rejections.Count > allowed)
        {
            throw new ImportRefusedException(
                $"{rejections.Count} of {counts.Read} rows were rejected, more than the {options.Value.MaxRejectedFraction:P0} allowed. First: line {rejections.First[0].Line}: {rejections.First[0].Reason}");
        }
        foreach (var derivation in importer.Derivations) await derivation.DeriveAsync(connection, transaction, run.Id, cancellationToken);
        if (audited is not null) await ImportAudit.WriteAsync(connection, transaction, run, counts, audited, cancellationToken);
        await StoreStamp.BumpAsync(connection, transaction, StoreWrite.Data, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // PostgreSQL plans from table statistics; after a bulk change, refresh them now rather than when autovacuum
        // gets round to it (a first import left unanalysed turned a 0.3 ms lookup into a 10 ms nested loop).
        if (connection is Npgsql.NpgsqlConnection) await DbCommands.ExecuteAsync(connection, null, "ANALYZE", cancellationToken);
    }

    private static void CheckShape(SourceFile file)
    {
        if (file.Unreadable is { } reason) throw new ImportRefusedException(reason + ".");
        if (file.Length == 0) throw new ImportRefusedException("the file is empty.");
        if (file.HasUtf16Bom) throw new ImportRefusedException("the file is UTF-16; DfE files are Windows-1252 or UTF-8: save it as UTF-8.");
        if (file.FirstNulByte is long offset) throw new ImportRefusedException($"this is not a text file (binary content at byte {offset}).");
    }

    private static CsvRows OpenRows(SourceFile file)
    {
        try
        {
            return CsvRows.Open(file);
        }
        catch (Exception e) when (e is CsvFormatException or CsvRecordTooLargeException or CsvMissingHeadersException)
        {
            throw new ImportRefusedException($"the header cannot be read as CSV ({e.Message}).");
        }
    }

    private static void CheckColumns(IDatasetImporter importer, CsvRows rows)
    {
        var missing = importer.RequiredColumns.Where(names => rows.Find(names) is null).Select(names => $"'{names[0]}'").ToList();
        if (missing.Count > 0)
        {
            throw new ImportRefusedException($"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} in the header.");
        }
    }

    private async Task<ImportRun> StartRunAsync(string dataset, SourceFile file, DateOnly extractDate, DateTimeOffset? scheduledFor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = new ImportRun
        {
            Dataset = dataset,
            Source = Path.GetFullPath(file.Path),
            FileName = file.FileName,
            ContentHash = file.Sha256,
            ExtractDate = extractDate,
            StartedAt = clock.GetUtcNow(),
            Status = ImportStatus.Running,
            ScheduledFor = scheduledFor,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    private async Task<bool> AlreadyImportedAsync(ImportRun run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ImportRuns.AnyAsync(
            r => r.Dataset == run.Dataset && r.ContentHash == run.ContentHash && r.Status == ImportStatus.Succeeded && r.Id != run.Id,
            cancellationToken);
    }

    private async Task FinishRunAsync(ImportRun run, RowCounts counts, RejectionLog rejections, CancellationToken cancellationToken)
    {
        run.FinishedAt = clock.GetUtcNow();
        run.RowsRead = counts.Read;
        run.RowsRejected = rejections.Count;
        run.Year = counts.Year;
        if (run.Status == ImportStatus.Succeeded)
        {
            run.RowsInserted = counts.Inserted;
            run.RowsUpdated = counts.Updated;
            run.RowsUnchanged = counts.Unchanged;
        }
        run.Rejections = rejections.First.Select(r => new ImportRejection { ImportRunId = run.Id, Line = r.Line, Reason = r.Reason }).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ImportRuns.Update(run);
        await db.SaveChangesAsync(cancellationToken);
        AtlasTelemetry.RecordImport(run);
    }
}
