using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Imports.Csv;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Data;
using PartnershipAtlas.Hosting;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// The reference lists are part of every store: applied whenever a store is initialised (server start, every
/// command-line command, <c>migrate</c>), whatever <c>Atlas:LoadDefaultData</c> says and whatever else was imported.
/// A list is one file, named by its dataset folder and file name; it is applied (one transaction, one import run) when
/// its content differs from the last successful run of that list, and left alone (no run recorded) when it does not.
/// </summary>
public sealed class ReferenceLists(ImportService importer, IDbContextFactory<AtlasDbContext> contexts, IOptions<ReferenceDataOptions> options, ILogger<ReferenceLists> logger)
{
    /// <summary>One list: its dataset and the file that holds it.</summary>
    public sealed record List(string Dataset, string File);

    /// <summary>The runs applied (lists that changed since their last successful run); unchanged lists give none.</summary>
    public async Task<IReadOnlyList<ImportRun>> ApplyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return [];
        var runs = new List<ImportRun>();
        foreach (var list in Lists())
        {
            if (!importer.Datasets.Contains(list.Dataset))
            {
                var message = $"{list.File}: no dataset is named '{list.Dataset}' (the folder names the dataset; known: {string.Join(", ", importer.Datasets)}).";
                await importer.RecordFailureAsync(list.Dataset, list.File, message, cancellationToken);
                logger.LogError("Reference list refused: {Message}", message);
                runs.Add(new ImportRun { Dataset = list.Dataset, Source = list.File, FileName = Path.GetFileName(list.File), Status = ImportStatus.Failed, Message = message });
                continue;
            }
            var hash = (await SourceFile.InspectAsync(list.File, cancellationToken)).Sha256;
            if (await LastAppliedHashAsync(list, cancellationToken) == hash) continue;
            var run = await importer.ImportFileAsync(list.Dataset, list.File, null, cancellationToken, reapply: true);
            logger.Log(run.Status == ImportStatus.Succeeded ? LogLevel.Information : LogLevel.Error,
                "Reference list {Dataset} {File}: {Status}. {Message}", list.Dataset, Path.GetFileName(list.File), run.Status, run.Message);
            runs.Add(run);
        }
        return runs;
    }

    /// <summary>The lists in load order: shipped ones (each replaced by a deployment's file of the same dataset and name), then the deployment's added ones; datasets in <see cref="DatasetOrder"/>.</summary>
    public IReadOnlyList<List> Lists()
    {
        var shipped = DefaultData.Locate(options.Value.Path, "reference") is { } folder ? Files(folder) : [];
        var own = options.Value.OverridePath is { Length: > 0 } path
            ? Directory.Exists(path) ? Files(path) : throw new DirectoryNotFoundException($"Atlas:ReferenceData:OverridePath '{path}' does not exist.")
            : [];
        var byName = new Dictionary<(string, string), List>();
        foreach (var list in shipped.Concat(own)) byName[(list.Dataset, Path.GetFileName(list.File))] = list;
        return byName.Values.OrderBy(l => Array.IndexOf(DatasetOrder, l.Dataset) is var i and >= 0 ? i : DatasetOrder.Length)
            .ThenBy(l => l.Dataset, StringComparer.Ordinal).ThenBy(l => Path.GetFileName(l.File), StringComparer.Ordinal).ToList();
    }

    /// <summary>LA codes first (areas are matched by code), district aliases (hubs are matched by district), dioceses, then the networks.</summary>
    public static readonly string[] DatasetOrder = [LaCodesImporter.Name, DistrictAliasesImporter.Name, DiocesesImporter.Name, AreaNetworksImporter.Name, TeachingSchoolHubsImporter.Name, TeachingSchoolAlliancesImporter.Name,
        ResearchSchoolsImporter.Name, UmbrellaTrustsImporter.Name];

    private static List<List> Files(string folder) =>
        Directory.EnumerateDirectories(folder).SelectMany(dir => Directory.EnumerateFiles(dir, "*.csv").Select(file => new List(System.IO.Path.GetFileName(dir), file))).ToList();

    private async Task<string?> LastAppliedHashAsync(List list, CancellationToken cancellationToken)
    {
        var fileName = System.IO.Path.GetFileName(list.File);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ImportRuns.Where(r => r.Dataset == list.Dataset && r.FileName == fileName && r.Status == ImportStatus.Succeeded)
            .OrderByDescending(r => r.Id).Select(r => r.ContentHash).FirstOrDefaultAsync(cancellationToken);
    }
}
