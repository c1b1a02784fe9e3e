namespace PartnershipAtlas.Imports.Scheduling;

/// <summary>
/// Where Quartz keeps a clustered schedule: its tables in the store's PostgreSQL database, named with this prefix and
/// created by the PostgreSQL migration <c>ClusteredSchedules</c> (Quartz checks them at start-up and never creates them).
/// </summary>
public static class QuartzTables
{
    public const string Prefix = "qrtz_";
}
