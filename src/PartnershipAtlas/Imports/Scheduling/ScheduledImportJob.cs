using System.Globalization;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Imports.Sources;
using Quartz;

namespace PartnershipAtlas.Imports.Scheduling;

/// <summary>
/// One scheduled import of one dataset: the same service the command line uses. Never two at once per dataset (across
/// the cluster too); each run records the fire time it was scheduled for, and the log names the instance that ran it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledImportJob(
    ImportService importer, FireRecoveries recoveries, ImportSources sources, IOptionsMonitor<ScheduleOptions> schedules, TimeProvider clock, ILogger<ScheduledImportJob> logger) : IJob
{
    public const string Dataset = "dataset";
    public const string Group = "imports";

    public static JobKey JobKeyOf(string dataset) => new($"import-{dataset}", Group);

    public static TriggerKey TriggerKeyOf(string dataset) => new($"import-{dataset}-cron", Group);

    /// <summary>The stored job's description, the same whichever way the job is stored.</summary>
    public static string DescriptionOf(string dataset) => $"Import {dataset} on the schedule {ScheduleServiceCollectionExtensions.Section}:Datasets:{dataset}";

    /// <summary>Fires missed while no instance ran (beyond Quartz's misfire threshold) run once, now, then the cron goes on.</summary>
    public static void MissedFireRunsOnce(CronScheduleBuilder cron) => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var dataset = context.MergedJobDataMap.GetString(Dataset)!;
        var instance = context.Scheduler.SchedulerInstanceId;
        var scheduledFor = ToMicroseconds(context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        FireRecovery? earlier = null;
        if (context.Recovering)
        {
            // Quartz gives a recovered fire a new fire time and the original one (to the second) in the trigger's data.
            var original = DateTimeOffset.TryParse(context.Trigger.JobDataMap.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime),
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : scheduledFor;
            earlier = await recoveries.RecoverAsync(dataset, original, cancellationToken);
            scheduledFor = earlier.Fire ?? original;
        }
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ScheduledFor"] = scheduledFor, ["SchedulerInstance"] = instance });
        if (context.Recovering)
        {
            logger.LogWarning("Recovering the {Dataset} import scheduled for {ScheduledFor:O} on {SchedulerInstance}: the instance running it stopped ({Interrupted} run(s) marked failed, {Finished} file(s) already done)",
                dataset, scheduledFor, instance, earlier!.Marked, earlier.Finished.Count);
        }
        if (earlier is { StillRunning: true })
        {
            // The instance was late to check in, not dead: its import still holds its run, so the fire is not run twice.
            logger.LogWarning("The {Dataset} import scheduled for {ScheduledFor:O} is still running on a live instance; {SchedulerInstance} leaves it to that instance", dataset, scheduledFor, instance);
            return;
        }
        if (!schedules.CurrentValue.Scheduled().TryGetValue(dataset, out var schedule))
        {
            logger.LogWarning("The {Dataset} import scheduled for {ScheduledFor:O} did not run on {SchedulerInstance}: this instance's configuration has no schedule for it", dataset, scheduledFor, instance);
            return;
        }
        var source = schedule.Source.Replace("date:today", $"date:{clock.GetUtcNow():yyyy-MM-dd}", StringComparison.OrdinalIgnoreCase);
        try
        {
            foreach (var file in await sources.ResolveAsync(importer.Importer(dataset), source, cancellationToken))
            {
                if (earlier?.Finished.Contains(Path.GetFileName(file)) == true)
                {
                    logger.LogInformation("{File} was already imported for the fire of {ScheduledFor:O}; {SchedulerInstance} does not import it again", Path.GetFileName(file), scheduledFor, instance);
                    continue;
                }
                var run = await importer.ImportFileAsync(dataset, file, null, cancellationToken, scheduledFor: scheduledFor);
                logger.LogInformation("Scheduled import run {RunId} for {ScheduledFor:O} on {SchedulerInstance}: {Summary}", run.Id, scheduledFor, instance, run.Summary());
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await importer.RecordFailureAsync(dataset, source, $"The source could not be fetched: {e.Message}", cancellationToken, scheduledFor);
        }
    }

    /// <summary>A fire time as PostgreSQL keeps it (to the microsecond), so the fire's runs can be found by it again.</summary>
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);
}
