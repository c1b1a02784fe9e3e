using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Imports;

/// <summary>What <c>where: ImportRunFilterInput</c> and <c>order: [ImportRunSortInput!]</c> offer: the fields <c>ImportRun</c> shows.</summary>
public sealed class ImportRunQueryFields : QueryFields<ImportRun>
{
    public ImportRunQueryFields()
    {
        Id(r => r.Id);
        Field("dataset", r => r.Dataset);
        Field("source", r => r.Source);
        Field("fileName", r => r.FileName);
        Field("contentHash", r => r.ContentHash);
        Field("extractDate", r => r.ExtractDate);
        Field("year", r => r.Year);
        Field("startedAt", r => r.StartedAt);
        Field("finishedAt", r => r.FinishedAt);
        Field("status", r => r.Status);
        Field("rowsRead", r => r.RowsRead);
        Field("rowsInserted", r => r.RowsInserted);
        Field("rowsUpdated", r => r.RowsUpdated);
        Field("rowsUnchanged", r => r.RowsUnchanged);
        Field("rowsRejected", r => r.RowsRejected);
        Field("message", r => r.Message);
        Field("scheduledFor", r => r.ScheduledFor);
        Field("rejections", r => r.Rejections);
    }
}

/// <summary>What <c>ImportRejectionFilterInput</c> offers (inside <c>ImportRun.rejections</c>).</summary>
public sealed class ImportRejectionQueryFields : QueryFields<ImportRejection>
{
    public ImportRejectionQueryFields()
    {
        Field("line", r => r.Line);
        Field("reason", r => r.Reason);
    }
}
