using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// The <c>gias-groups</c> dataset: <c>allgroupsdata&lt;YYYYMMDD&gt;.csv</c>. Each trust, sponsor, federation, umbrella
/// trust, SAT and secure SAT becomes or updates the partnership keyed <c>GIAS_GROUP:{Group UID}</c>, adopting a
/// partnership a search export created by name when exactly one group in the file has that kind and name.
/// Children's centres groups (types 8, 9) are ignored and counted.
/// </summary>
public sealed class GiasGroupsImporter : IDatasetImporter
{
    public const string Name = "gias-groups";

    public string Dataset => Name;

    public IReadOnlyList<string[]> RequiredColumns { get; } = [GiasGroupColumns.UidNames, GiasGroupColumns.NameNames, GiasGroupColumns.TypeNames];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var rows = context.Rows;
        var columns = new GiasGroupColumns(rows);
        var shared = await NameKeysOfSeveralGroupsAsync(context.File, cancellationToken);
        using var partnerships = await PartnershipWriter.LoadAsync(context.Connection, context.Transaction, cancellationToken);
        var firstLineOf = new Dictionary<int, int>();

        while (await rows.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var (group, ignored, error) = GiasGroup.Read(rows, columns);
            if (ignored is not null)
            {
                context.Counts.Ignore(ignored);
                continue;
            }
            if (group is null)
            {
                context.Rejections.Reject(rows.Line, error!);
                continue;
            }
            if (!firstLineOf.TryAdd(group.Uid, rows.Line))
            {
                context.Rejections.Reject(rows.Line, $"Group UID {group.Uid} appears again (first on line {firstLineOf[group.Uid]})");
                continue;
            }
            await partnerships.WriteGroupAsync(group, !shared.Contains(NameKey(group)), context.Counts, cancellationToken);
        }
    }

    private static string NameKey(GiasGroup group) => GiasEstablishmentRow.NameKey(group.Kind, group.Name);

    /// <summary>A first streaming pass: the kind-and-name keys that more than one group in the file has.</summary>
    private static async Task<HashSet<string>> NameKeysOfSeveralGroupsAsync(SourceFile file, CancellationToken cancellationToken)
    {
        using var rows = CsvRows.Open(file);
        var columns = new GiasGroupColumns(rows);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        while (await rows.ReadAsync(cancellationToken))
        {
            if (GiasGroup.Read(rows, columns).Group is { } group && !seen.Add(NameKey(group))) shared.Add(NameKey(group));
        }
        return shared;
    }
}
