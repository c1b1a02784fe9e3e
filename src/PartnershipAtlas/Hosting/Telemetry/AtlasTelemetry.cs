using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PartnershipAtlas.Hosting.Telemetry;

/// <summary>The product's own traces and metrics: GraphQL operations and import runs.</summary>
public static class AtlasTelemetry
{
    public const string Name = "PartnershipAtlas";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> GraphQLRequests = Meter.CreateCounter<long>("atlas.graphql.requests", description: "GraphQL requests, by operation type and outcome.");
    public static readonly Histogram<double> GraphQLDuration = Meter.CreateHistogram<double>("atlas.graphql.duration", "ms", "Time to answer a GraphQL request.");
    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("atlas.import.rows", description: "Rows read by import runs, by dataset and outcome (inserted, updated, unchanged, rejected).");
    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("atlas.import.duration", "s", "Time an import run took, by dataset and status.");

    public static readonly Counter<long> RefusedRequests = Meter.CreateCounter<long>("atlas.auth.refused", description: "Mutations and audit-log reads refused for their API key, by reason (not_authenticated, expired, not_authorized) and field.");

    public static void RecordImport(Imports.ImportRun run)
    {
        var dataset = new KeyValuePair<string, object?>("dataset", run.Dataset);
        ImportRows.Add(run.RowsInserted, dataset, new("outcome", "inserted"));
        ImportRows.Add(run.RowsUpdated, dataset, new("outcome", "updated"));
        ImportRows.Add(run.RowsUnchanged, dataset, new("outcome", "unchanged"));
        ImportRows.Add(run.RowsRejected, dataset, new("outcome", "rejected"));
        if (run.FinishedAt is { } finished) ImportDuration.Record((finished - run.StartedAt).TotalSeconds, dataset, new("status", run.Status.ToString()));
    }
}
