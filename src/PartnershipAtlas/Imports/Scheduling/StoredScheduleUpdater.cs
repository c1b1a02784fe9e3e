using Microsoft.Extensions.Options;
using Quartz;

namespace PartnershipAtlas.Imports.Scheduling;

/// <summary>
/// On a clustered (stored) schedule, after the scheduler has started with the jobs it already had: applies what this
/// instance's configuration changed since they were stored. A changed cron reschedules its trigger (from now on); a
/// dataset no longer scheduled loses its job. Sources are read from the configuration when a job runs.
/// </summary>
public sealed class StoredScheduleUpdater(ISchedulerFactory schedulers, IOptions<ScheduleOptions> options, TimeProvider clock, ILogger<StoredScheduleUpdater> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
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
            if (await scheduler.GetTrigger(key, cancellationToken) is not ICronTrigger stored || stored.CronExpressionString == schedule.Cron) continue;
            await scheduler.RescheduleJob(key, TriggerBuilder.Create(clock).WithIdentity(key).ForJob(ScheduledImportJob.JobKeyOf(dataset))
                .WithCronSchedule(schedule.Cron, ScheduledImportJob.MissedFireRunsOnce).Build(), cancellationToken);
            logger.LogInformation("Rescheduled {Dataset}: cron {Old} is now {New}", dataset, stored.CronExpressionString, schedule.Cron);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
