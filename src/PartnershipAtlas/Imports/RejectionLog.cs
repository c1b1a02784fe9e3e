namespace PartnershipAtlas.Imports;

/// <summary>Rows an import could not read: every one is counted, the first few are kept with line and reason.</summary>
public sealed class RejectionLog(int keep = 100)
{
    private readonly List<(int Line, string Reason)> first = [];

    public int Count { get; private set; }

    public IReadOnlyList<(int Line, string Reason)> First => first;

    public void Reject(int line, string reason)
    {
        Count++;
        if (first.Count < keep) first.Add((line, reason));
    }
}
