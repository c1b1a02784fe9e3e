using PartnershipAtlas.Characteristics.Profiles;

namespace PartnershipAtlas.Tests.Characteristics;

/// <summary>The National Grid conversion against Ordnance Survey's published worked examples.</summary>
public sealed class BritishNationalGridTests
{
    [Fact]
    public void The_projection_matches_the_OS_worked_example()
    {
        // OS, "A guide to coordinate systems in Great Britain", annex C: E 651409.903, N 313177.270 is
        // 52°39′27.2531″N, 1°43′4.5177″E on the Airy 1830 ellipsoid.
        var (latitude, longitude) = BritishNationalGrid.ToOsgb36(651409.903, 313177.270);
        Assert.Equal(52 + 39 / 60.0 + 27.2531 / 3600, latitude, 6);
        Assert.Equal(1 + 43 / 60.0 + 4.5177 / 3600, longitude, 6);
    }

    [Fact]
    public void The_Helmert_shift_to_WGS84_is_the_size_OS_gives()
    {
        // OSGB36 and WGS84 coordinates of one point differ by roughly a hundred metres across Great Britain (OS guide,
        // section 6): the shift must be applied, and be of that size, not zero and not kilometres.
        var (osLat, osLon) = BritishNationalGrid.ToOsgb36(651409.903, 313177.270);
        var (lat, lon) = BritishNationalGrid.ToWgs84(651409.903, 313177.270);
        var metres = Math.Sqrt(Math.Pow((lat - osLat) * 111_200, 2) + Math.Pow((lon - osLon) * 111_200 * Math.Cos(lat * Math.PI / 180), 2));
        Assert.InRange(metres, 60, 150);
    }
}
