using PartnershipAtlas.Attainment;

namespace PartnershipAtlas.Characteristics;

/// <summary>
/// The characteristics measures the API names: their DfE column, label, table and the pupils a network's figure
/// is weighted by. Any other column of the imported files is read by its code too (label null).
/// </summary>
public static class CharacteristicsCatalog
{
    /// <summary>One named measure: its DfE column, the shortcut field that reads it (if any), its label and table.</summary>
    public sealed record Entry(string Code, string? Shortcut, string Label, KeyStage Table);

    /// <summary>The tables <c>characteristics</c> reads, in the order a code is looked for.</summary>
    public static readonly KeyStage[] Tables = [KeyStage.Census, KeyStage.Absence, KeyStage.Workforce, KeyStage.Ks4Destinations];

    /// <summary>The census column that weights a network's pupil figures: pupils on roll.</summary>
    public const string WeightCode = "NOR";

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new("NOR", "pupils", "Number of pupils on roll (all ages)", KeyStage.Census),
        new("NORG", null, "Number of girls on roll", KeyStage.Census),
        new("NORB", null, "Number of boys on roll", KeyStage.Census),
        new("PNORG", null, "Percentage of girls on roll", KeyStage.Census),
        new("PNORB", null, "Percentage of boys on roll", KeyStage.Census),
        new("TSENELSE", null, "Number of SEN pupils with an EHC plan (or statement)", KeyStage.Census),
        new("PSENELSE", "ehcPlanPercent", "Percentage of pupils with an EHC plan (or statement)", KeyStage.Census),
        new("TSENELK", null, "Number of eligible pupils on SEN support", KeyStage.Census),
        new("PSENELK", "senSupportPercent", "Percentage of eligible pupils on SEN support", KeyStage.Census),
        new("NUMEAL", null, "Number of pupils whose first language is known or believed to be other than English", KeyStage.Census),
        new("NUMENGFL", null, "Number of pupils whose first language is known or believed to be English", KeyStage.Census),
        new("NUMUNCFL", null, "Number of pupils whose first language is unclassified", KeyStage.Census),
        new("PNUMEAL", "ealPercent", "Percentage of pupils whose first language is known or believed to be other than English", KeyStage.Census),
        new("PNUMENGFL", null, "Percentage of pupils whose first language is known or believed to be English", KeyStage.Census),
        new("PNUMUNCFL", null, "Percentage of pupils whose first language is unclassified", KeyStage.Census),
        new("NUMFSM", null, "Number of pupils eligible for free school meals", KeyStage.Census),
        new("NUMFSMEVER", null, "Number of pupils eligible for FSM at any time during the past 6 years", KeyStage.Census),
        new("PNUMFSMEVER", "fsmEverPercent", "Percentage of pupils eligible for FSM at any time during the past 6 years", KeyStage.Census),
        new("SCHOOLTYPE", null, "Type of school (text)", KeyStage.Census),
        new("PERCTOT", "absencePercent", "Percentage of overall absence (authorised and unauthorised)", KeyStage.Absence),
        new("PPERSABS10", "persistentAbsencePercent", "Percentage of enrolments who are persistent absentees (missing 10% or more of sessions)", KeyStage.Absence),
        new("PPERSABS15", null, "Percentage of enrolments who are persistent absentees at the older 15% threshold (until 2014/15; not comparable with PPERSABS10)", KeyStage.Absence),
    ];

    private static readonly Dictionary<string, Entry> ByCode = Entries.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);

    public static string? Label(string code) => ByCode.GetValueOrDefault(code)?.Label;

    /// <summary>The shortcut fields, each with the code it reads.</summary>
    public static IEnumerable<Entry> Shortcuts => Entries.Where(e => e.Shortcut is not null);
}
