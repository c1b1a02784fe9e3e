namespace PartnershipAtlas.Characteristics.Profiles;

/// <summary>A member school as a profile sees it (from its membership's activeFrom, the one active-on rule's start): where it is, what it is, its characteristics of the year and its latest extract.</summary>
public sealed record ProfileMember(
    int Urn, DateOnly? ActiveFrom, string? Phase, string? TypeGroup, string? LaCode, string? LaName, string? Region, int? Easting, int? Northing,
    SchoolCharacteristics? Characteristics, EstablishmentExtract? Extract);

/// <summary>A count of members by one grouping value.</summary>
public sealed record GroupCount(string? Key, string? Name, int Members);

/// <summary>A point on the National Grid with its WGS84 latitude and longitude.</summary>
public sealed record GridPoint(double Easting, double Northing, double Latitude, double Longitude);

/// <summary>The "before/after joining" view of the members' latest Ofsted inspections.</summary>
public sealed record OfstedSinceJoining(int InspectedSinceJoining, int InspectedOnlyBefore, int NotInspected, int JoinDateUnknown);

/// <summary>A measure over the members weighted by pupils (NOR), beside the members' LAs and England.</summary>
public sealed record PupilWeighted(string Code, double? Value, double? LocalAuthorities, double? England, int PupilsCovered, int SchoolsCovered);

/// <summary>Who a network's schools are on a date, with their characteristics of one year.</summary>
public sealed record NetworkProfile(int PartnershipId, DateOnly AsOf, int? Year, IReadOnlyList<ProfileMember> Members)
{
    public IReadOnlyList<GroupCount> ByPhase => Count(m => m.Phase, _ => null);

    public IReadOnlyList<GroupCount> ByTypeGroup => Count(m => m.TypeGroup, _ => null);

    public IReadOnlyList<GroupCount> LocalAuthorities => Count(m => m.LaCode, g => g.Select(m => m.LaName).FirstOrDefault(n => n is not null));

    public IReadOnlyList<GroupCount> Regions => Count(m => m.Region, _ => null);

    /// <summary>The members' latest Ofsted rating on asOf (from the latest GIAS extract), by grade; members without one are under null.</summary>
    public IReadOnlyList<GroupCount> OfstedGrades => Count(m => m.Extract?.OfstedRating, _ => null);

    /// <summary>The sum of NOR over members with a census value.</summary>
    public int? Pupils => Members.Any(HasPupils) ? (int)Members.Sum(m => NumberOnRoll(m) ?? 0) : null;

    /// <summary>The sum of GIAS SchoolCapacity over members with one.</summary>
    public int? Capacity => Members.Any(m => m.Extract?.SchoolCapacity is not null) ? Members.Sum(m => m.Extract?.SchoolCapacity ?? 0) : null;

    /// <summary>Pupils over capacity, as a percentage, over the members that have both.</summary>
    public double? PercentFull
    {
        get
        {
            var both = Members.Where(m => HasPupils(m) && m.Extract?.SchoolCapacity > 0).ToList();
            return both.Count == 0 ? null : 100.0 * both.Sum(m => NumberOnRoll(m)!.Value) / both.Sum(m => m.Extract!.SchoolCapacity!.Value);
        }
    }

    /// <summary>Good or Outstanding among members with a rating, 0–1.</summary>
    public double? ShareGoodOrOutstanding
    {
        get
        {
            var rated = Members.Where(m => m.Extract?.OfstedRating is not null).ToList();
            return rated.Count == 0 ? null : (double)rated.Count(m => m.Extract!.OfstedRating is "Good" or "Outstanding") / rated.Count;
        }
    }

    public OfstedSinceJoining OfstedSinceJoining
    {
        get
        {
            int since = 0, before = 0, never = 0, unknown = 0;
            foreach (var m in Members)
            {
                var inspected = m.Extract?.OfstedLastInspection;
                if (inspected is null) never++;
                else if (m.ActiveFrom is null) unknown++;
                else if (inspected >= m.ActiveFrom) since++;
                else before++;
            }
            return new(since, before, never, unknown);
        }
    }

    public static double? NumberOnRoll(ProfileMember m) => m.Characteristics?.ValueOf(CharacteristicsCatalog.WeightCode);

    private static bool HasPupils(ProfileMember m) => NumberOnRoll(m) is not null;

    private List<GroupCount> Count(Func<ProfileMember, string?> key, Func<IEnumerable<ProfileMember>, string?> name) => Members
        .GroupBy(key).Select(g => new GroupCount(g.Key, name(g), g.Count()))
        .OrderByDescending(g => g.Members).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
}
