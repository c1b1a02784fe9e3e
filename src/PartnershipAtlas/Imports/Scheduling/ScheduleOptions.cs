namespace PartnershipAtlas.Imports.Scheduling;

/// <summary>Settings under <c>Atlas:Schedules</c>: one cron schedule per dataset.</summary>
public sealed class ScheduleOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>By dataset name: when to run and what to import.</summary>
    public Dictionary<string, DatasetSchedule> Datasets { get; set; } = [];
}

public sealed class DatasetSchedule
{
    /// <summary>A Quartz cron expression (seconds first), e.g. <c>0 30 5 * * ?</c> for 05:30 daily.</summary>
    public string Cron { get; set; } = "";

    /// <summary>A file, folder or URL, or <c>date:today</c> for DfE's extract of the day the job runs.</summary>
    public string Source { get; set; } = "";
}
