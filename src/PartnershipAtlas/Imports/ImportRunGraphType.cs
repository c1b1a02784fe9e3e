using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Imports;

/// <summary>One run of an importer.</summary>
public sealed class ImportRunGraphType : ObjectGraphType<ImportRun>
{
    public ImportRunGraphType()
    {
        Name = "ImportRun";
        Description = "One run of an importer over one file: what it read, wrote and rejected.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The run's number.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("dataset").Description("The dataset imported (e.g. gias-establishments).").Resolve(c => c.Source.Dataset);
        Field<NonNullGraphType<StringGraphType>>("source").Description("Where the file came from.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("fileName").Description("The file's name.").Resolve(c => c.Source.FileName);
        Field<StringGraphType>("contentHash").Description("SHA-256 of the file's bytes; the same file is imported once.").Resolve(c => c.Source.ContentHash);
        Field<DateScalar>("extractDate").Description("The date the extract describes (from its name, or the day it was imported).").Resolve(c => c.Source.ExtractDate);
        Field<IntGraphType>("year").Description("The year a yearly file holds (census, absence, performance tables: 2019 for 2018/19), from its folder or name or --year; null for other datasets.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<DateTimeScalar>>("startedAt").Description("When the run started.").Resolve(c => c.Source.StartedAt);
        Field<DateTimeScalar>("finishedAt").Description("When the run finished.").Resolve(c => c.Source.FinishedAt);
        Field<NonNullGraphType<ImportStatusGraphType>>("status").Description("RUNNING, SUCCEEDED, FAILED or SKIPPED.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("rowsRead").Description("Rows read from the file.").Resolve(c => c.Source.RowsRead);
        Field<NonNullGraphType<IntGraphType>>("rowsInserted").Description("Rows that added a new record.").Resolve(c => c.Source.RowsInserted);
        Field<NonNullGraphType<IntGraphType>>("rowsUpdated").Description("Rows that changed a record.").Resolve(c => c.Source.RowsUpdated);
        Field<NonNullGraphType<IntGraphType>>("rowsUnchanged").Description("Rows equal to what the store held.").Resolve(c => c.Source.RowsUnchanged);
        Field<NonNullGraphType<IntGraphType>>("rowsRejected").Description("Rows that could not be read.").Resolve(c => c.Source.RowsRejected);
        Field<DateTimeScalar>("scheduledFor")
            .Description("For a run a schedule started: the fire time it was scheduled for (one run per fire, whichever instance ran it). Null for runs started by hand or at start-up.")
            .Resolve(c => c.Source.ScheduledFor);
        Field<StringGraphType>("message").Description("Why the run failed or was skipped, or a summary of rejections.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportRejectionGraphType>>>>("rejections")
            .Description("The first rejected rows (up to 100), with line and reason.")
            .ResolveAsync(async c => await c.Db().ImportRejections.AsNoTracking()
                .Where(r => r.ImportRunId == c.Source.Id).OrderBy(r => r.Line).ToListAsync(c.CancellationToken));
    }
}

public sealed class ImportRejectionGraphType : ObjectGraphType<ImportRejection>
{
    public ImportRejectionGraphType()
    {
        Name = "ImportRejection";
        Description = "A row an import could not read.";
        Field<NonNullGraphType<IntGraphType>>("line").Description("The line the row starts on.").Resolve(c => c.Source.Line);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why the row was rejected.").Resolve(c => c.Source.Reason);
    }
}

public sealed class ImportStatusGraphType : EnumerationGraphType<ImportStatus>
{
    public ImportStatusGraphType()
    {
        Name = "ImportStatus";
        Description = "How an import run ended.";
    }
}

public sealed class ImportRunsConnectionGraphType() : ConnectionGraphType<ImportRunGraphType, ImportRun>("ImportRuns");

/// <summary>Root fields for import runs.</summary>
public static class ImportRunQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<ImportRunsConnectionGraphType>("importRuns")
            .Description("Every import run, oldest first (use last: n for the newest) unless `order` says otherwise, optionally filtered by `where`.")
            .PagingArguments()
            .WhereAndOrder(typeof(ImportRun))
            .ResolveAsync(async c => await c.PageAsync(c.Db().ImportRuns.AsNoTracking(), r => r.Id));
}
