using PartnershipAtlas.Imports.Sources;
using Quartz;

namespace PartnershipAtlas.Imports.Scheduling;

/// <summary>One scheduled import of one dataset: the same service the command line uses. Never two at once per dataset.</summary>
[DisallowConcurrentExecution]
public sealed class ScheduledImportJob(ImportService importer, ImportSources sources, TimeProvider clock, ILogger<ScheduledImportJob> logger) : IJob
{
    public const string Dataset = "dataset";
    public const string Source = "source";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var dataset = context.MergedJobDataMap.GetString(Dataset)!;
        var source = context.MergedJobDataMap.GetString(Source)!.Replace("date:today", $"date:{clock.GetUtcNow():yyyy-MM-dd}", StringComparison.OrdinalIgnoreCase);
        try
        {
            foreach (var file in await sources.ResolveAsync(importer.Importer(dataset), source, cancellationToken))
            {
                var run = await importer.ImportFileAsync(dataset, file, null, cancellationToken);
                logger.LogInformation("Scheduled import: {Summary}", ImportCommand.Summary(run));
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await importer.RecordFailureAsync(dataset, source, $"The source could not be fetched: {e.Message}", cancellationToken);
        }
    }
}
