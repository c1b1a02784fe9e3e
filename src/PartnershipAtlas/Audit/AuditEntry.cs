using Microsoft.EntityFrameworkCore.ChangeTracking;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Audit;

/// <summary>
/// One edit, written in the transaction of the edit itself: when, by which API key (its name, never the secret), which
/// operation, and the before and after (JSON) of what it changed.
/// </summary>
public sealed class AuditEntry : IAuditedWrite
{
    public const string Table = "AuditEntries";

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The API key's configured name, or who ran a command (<see cref="CommandLine"/>).</summary>
    public required string Actor { get; set; }

    /// <summary>The mutation (e.g. <c>addMember</c>) or command (<c>import partnerships</c>).</summary>
    public required string Operation { get; set; }

    /// <summary>What the changed rows held before (JSON; null when the edit only added rows).</summary>
    public string? Before { get; set; }

    /// <summary>What the changed rows hold after (JSON).</summary>
    public string? After { get; set; }

    /// <summary>The actor of an import started by the command line or a schedule, which carry no API key.</summary>
    public const string CommandLine = "command-line";

    /// <summary>Captures the changes before the save; after it, fills <see cref="Before"/>, <see cref="After"/> and <see cref="At"/>.</summary>
    public Func<object> Capture(ChangeTracker tracker)
    {
        var changes = ChangeCapture.Before(tracker);
        return () =>
        {
            changes.After(this);
            At = DateTimeOffset.UtcNow;
            return this;
        };
    }
}
