namespace PartnershipAtlas.Imports;

/// <summary>One run of an importer over one file, with what it read, wrote and rejected.</summary>
public sealed class ImportRun : Data.IImportLogEntity
{
    public long Id { get; set; }
    public required string Dataset { get; set; }
    public required string Source { get; set; }
    public required string FileName { get; set; }
    public string? ContentHash { get; set; }
    public DateOnly? ExtractDate { get; set; }

    /// <summary>The year a yearly file holds (census, absence, performance tables: the summer, 2019 for 2018/19), when the dataset has one.</summary>
    public int? Year { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public ImportStatus Status { get; set; }
    public int RowsRead { get; set; }
    public int RowsInserted { get; set; }
    public int RowsUpdated { get; set; }
    public int RowsUnchanged { get; set; }
    public int RowsRejected { get; set; }
    public string? Message { get; set; }

    /// <summary>For a scheduled run, the fire time (UTC) of the schedule that started it; null for runs started otherwise.</summary>
    public DateTimeOffset? ScheduledFor { get; set; }

    public List<ImportRejection> Rejections { get; set; } = [];

    /// <summary>One line saying what the run did, as the command line prints it and a scheduled run logs it.</summary>
    public string Summary() =>
        $"{Status.ToString().ToLowerInvariant()} run {Id} {Dataset} {FileName}: read {RowsRead}, inserted {RowsInserted}, " +
        $"updated {RowsUpdated}, unchanged {RowsUnchanged}, rejected {RowsRejected}" + (Message is null ? "" : $". {Message}");
}

/// <summary>A row an import could not read, with its line and the reason.</summary>
public sealed class ImportRejection : Data.IImportLogEntity
{
    public long Id { get; set; }
    public long ImportRunId { get; set; }
    public int Line { get; set; }
    public required string Reason { get; set; }
}

public enum ImportStatus
{
    Running,
    Succeeded,
    Failed,
    Skipped,
}
