namespace PartnershipAtlas.Imports;

/// <summary>What an import did with the rows it read.</summary>
public sealed class RowCounts
{
    private readonly Dictionary<string, int> ignored = new(StringComparer.Ordinal);

    public int Read { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>The year the file holds, for yearly datasets (recorded on the run).</summary>
    public int? Year { get; set; }

    /// <summary>Rows read well but deliberately not applied (e.g. children's centres groups), by reason.</summary>
    public IReadOnlyDictionary<string, int> Ignored => ignored;

    /// <summary>Counts a written row as inserted (new), updated (changed) or unchanged, once its writer knows which.</summary>
    public Action<bool> WhenWritten(bool isNew) => changed =>
    {
        if (isNew) Inserted++;
        else if (changed) Updated++;
        else Unchanged++;
    };

    /// <summary>What the run wants its reader to know beyond the counts (e.g. districts a list names that no establishment has).</summary>
    public List<string> Notes { get; } = [];

    public void Ignore(string reason) => ignored[reason] = ignored.GetValueOrDefault(reason) + 1;

    /// <summary>A sentence for the run's message, or null when nothing was ignored.</summary>
    public string? IgnoredSummary => ignored.Count == 0 ? null
        : "Ignored " + string.Join("; ", ignored.Select(x => $"{x.Value} row(s): {x.Key}")) + ".";
}
