using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Imports.Pipeline;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// The <c>gias-groups</c> dataset: <c>allgroupsdata&lt;YYYYMMDD&gt;.csv</c>. Each trust, sponsor, federation, umbrella
/// trust, SAT and secure SAT becomes or updates the partnership keyed <c>GIAS_GROUP:{Group UID}</c>, adopting a
/// partnership a search export created by name when exactly one group in the file has that kind and name.
/// Children's centres groups (types 8, 9) are ignored and counted.
/// </summary>
internal sealed class GiasGroupsImporter : RowDataset<GiasGroup>
{
    public const string Name = "gias-groups";

    public override string Dataset => Name;

    public override IReadOnlyList<string[]> RequiredColumns { get; } = [GiasGroupColumns.UidNames, GiasGroupColumns.NameNames, GiasGroupColumns.TypeNames];

    protected override async Task<(IRowParser<GiasGroup>, IBatchWriter<GiasGroup>)> OpenAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var columns = new GiasGroupColumns(context.Rows);
        var shared = await NameKeysOfSeveralGroupsAsync(context.File, cancellationToken);
        var partnerships = await PartnershipWriter.LoadAsync(context.Connection, context.Transaction, cancellationToken);
        var parser = new RowParser<GiasGroup>(rows => GiasGroup.Read(rows, columns).Parsed, group => group.Uid, group => $"Group UID {group.Uid}");
        return (parser, new GroupWriter(partnerships, group => !shared.Contains(NameKey(group))));
    }

    /// <summary>Writes each group as a partnership, adopting one a search export created by name where <c>mayAdopt</c> says it may.</summary>
    private sealed class GroupWriter(PartnershipWriter partnerships, Func<GiasGroup, bool> mayAdopt) : IBatchWriter<GiasGroup>
    {
        public Task WriteAsync(GiasGroup group, RowCounts counts, CancellationToken cancellationToken) => partnerships.WriteGroupAsync(group, mayAdopt(group), counts, cancellationToken);

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => partnerships.Dispose();
    }

    private static string NameKey(GiasGroup group) => PartnershipKeys.ByName(group.Kind, group.Name);

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
