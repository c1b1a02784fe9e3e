using Microsoft.Extensions.Options;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Imports;

namespace PartnershipAtlas.Characteristics.Imports.Census;

/// <summary>
/// The <c>census</c> dataset, declared whole in this folder: its name, description and required columns (which
/// also recognise its files). Rows are read by the school tables' parser and written by their writer
/// (<see cref="SchoolTableImporter"/>); the dataset is registered by being here (<see cref="DatasetRegistration"/>).
/// </summary>
internal sealed class CensusImporter(IOptions<ImportOptions> options) : SchoolTableImporter(Table, options)
{
    public static readonly SchoolTable Table = new("census", KeyStage.Census,
        "School census (england_census.csv, January): pupils on roll, girls/boys, SEN support and EHC plans, EAL, FSM and FSM-ever, per school and England per phase (URN=NAT). Writes ResultSets, MeasureValues.",
        [["URN"], ["LA"], ["ESTAB"], ["NOR"], ["PNUMFSMEVER"]]);
}
