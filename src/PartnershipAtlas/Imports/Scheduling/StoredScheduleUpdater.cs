using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Data;
using Quartz;

namespace PartnershipAtlas.Imports.Scheduling;

/// <summary>
/// On a clustered (stored) schedule, after the scheduler has started with the jobs it already had: stores the jobs
/// this instance's configuration names and the store lacks, and applies what it changed since they were stored. A
/// changed cron reschedules its trigger (from now on); a dataset no longer scheduled loses its job. Sources are read
/// from the configuration when a job runs. Instances do this one at a time (an advisory lock): two storing the same
/// trigger at once had Quartz replace it and fire its first second again.
/// </summary>
public sealed class StoredScheduleUpdater(ISchedulerFactory schedulers, IOptions<ScheduleOptions> options, TimeProvider clock, ILogger<StoredScheduleUpdater> logger,
    IDbContextFactory<AtlasDbContext> contexts) : IHostedService
{
    private const long SchedulesLock = 0x41746c6173536368; // "AtlasSch"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (await AdvisoryLock.HoldAsync(db, SchedulesLock, ownsContext: false, cancellationToken))
        {
            await UpdateAsync(cancellationToken);
        }
    }

    private async Task UpdateAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var scheduled = options.Value.Scheduled();
        foreach (var job in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScheduledImportJob.Group), cancellationToken))
        {
            if (scheduled.Keys.Any(dataset => ScheduledImportJob.JobKeyOf(dataset).Equals(job))) continue;
            await scheduler.DeleteJob(job, cancellationToken);
            logger.LogInformation("Removed the stored schedule {Job}: no dataset under {Section} names it any more", job, ScheduleServiceCollectionExtensions.Section);
        }
        foreach (var (dataset, schedule) in scheduled)
        {
            var key = ScheduledImportJob.TriggerKeyOf(dataset);
            var trigger = TriggerBuilder.Create(clock).WithIdentity(key).ForJob(ScheduledImportJob.JobKeyOf(dataset))
                .WithCronSchedule(schedule.Cron, ScheduledImportJob.MissedFireRunsOnce).Build();
            if (await scheduler.GetTrigger(key, cancellationToken) is not ICronTrigger stored)
            {
                var job = JobBuilder.Create<ScheduledImportJob>().WithIdentity(ScheduledImportJob.JobKeyOf(dataset)).DisallowConcurrentExecution(true).RequestRecovery(true)
                    .UsingJobData(ScheduledImportJob.Dataset, dataset).WithDescription(ScheduledImportJob.DescriptionOf(dataset)).Build();
                await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
                logger.LogInformation("Stored the schedule of {Dataset}: cron {Cron}", dataset, schedule.Cron);
                continue;
            }
            if (stored.CronExpressionString == schedule.Cron) continue;
            await scheduler.RescheduleJob(key, trigger, cancellationToken);
            logger.LogInformation("Rescheduled {Dataset}: cron {Old} is now {New}", dataset, stored.CronExpressionString, schedule.Cron);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
