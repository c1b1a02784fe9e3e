using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.Pipeline;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// The <c>district-aliases</c> reference list: a district name another list writes (<c>alias</c>) and the name GIAS
/// gives it (<c>gias_district</c>), with a <c>note</c> where the match is not one to one. The list replaces the
/// store's aliases whole; area networks by district match establishments through it (<see cref="AreaMemberships"/>).
/// </summary>
public sealed class DistrictAliasesImporter(AreaMemberships areaMemberships) : IDatasetImporter
{
    public const string Name = "district-aliases";

    public string Dataset => Name;

    public IReadOnlyList<IImportDerivation> Derivations => [areaMemberships];

    public string Description => "district aliases: names other lists give LA districts, and the names GIAS writes";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["alias"], ["gias_district"], ["note"], ["source"], ["as_of"]];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var csv = context.Rows;
        var c = (Alias: csv.Find("alias"), District: csv.Find("gias_district"), Source: csv.Find("source"), AsOf: csv.Find("as_of"));
        var rows = new List<(int Line, string Alias, string District, string Source)>();
        while (await csv.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var v = new ReferenceValues(csv);
            var alias = v.Required(c.Alias, "alias");
            var district = v.Required(c.District, "gias_district");
            var source = v.Text(c.Source);
            v.Provenance(c.Source, c.AsOf);
            if (alias.Length > 0 && string.Equals(alias, district, StringComparison.OrdinalIgnoreCase)) v.Errors.Add($"alias '{alias}' is the GIAS name itself");
            if (rows.FirstOrDefault(r => string.Equals(r.Alias, alias, StringComparison.OrdinalIgnoreCase)) is { Line: > 0 } same) v.Errors.Add($"alias '{alias}' appears again (first on line {same.Line})");
            if (v.Error is { } error) context.Rejections.Reject(csv.Line, error);
            else rows.Add((csv.Line, alias, district, source));
        }
        WholeFile.RefuseIfRejected(context);
        await DbCommands.ExecuteAsync(context.Connection, context.Transaction, "DELETE FROM \"DistrictAliases\"", cancellationToken);
        using var insert = new PreparedCommand(context.Connection, context.Transaction,
            "INSERT INTO \"DistrictAliases\" (\"Alias\", \"District\", \"Source\") VALUES (@p0, @p1, @p2)", 3);
        foreach (var row in rows)
        {
            await insert.ExecuteAsync(cancellationToken, row.Alias, row.District, row.Source);
            context.Counts.Inserted++;
        }
    }
}
