using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PartnershipAtlas.Audit;

/// <summary>
/// What a save changes, taken from the change tracker: before the save, the original values of the modified
/// properties; after it, the saved values (with the keys the store generated). Each row is named <c>Type#key</c>.
/// </summary>
public sealed class ChangeCapture
{
    private readonly List<(EntityEntry Entry, EntityState State, Dictionary<string, object?>? Before)> changes = [];

    public static ChangeCapture Before(ChangeTracker tracker)
    {
        var capture = new ChangeCapture();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry and not Data.StoreStamp))
        {
            var before = entry.State == EntityState.Added ? null : entry.Properties
                .Where(p => entry.State == EntityState.Deleted || p.IsModified)
                .ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
            capture.changes.Add((entry, entry.State, before));
        }
        return capture;
    }

    /// <summary>Fills the entry's before and after once the save has run.</summary>
    public void After(AuditEntry audit)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var (entry, state, values) in changes)
        {
            var name = $"{entry.Metadata.ClrType.Name}#{string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue))}";
            if (values is not null) before[name] = values;
            if (state == EntityState.Deleted) continue;
            after[name] = entry.Properties
                .Where(p => state == EntityState.Added || p.IsModified || (values?.ContainsKey(p.Metadata.Name) ?? false))
                .ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
        }
        audit.Before = before.Count == 0 ? null : JsonSerializer.Serialize(before);
        audit.After = after.Count == 0 ? null : JsonSerializer.Serialize(after);
    }
}
