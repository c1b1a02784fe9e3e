using Quartz;

namespace PartnershipAtlas.Imports.Scheduling;

public static class ScheduleServiceCollectionExtensions
{
    /// <summary>Quartz with one job per scheduled dataset (in-memory store); a missed run fires once when the server is back.</summary>
    public static IServiceCollection AddImportSchedules(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Atlas:Schedules").Get<ScheduleOptions>() ?? new ScheduleOptions();
        var schedules = options.Enabled ? options.Datasets.Where(d => d.Value.Cron.Length > 0).ToList() : [];
        if (schedules.Count == 0) return services;
        services.AddQuartz(quartz =>
        {
            foreach (var (dataset, schedule) in schedules)
            {
                if (!CronExpression.TryParse(schedule.Cron, out _))
                {
                    throw new InvalidOperationException($"Atlas:Schedules:Datasets:{dataset}:Cron '{schedule.Cron}' is not a valid Quartz cron expression.");
                }
                var job = new JobKey($"import-{dataset}", "imports");
                quartz.AddJob<ScheduledImportJob>(j => j
                    .WithIdentity(job)
                    .DisallowConcurrentExecution(true)
                    .UsingJobData(ScheduledImportJob.Dataset, dataset)
                    .UsingJobData(ScheduledImportJob.Source, schedule.Source)
                    .WithDescription($"Import {dataset} from {schedule.Source}"));
                quartz.AddTrigger(t => t.ForJob(job).WithIdentity($"import-{dataset}-cron", "imports")
                    .WithCronSchedule(schedule.Cron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        return services;
    }
}
