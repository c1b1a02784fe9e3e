using System.Globalization;
using System.Text;

namespace PartnershipAtlas.Benchmarks;

/// <summary>A national-size GIAS-like export and KS2 tables, written to a temporary folder at run time and deleted after.</summary>
public sealed class GeneratedFiles : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"atlas-bench-data-{Guid.NewGuid():N}");

    public GeneratedFiles(string repository, int schools, int trusts)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(42);
        var gias = new StringBuilder("\"URN\",\"EstablishmentName\",\"LA (code)\",\"LA (name)\",\"EstablishmentStatus (name)\",\"PhaseOfEducation (name)\",\"OpenDate\",\"TrustSchoolFlag (name)\",\"Trusts (name)\"\r\n");
        for (var i = 0; i < schools; i++)
        {
            var inTrust = i % 3 != 0;
            var trust = inTrust ? $"TRUST {i % trusts:0000}" : "";
            var flag = inTrust ? "Supported by a multi-academy trust" : "Not applicable";
            gias.Append(CultureInfo.InvariantCulture, $"\"{100000 + i}\",\"School {i}\",\"{800 + i % 150}\",\"LA {i % 150}\",\"Open\",\"Primary\",\"01-09-2012\",\"{flag}\",\"{trust}\"\r\n");
        }
        Gias = Path.Combine(folder, "20220420_generated_gias.csv");
        File.WriteAllText(Gias, gias.ToString(), Encoding.ASCII);

        var header = File.ReadLines(Path.Combine(repository, "..", "shared", "data", "real", "perf-tables-hants-surrey", "2018-2019_850_ks2final.csv")).First().TrimStart('\uFEFF').Split(',');
        var tables = new List<string>();
        foreach (var year in new[] { 2017, 2018, 2019 })
        {
            var path = Path.Combine(folder, $"{year - 1}-{year}_generated_ks2final.csv");
            using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
            writer.Write(string.Join(",", header) + "\r\n");
            for (var i = 0; i < schools; i++) writer.Write(Row(header, "1", 100000 + i, 800 + i % 150, random) + "\r\n");
            for (var la = 0; la < 150; la++) writer.Write(Row(header, "3", null, 800 + la, random) + "\r\n");
            writer.Write(Row(header, "4", null, null, random) + "\r\n" + Row(header, "5", null, null, random) + "\r\n");
            tables.Add(path);
        }
        Ks2Tables = tables;
    }

    public string Gias { get; }

    public IReadOnlyList<string> Ks2Tables { get; }

    private static string Row(string[] header, string recordType, int? urn, int? la, Random random) => string.Join(",", header.Select(column => column switch
    {
        "RECTYPE" => recordType,
        "URN" => urn?.ToString(CultureInfo.InvariantCulture) ?? "",
        "LEA" => la?.ToString(CultureInfo.InvariantCulture) ?? "",
        "SCHNAME" => urn is null ? "" : $"School {urn}",
        "TELIG" or "TFSM6CLA1A" or "TNotFSM6CLA1A" => random.Next(5, 90).ToString(CultureInfo.InvariantCulture),
        _ when column.StartsWith("PT", StringComparison.Ordinal) => random.Next(20) == 0 ? "SUPP" : $"{random.Next(101)}%",
        _ => random.Next(20) == 0 ? "SUPP" : (random.NextDouble() * 10 - 5).ToString("0.0", CultureInfo.InvariantCulture),
    }));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
