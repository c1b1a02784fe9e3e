using System.Text;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>Windows-1252 (as GIAS writes) and UTF-8 with or without BOM read to the same text; UTF-16 is refused clearly.</summary>
public sealed class EncodingTests : IAsyncLifetime
{
    private const string Name = "Ecole Sainte-Thérèse’s Façade Primary";
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-encoding").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The real header and three real rows, the first renamed to a name with non-ASCII characters.</summary>
    private string Write(string fileName, Encoding encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = File.ReadAllText(RealData.GiasExport2022, Encoding.GetEncoding(1252)).Split("\r\n")[..4];
        var fields = lines[1].Split(',');
        var nameIndex = lines[0].Split(',').ToList().IndexOf("\"EstablishmentName\"");
        fields[nameIndex] = $"\"{Name}\"";
        lines[1] = string.Join(',', fields);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", encoding);
        return path;
    }

    public static TheoryData<string> Encodings => new() { "windows-1252", "utf-8-bom", "utf-8" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Non_ascii_names_read_the_same_in_every_encoding_DfE_uses(string encodingName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = encodingName switch
        {
            "windows-1252" => Encoding.GetEncoding(1252),
            "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        var path = Write($"{encodingName}_gias.csv", encoding);
        await using var factory = new AtlasFactory();

        var run = await factory.ImportAsync("gias-establishments", path);

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        var data = await factory.CreateClient().DataAsync("{ establishments(first: 3) { nodes { name } } }");
        Assert.Contains(Name, data["establishments"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_utf16_file_is_refused_with_the_reason()
    {
        var path = Write("utf16_gias.csv", Encoding.Unicode);
        await using var factory = new AtlasFactory();

        var run = await factory.ImportAsync("gias-establishments", path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains("UTF-16", run.Message);
        Assert.Equal((0, 0, 0), await factory.CountRowsAsync());
    }
}
