using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.Pipeline;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// The <c>la-codes</c> reference list (<c>data/reference/la-codes/la-codes.csv</c>): every DfE LA code with the dates
/// it was in use and the codes it replaced. The file is the whole list: it replaces the store's LA codes and
/// successions, and names or dates each LOCAL_AUTHORITY partnership (key <c>LOCAL_AUTHORITY:code</c>, as GIAS imports use).
/// </summary>
public sealed class LaCodesImporter(AreaMemberships areaMemberships) : IDatasetImporter
{
    public const string Name = "la-codes";

    private sealed record Row(int Line, string Code, string LaName, DateOnly? From, DateOnly? To, string[] Predecessors, string Source);

    public string Dataset => Name;

    public IReadOnlyList<IImportDerivation> Derivations => [areaMemberships];

    public IReadOnlyList<string[]> RequiredColumns { get; } =
        [["la_code"], ["la_name"], ["valid_from"], ["valid_to"], ["predecessor_codes"], ["source"], ["as_of"]];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(context, cancellationToken);
        WholeFile.RefuseIfRejected(context);
        var (connection, transaction) = (context.Connection, context.Transaction);
        await DbCommands.ExecuteAsync(connection, transaction, "DELETE FROM \"LocalAuthoritySuccessions\"", cancellationToken);
        await DbCommands.ExecuteAsync(connection, transaction, "DELETE FROM \"LocalAuthorityAreas\"", cancellationToken);
        using var insertArea = new PreparedCommand(connection, transaction,
            "INSERT INTO \"LocalAuthorityAreas\" (\"Code\", \"Name\", \"ValidFrom\", \"ValidTo\", \"Source\") VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
        using var insertSuccession = new PreparedCommand(connection, transaction,
            "INSERT INTO \"LocalAuthoritySuccessions\" (\"FromCode\", \"ToCode\", \"Date\") VALUES (@p0, @p1, @p2)", 3);
        using var partnerships = await ReferencePartnershipWriter.LoadAsync(connection, transaction, cancellationToken);
        foreach (var row in rows)
        {
            await insertArea.ExecuteAsync(cancellationToken, row.Code, row.LaName, row.From, row.To, row.Source);
            foreach (var predecessor in row.Predecessors) await insertSuccession.ExecuteAsync(cancellationToken, predecessor, row.Code, row.From);
            await partnerships.WriteAsync(new PartnershipFacts(PartnershipKind.LocalAuthority, PartnershipKeys.LocalAuthority(row.Code), row.LaName, row.Code, row.From, row.To), context.Counts, cancellationToken);
        }
    }

    private static async Task<List<Row>> ReadAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var csv = context.Rows;
        var c = (Code: csv.Find("la_code"), Name: csv.Find("la_name"), From: csv.Find("valid_from"), To: csv.Find("valid_to"),
            Predecessors: csv.Find("predecessor_codes"), Source: csv.Find("source"), AsOf: csv.Find("as_of"));
        var rows = new List<Row>();
        while (await csv.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var v = new ReferenceValues(csv);
            var code = v.LaCode(c.Code, "la_code");
            if (code is null && v.Errors.Count == 0) v.Errors.Add("la_code is empty");
            var name = v.Required(c.Name, "la_name");
            var (from, to) = (v.Date(c.From, "valid_from"), v.Date(c.To, "valid_to"));
            v.Order(from, to, "valid_from", "valid_to");
            var predecessors = v.Text(c.Predecessors).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (predecessors.Length > 0 && from is null) v.Errors.Add("predecessor_codes are given but valid_from (the date of the change) is empty");
            var source = v.Required(c.Source, "source");
            v.Date(c.AsOf, "as_of");
            v.Required(c.AsOf, "as_of");
            if (rows.FirstOrDefault(r => r.Code == code) is { } first) v.Errors.Add($"la_code {code} appears again (first on line {first.Line})");
            if (v.Error is { } error) context.Rejections.Reject(csv.Line, error);
            else rows.Add(new Row(csv.Line, code!, name, from, to, predecessors, source));
        }
        foreach (var row in rows.ToList())
        {
            var unknown = row.Predecessors.Where(p => rows.All(r => r.Code != p)).ToList();
            var notEnded = row.Predecessors.Select(p => rows.FirstOrDefault(r => r.Code == p)).Where(p => p is not null && p.To != row.From).ToList();
            if (unknown.Count == 0 && notEnded.Count == 0) continue;
            rows.Remove(row);
            context.Rejections.Reject(row.Line, unknown.Count > 0
                ? $"predecessor code(s) {string.Join(", ", unknown)} of {row.Code} are not in the list"
                : $"predecessor code(s) {string.Join(", ", notEnded.Select(p => p!.Code))} of {row.Code} do not end (valid_to) on its valid_from {row.From:yyyy-MM-dd}");
        }
        return rows;
    }
}
