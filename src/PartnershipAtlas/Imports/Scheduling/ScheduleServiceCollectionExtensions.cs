using Npgsql;
using PartnershipAtlas.Data;
using Quartz;

namespace PartnershipAtlas.Imports.Scheduling;

public static class ScheduleServiceCollectionExtensions
{
    public const string Section = "Atlas:Schedules";

    /// <summary>The scheduler's name: every instance on one database is a node of the cluster of this name.</summary>
    public const string SchedulerName = "PartnershipAtlas";

    /// <summary>
    /// Quartz with one job per scheduled dataset; a missed run fires once when the server is back. On SQLite the
    /// schedule lives in memory; on PostgreSQL in Quartz's tables in the store's own database (created by the store's
    /// migrations, <see cref="QuartzTables"/>), clustered, so several instances run each fire exactly once.
    /// </summary>
    public static IServiceCollection AddImportSchedules(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScheduleOptions>(configuration.GetSection(Section));
        services.AddSingleton<FireRecoveries>();
        var options = configuration.GetSection(Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        var schedules = options.Scheduled();
        if (schedules.Count == 0) return services;
        var clustered = StoreServiceCollectionExtensions.ProviderOf(configuration) == StoreProvider.Postgres;
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
            if (clustered) UseCluster(quartz, configuration.GetConnectionString(StoreServiceCollectionExtensions.ConnectionStringName)!, options);
            foreach (var (dataset, schedule) in schedules)
            {
                if (!CronExpression.TryParse(schedule.Cron, out _))
                {
                    throw new InvalidOperationException($"{Section}:Datasets:{dataset}:Cron '{schedule.Cron}' is not a valid Quartz cron expression.");
                }
                if (clustered) continue; // stored one instance at a time by StoredScheduleUpdater
                quartz.AddJob<ScheduledImportJob>(j => j
                    .WithIdentity(ScheduledImportJob.JobKeyOf(dataset))
                    .DisallowConcurrentExecution(true)
                    .UsingJobData(ScheduledImportJob.Dataset, dataset)
                    .WithDescription(ScheduledImportJob.DescriptionOf(dataset)));
                quartz.AddTrigger(t => t.ForJob(ScheduledImportJob.JobKeyOf(dataset)).WithIdentity(ScheduledImportJob.TriggerKeyOf(dataset))
                    .WithCronSchedule(schedule.Cron, ScheduledImportJob.MissedFireRunsOnce));
            }
        });
        if (clustered)
        {
            // A starting instance never replaces the stored jobs and triggers: another instance may be firing them, and
            // a replaced trigger can fire its current time a second time. StoredScheduleUpdater applies changed crons.
            services.Configure<QuartzOptions>(quartz => quartz.Scheduling.IgnoreDuplicates = true);
        }
        // Registered after StoreInitializer: hosted services start in order, so the scheduler (which checks its tables
        // and stores the jobs) starts only once the migrations that create those tables have run.
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        if (clustered) services.AddHostedService<StoredScheduleUpdater>();
        return services;
    }

    private static void UseCluster(IQuartzBuilder quartz, string connectionString, ScheduleOptions options) =>
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(NpgsqlFactory.Instance, connectionString);
            store.UseSystemTextJsonSerializer();
            store.ConfigureStore(ado =>
            {
                ado.TablePrefix = QuartzTables.Prefix;
                ado.SchemaProvisioning = SchemaProvisioning.Validate;
            });
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = options.CheckinInterval;
                cluster.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
            });
        });
}
