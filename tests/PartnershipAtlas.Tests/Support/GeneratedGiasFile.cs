using System.Text;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// A national-size GIAS establishments file for tests and benchmarks: the real 111-column header of the 2022 export
/// and its real rows repeated with new URNs (900000 upwards), in Windows-1252 with CRLF as GIAS writes. Generated
/// data: never shipped.
/// </summary>
public static class GeneratedGiasFile
{
    public const int FirstUrn = 900_000;

    public static string Write(string folder, int rows, string name = "edubasealldata20250101.csv")
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(1252);
        var lines = File.ReadAllText(RealData.GiasExport2022, encoding).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var path = Path.Combine(folder, name);
        using var writer = new StreamWriter(path, false, encoding);
        writer.Write(lines[0] + "\r\n");
        for (var i = 0; i < rows; i++)
        {
            var real = lines[1 + i % (lines.Length - 1)];
            writer.Write($"{FirstUrn + i}{real[real.IndexOf(',')..]}\r\n");
        }
        return path;
    }
}
