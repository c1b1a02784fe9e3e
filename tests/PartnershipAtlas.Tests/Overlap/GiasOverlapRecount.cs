using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Overlap;

/// <summary>
/// The real 2022 Hampshire and Surrey export read independently: for each school open on the extract date, the trust,
/// federation and diocese its row names (by upper-case name), its LA code and phase.
/// </summary>
public sealed class GiasOverlapRecount
{
    public const string ExtractDate = "2022-04-20";

    private static readonly Dictionary<string, string> TrustKinds = new()
    {
        ["Supported by a multi-academy trust"] = "MULTI_ACADEMY_TRUST",
        ["Supported by a single-academy trust"] = "SINGLE_ACADEMY_TRUST",
        ["Supported by a trust"] = "FOUNDATION_TRUST",
    };
    private static readonly string[] Nothing = ["", "Not applicable", "Does not apply", "Not recorded"];

    public sealed record School(int Urn, string LaCode, string Phase, string? TrustKind, string? Trust, string? Federation, string? Diocese)
    {
        public IEnumerable<string> Networks => new[] { Trust, Federation, Diocese }.OfType<string>();
    }

    public GiasOverlapRecount(string path)
    {
        var file = new CsvRecount(path);
        Schools = file.Rows.Where(r => file.Value(r, "EstablishmentStatus (name)") != "Closed").Select(r => new School(
            int.Parse(file.Value(r, "URN")),
            file.Value(r, "LA (code)"),
            file.Value(r, "PhaseOfEducation (name)"),
            TrustKinds.GetValueOrDefault(file.Value(r, "TrustSchoolFlag (name)")),
            TrustKinds.ContainsKey(file.Value(r, "TrustSchoolFlag (name)")) ? Named(file.Value(r, "Trusts (name)")) : null,
            Named(file.Value(r, "Federations (name)")),
            Named(file.Value(r, "Diocese (name)")))).ToList();
    }

    public List<School> Schools { get; }

    /// <summary>Shared schools of each (trust, diocese) pair named together on a row.</summary>
    public Dictionary<(string Trust, string Diocese), int> TrustDioceseShared(Func<School, bool>? where = null) => Schools
        .Where(s => s.Trust is not null && s.Diocese is not null && (where?.Invoke(s) ?? true))
        .GroupBy(s => (s.Trust!, s.Diocese!))
        .ToDictionary(g => g.Key, g => g.Count());

    private static string? Named(string value) => Nothing.Contains(value) ? null : value.ToUpperInvariant();
}
