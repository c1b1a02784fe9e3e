namespace PartnershipAtlas.Characteristics.Profiles;

/// <summary>Where a network's members sit: their centroid and the straight-line distances between them, from GIAS Easting/Northing.</summary>
public static class ProfileGeography
{
    /// <summary>The mean easting and northing of the members with coordinates, with its WGS84 latitude and longitude.</summary>
    public static GridPoint? Centroid(IReadOnlyList<ProfileMember> members)
    {
        var points = Points(members);
        if (points.Count == 0) return null;
        var (e, n) = (points.Average(p => p.E), points.Average(p => p.N));
        var (latitude, longitude) = BritishNationalGrid.ToWgs84(e, n);
        return new GridPoint(e, n, latitude, longitude);
    }

    /// <summary>The mean and the largest distance (km) over every pair of members with coordinates; null with fewer than two.</summary>
    public static (double? Mean, double? Max) Distances(IReadOnlyList<ProfileMember> members)
    {
        var points = Points(members);
        if (points.Count < 2) return (null, null);
        double sum = 0, max = 0;
        var pairs = 0;
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                var d = Math.Sqrt(Math.Pow(points[i].E - points[j].E, 2) + Math.Pow(points[i].N - points[j].N, 2)) / 1000.0;
                (sum, max, pairs) = (sum + d, Math.Max(max, d), pairs + 1);
            }
        }
        return (sum / pairs, max);
    }

    private static List<(double E, double N)> Points(IReadOnlyList<ProfileMember> members) =>
        members.Where(m => m is { Easting: > 0, Northing: > 0 }).Select(m => ((double)m.Easting!.Value, (double)m.Northing!.Value)).ToList();
}
