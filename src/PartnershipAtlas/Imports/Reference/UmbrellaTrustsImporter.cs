using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// The <c>umbrella-trusts</c> reference list: umbrella trusts by name (<c>name,schools_jul2016_derived,source,as_of</c>).
/// Each is an UMBRELLA_TRUST network keyed by its name; the list gives no members (the count is the source's, kept in
/// the file only). GIAS <c>allgroupsdata</c> (group type 7) brings umbrella trusts by UID with their own keys.
/// </summary>
public sealed class UmbrellaTrustsImporter : IDatasetImporter
{
    public const string Name = "umbrella-trusts";

    public string Dataset => Name;

    public string Description => "umbrella trusts (2016 register list): UMBRELLA_TRUST networks by name";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["name"], ["schools_jul2016_derived"], ["source"], ["as_of"]];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var csv = context.Rows;
        var c = (Name: csv.Find("name"), Count: csv.Find("schools_jul2016_derived"), Source: csv.Find("source"), AsOf: csv.Find("as_of"));
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await csv.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var v = new ReferenceValues(csv);
            var name = v.Required(c.Name, "name");
            if (v.Text(c.Count) is { Length: > 0 } count && !int.TryParse(count, out _)) v.Errors.Add($"schools_jul2016_derived '{count}' is not a whole number");
            v.Provenance(c.Source, c.AsOf);
            if (name.Length > 0 && !names.TryAdd(name, csv.Line)) v.Errors.Add($"name '{name}' appears again (first on line {names[name]})");
            if (v.Error is { } error) context.Rejections.Reject(csv.Line, error);
        }
        WholeFile.RefuseIfRejected(context);
        using var partnerships = await ReferencePartnershipWriter.LoadAsync(context.Connection, context.Transaction, cancellationToken);
        foreach (var name in names.Keys)
        {
            await partnerships.WriteAsync(new PartnershipFacts(PartnershipKind.UmbrellaTrust, PartnershipKeys.ByName(PartnershipKind.UmbrellaTrust, name), name), context.Counts, cancellationToken);
        }
    }
}
