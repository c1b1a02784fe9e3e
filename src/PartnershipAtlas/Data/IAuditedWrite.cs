using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PartnershipAtlas.Data;

/// <summary>
/// The record of an edit under way (<see cref="AtlasDbContext.Auditing"/>): the context captures the tracked changes
/// before the save, and after it adds the record this returns, saved in the same transaction as the edit.
/// </summary>
public interface IAuditedWrite
{
    /// <summary>Reads the changes about to be saved; the function returned, called after the save, gives the entity to add.</summary>
    Func<object> Capture(ChangeTracker tracker);
}
