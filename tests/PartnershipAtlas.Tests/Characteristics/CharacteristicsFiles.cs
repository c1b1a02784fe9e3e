using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Characteristics;

/// <summary>The real census, absence, destinations and workforce files.</summary>
public static class CharacteristicsFiles
{
    public static string Census => RealData.File("national-2018-2019", "england_census.csv");
    public static string Absence => RealData.File("national-2018-2019", "england_abs.csv");
    public static string AbsenceOlder => RealData.File("national-absence-older", "england_abs.csv");
    public static string Destinations => RealData.File("national-2018-2019", "england_ks4-pupdest.csv");
    public static string Ks4Provisional => RealData.File("national-2018-2019", "england_ks4provisional.csv");
    public static string WorkforceTruncated => RealData.File("broken", "england_swf_truncated.csv");
}
