using System.Text;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>
/// Bad files: each is refused whole with a clear message (and a non-zero exit on the command line), and the store
/// keeps exactly what it had (a real import first, then the bad file).
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly AtlasFactory factory = new();
    private readonly string folder = Directory.CreateTempSubdirectory("atlas-bad-input").FullName;

    public async Task InitializeAsync() => Assert.Equal(ImportStatus.Succeeded, (await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021)).Status);

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static byte[] Real => File.ReadAllBytes(RealData.GiasExport2022);

    public static TheoryData<string, string> BadFiles => new()
    {
        { "missing-column", "missing required column 'URN'" },
        { "truncated", "truncated" },
        { "binary", "not a text file" },
        { "json", "missing required columns 'URN', 'EstablishmentName'" },
        { "header-only", "header but no rows" },
        { "too-many-bad-rows", "rows were rejected" },
        { "empty", "the file is empty" },
    };

    private string Write(string kind)
    {
        var path = Path.Combine(folder, $"{kind}_gias.csv");
        var real = Real;
        var lines = Encoding.Latin1.GetString(real).Split("\r\n");
        byte[] bytes = kind switch
        {
            "missing-column" => Encoding.Latin1.GetBytes(string.Join("\r\n", [lines[0].Replace("\"URN\"", "\"SchoolRef\""), .. lines[1..50]])),
            "truncated" => real[..(real.Length / 2)],
            "binary" => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256))],
            "json" => Encoding.UTF8.GetBytes("""{"establishments": [{"urn": 1}]}"""),
            "header-only" => Encoding.Latin1.GetBytes(lines[0] + "\r\n"),
            "too-many-bad-rows" => Encoding.Latin1.GetBytes(string.Join("\r\n", [lines[0], .. lines[1..40], .. lines[40..45].Select(l => "\"NOT-A-URN\"" + l[l.IndexOf(',')..])]) + "\r\n"),
            "empty" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_clear_message_and_changes_nothing(string kind, string message)
    {
        var before = await factory.CountRowsAsync();
        var path = Write(kind);

        var run = await factory.ImportAsync("gias-establishments", path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains(message, run.Message);
        Assert.Contains(Path.GetFileName(path), run.Message);
        Assert.Equal(before, await factory.CountRowsAsync());
    }

    [Theory]
    [InlineData("missing-column", "missing required column 'URN'")]
    [InlineData("truncated", "truncated")]
    [InlineData("binary", "not a text file")]
    public async Task The_command_line_exits_non_zero_on_a_bad_file_and_changes_nothing(string kind, string message)
    {
        var before = await factory.CountRowsAsync();
        var path = Write(kind);

        var result = await AtlasCli.RunAsync(factory, "import", "gias-establishments", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Output);
        Assert.Contains(Path.GetFileName(path), result.Output);
        Assert.Equal(before, await factory.CountRowsAsync());
    }

    [Fact]
    public async Task A_few_bad_rows_are_rejected_with_line_and_reason_and_the_rest_applies()
    {
        var lines = Encoding.Latin1.GetString(Real).Split("\r\n");
        var path = Path.Combine(folder, "one-bad-row.csv");
        File.WriteAllText(path, string.Join("\r\n", [lines[0], .. lines[1..200], "\"12X\"" + lines[200][lines[200].IndexOf(',')..]]) + "\r\n", Encoding.Latin1);

        var run = await factory.ImportAsync("gias-establishments", path);

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal(200, run.RowsRead);
        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(201, rejection.Line);
        Assert.Equal("URN '12X' is not a positive whole number", rejection.Reason);
    }

    [Fact]
    public async Task A_good_file_through_the_command_line_exits_zero_with_a_summary()
    {
        var result = await AtlasCli.RunAsync(factory, "import", "gias-establishments", RealData.GiasNarrow2021);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("succeeded", result.Output);
        Assert.Contains("read 729", result.Output);
    }

    [Fact]
    public async Task An_unknown_dataset_or_missing_file_is_an_error()
    {
        var unknown = await AtlasCli.RunAsync(factory, "import", "no-such-dataset", RealData.GiasNarrow2021);
        var missing = await AtlasCli.RunAsync(factory, "import", "gias-establishments", Path.Combine(folder, "nope.csv"));

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown dataset 'no-such-dataset'", unknown.Output);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("File not found", missing.Output);
    }
}
