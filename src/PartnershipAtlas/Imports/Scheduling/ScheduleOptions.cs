namespace PartnershipAtlas.Imports.Scheduling;

/// <summary>Settings under <c>Atlas:Schedules</c>: one cron schedule per dataset.</summary>
public sealed class ScheduleOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>By dataset name: when to run and what to import.</summary>
    public Dictionary<string, DatasetSchedule> Datasets { get; set; } = [];

    /// <summary>The datasets that run on a schedule (none when <see cref="Enabled"/> is off).</summary>
    public IReadOnlyDictionary<string, DatasetSchedule> Scheduled() =>
        Enabled ? Datasets.Where(d => d.Value.Cron.Length > 0).ToDictionary() : new Dictionary<string, DatasetSchedule>();

    /// <summary>
    /// On PostgreSQL (a cluster): how often each instance records in the shared database that it is alive. An instance
    /// silent for longer than this plus <see cref="CheckinMisfireThreshold"/> is taken for dead, and another recovers
    /// its fires.
    /// </summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>On PostgreSQL: how long past a missed check-in the other instances wait before recovering an instance's fires.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(7.5);
}

public sealed class DatasetSchedule
{
    /// <summary>A Quartz cron expression (seconds first), e.g. <c>0 30 5 * * ?</c> for 05:30 daily.</summary>
    public string Cron { get; set; } = "";

    /// <summary>A file, folder or URL, or <c>date:today</c> for DfE's extract of the day the job runs.</summary>
    public string Source { get; set; } = "";
}
