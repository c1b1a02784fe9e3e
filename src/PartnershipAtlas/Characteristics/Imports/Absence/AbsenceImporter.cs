using Microsoft.Extensions.Options;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Imports;

namespace PartnershipAtlas.Characteristics.Imports.Absence;

/// <summary>
/// The <c>absence</c> dataset, declared whole in this folder: its name, description and required columns (which
/// also recognise its files). Rows are read by the school tables' parser and written by their writer
/// (<see cref="SchoolTableImporter"/>); the dataset is registered by being here (<see cref="DatasetRegistration"/>).
/// </summary>
internal sealed class AbsenceImporter(IOptions<ImportOptions> options) : SchoolTableImporter(Table, options)
{
    public static readonly SchoolTable Table = new("absence", KeyStage.Absence,
        "Absence (england_abs.csv): overall absence % (PERCTOT) and persistent absence, 10% threshold (PPERSABS10) or the older 15% one (PPERSABS15), kept apart. Writes ResultSets, MeasureValues.",
        [["URN"], ["LA"], ["ESTAB"], ["PERCTOT"], ["PPERSABS10", "PPERSABS15"]]);
}
