using System.Text.RegularExpressions;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// The <c>dioceses</c> reference list: GIAS diocese code (may be empty where no source gives it), name and
/// denomination. Each row names or updates the DIOCESE partnership GIAS imports key by name, so a school's diocese
/// carries its denomination whichever is imported first.
/// </summary>
public sealed partial class DiocesesImporter : IDatasetImporter
{
    public const string Name = "dioceses";

    public string Dataset => Name;

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["diocese_code"], ["diocese_name"], ["denomination"], ["source"], ["as_of"]];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var csv = context.Rows;
        var c = (Code: csv.Find("diocese_code"), Name: csv.Find("diocese_name"), Denomination: csv.Find("denomination"), Source: csv.Find("source"), AsOf: csv.Find("as_of"));
        var valid = new List<PartnershipFacts>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await csv.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var v = new ReferenceValues(csv);
            var code = v.Optional(c.Code);
            var name = v.Required(c.Name, "diocese_name");
            var denomination = v.Enum<DioceseDenomination>(c.Denomination, "denomination");
            if (denomination is null && v.Text(c.Denomination).Length == 0) v.Errors.Add("denomination is empty");
            if (code is not null && !CodePattern().IsMatch(code)) v.Errors.Add($"diocese_code '{code}' is not a GIAS diocese code (CE or RC and digits)");
            else if (code is not null && denomination is { } d && code.StartsWith("CE", StringComparison.Ordinal) != (d == DioceseDenomination.ChurchOfEngland))
            {
                v.Errors.Add($"diocese_code '{code}' does not match denomination {ReferenceValues.EnumName(d)}");
            }
            v.Required(c.Source, "source");
            v.Required(c.AsOf, "as_of");
            v.Date(c.AsOf, "as_of");
            var key = PartnershipKeys.ByName(PartnershipKind.Diocese, name);
            if (name.Length > 0 && !firstLine.TryAdd(key, csv.Line)) v.Errors.Add($"diocese '{name}' appears again (first on line {firstLine[key]})");
            if (v.Error is { } error) context.Rejections.Reject(csv.Line, error);
            else valid.Add(new PartnershipFacts(PartnershipKind.Diocese, key, name, code, Denomination: denomination));
        }
        WholeFile.RefuseIfRejected(context);
        using var partnerships = await ReferencePartnershipWriter.LoadAsync(context.Connection, context.Transaction, cancellationToken);
        foreach (var diocese in valid) await partnerships.WriteAsync(diocese, context.Counts, cancellationToken);
    }

    [GeneratedRegex("^(CE|RC)[0-9]{1,3}$")]
    private static partial Regex CodePattern();
}
