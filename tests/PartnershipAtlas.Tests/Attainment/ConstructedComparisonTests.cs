using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Attainment;

/// <summary>
/// <c>Partnership.comparison</c> on a constructed case with a known effect: generated KS2 tables (through the real
/// importer) where the trust's schools gain <see cref="Effect"/> points in 2019, and where low-attaining schools,
/// which the trust takes on, improve faster anyway, so an unmatched comparison is biased and matching removes it.
/// </summary>
public sealed class ConstructedComparisonTests : IAsyncLifetime
{
    private const double Effect = 6;
    private const int Schools = 90;
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"atlas-constructed-{Guid.NewGuid():N}");
    private readonly AtlasFactory factory = new();
    private readonly List<School> schools = Generate();

    private sealed record School(int Urn, double Base, double Fsm, int Size, bool InTrust, Dictionary<int, double> Values)
    {
        public double Change => Values[2019] - (Values[2017] + Values[2018]) / 2;
    }

    private static List<School> Generate()
    {
        var random = new Random(20190901);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var list = Enumerable.Range(0, Schools).Select(i =>
        {
            var b = 45 + 35 * random.NextDouble();
            return (Urn: 900001 + i, Base: b, Fsm: Math.Clamp(50 - 0.6 * (b - 45) + 3 * Normal(), 1, 80), Size: 20 + random.Next(60));
        }).ToList();
        var lowest = list.OrderBy(s => s.Base).Take(48).Where((_, i) => i % 3 == 0).Select(s => s.Urn).ToHashSet();
        return list.Select(s =>
        {
            var trend = 3 + 0.1 * (60 - s.Base);
            var inTrust = lowest.Contains(s.Urn);
            var values = new[] { 2017, 2018, 2019 }.ToDictionary(y => y, y => s.Base + trend * (y - 2017) + (inTrust && y == 2019 ? Effect : 0) + Normal());
            return new School(s.Urn, s.Base, s.Fsm, s.Size, inTrust, values);
        }).ToList();
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        foreach (var year in new[] { 2017, 2018, 2019 })
        {
            var csv = new StringBuilder("RECTYPE,LEA,ESTAB,URN,SCHNAME,TELIG,TFSM6CLA1A,PTFSM6CLA1A,PTRWM_EXP\r\n");
            foreach (var s in schools)
            {
                csv.Append(CultureInfo.InvariantCulture, $"1,999,{s.Urn - 900000},{s.Urn},Constructed School {s.Urn},{s.Size},{Math.Round(s.Size * s.Fsm / 100)},{s.Fsm:0}%,{s.Values[year]:0.0}%\r\n");
            }
            var path = Path.Combine(folder, $"{year - 1}-{year}_999_ks2final.csv");
            await File.WriteAllTextAsync(path, csv.ToString(), new UTF8Encoding(true));
            await factory.ImportAsync("ks2", path);
        }
        await factory.WithStoreAsync(async db =>
        {
            db.Establishments.AddRange(schools.Select(s => new Establishment { Urn = s.Urn, Name = $"Constructed School {s.Urn}", Phase = "Primary", LaCode = "999" }));
            var trust = new Partnership { Kind = PartnershipKind.MultiAcademyTrust, Name = "Constructed Trust", SourceKey = "TEST:constructed-trust" };
            db.Partnerships.Add(trust);
            await db.SaveChangesAsync();
            db.Memberships.AddRange(schools.Where(s => s.InTrust).Select(s => new Membership { EstablishmentUrn = s.Urn, PartnershipId = trust.Id, Joined = new DateOnly(2018, 9, 1), Source = "test" }));
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_matched_difference_in_differences_recovers_the_known_effect()
    {
        var id = await factory.WithStoreAsync(async db => GlobalId.Encode("Partnership", await db.Partnerships.Where(p => p.Name == "Constructed Trust").Select(p => p.Id).SingleAsync()));

        var data = await factory.CreateClient().DataAsync("""
            query($id: ID!) { node(id: $id) { ... on Partnership { comparison(keyStage: KS2, measure: "PTRWM_EXP", preYears: [2017, 2018], postYears: [2019]) {
              members membersWithData poolSize pairs estimate standardError confidenceLower confidenceUpper matchOn
              matches { school { urn phase } match { urn establishment { name } } } } } } }
            """, new { id });

        var c = data["node"]!["comparison"]!;
        var treated = schools.Where(s => s.InTrust).ToList();
        Assert.Equal(treated.Count, (int)c["members"]!);
        Assert.Equal(treated.Count, (int)c["pairs"]!);
        Assert.Equal(Schools - treated.Count, (int)c["poolSize"]!);
        var estimate = (double)c["estimate"]!;
        var se = (double)c["standardError"]!;
        Assert.True(Math.Abs(estimate - Effect) < 3 * se + 0.5, $"estimate {estimate:0.00} (SE {se:0.00}) should recover {Effect}");
        Assert.InRange(Effect, (double)c["confidenceLower"]! - 0.5, (double)c["confidenceUpper"]! + 0.5);
        var naive = treated.Average(s => s.Change) - schools.Where(s => !s.InTrust).Average(s => s.Change);
        Assert.True(Math.Abs(estimate - Effect) < Math.Abs(naive - Effect), $"matched {estimate:0.00} should beat the unmatched {naive:0.00}");
        var matches = c["matches"]!.AsArray();
        Assert.All(matches, m => Assert.DoesNotContain(treated, s => s.Urn == (int)m!["match"]!["urn"]!));
        Assert.All(matches, m => Assert.Equal("Primary", (string)m!["school"]!["phase"]!));
        Assert.All(matches, m => Assert.StartsWith("Constructed School", (string)m!["match"]!["establishment"]!["name"]!));
    }

    [Fact]
    public async Task Post_years_before_pre_years_are_a_clear_error()
    {
        var result = await factory.CreateClient().QueryAsync("""
            { partnerships { nodes { comparison(keyStage: KS2, measure: "PTRWM_EXP", preYears: [2019], postYears: [2017]) { pairs } } } }
            """);
        Assert.Equal("COMPARISON_INVALID_YEARS", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return factory.DisposeAsync().AsTask();
    }
}
