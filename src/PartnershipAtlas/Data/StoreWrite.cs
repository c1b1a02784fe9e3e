namespace PartnershipAtlas.Data;

/// <summary>What a write changed, so which stamps it raises: both (<see cref="Data"/>), or the stamp alone (<see cref="ImportLog"/>).</summary>
public enum StoreWrite
{
    /// <summary>Data any query may answer from: establishments, partnerships, results, an edit, an import's rows, a migration.</summary>
    Data = 0,

    /// <summary>Only the record of import runs (a run started, finished, skipped, refused or marked interrupted, its rejections).</summary>
    ImportLog = 1,
}

public static class StoreWrites
{
    /// <summary>True for the entities that only record import runs: writing none but these is an <see cref="StoreWrite.ImportLog"/> write.</summary>
    public static bool IsImportLog(object entity) => entity is IImportLogEntity;
}

/// <summary>An entity that only records import runs (a run, its rejections), declared by the feature that owns it.</summary>
public interface IImportLogEntity
{
}
