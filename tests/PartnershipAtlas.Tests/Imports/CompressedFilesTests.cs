using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>
/// A <c>.csv.gz</c> file imports as the published CSV it holds: the default data keeps its files over 2 MiB so, and a
/// gzip copy that cannot be read is refused whole.
/// </summary>
public sealed class CompressedFilesTests
{
    private const long TwoMebibytes = 2L << 20;

    private static string DefaultDataFolder => Path.Combine(RealData.RepositoryRoot, "data", "default");

    [Fact]
    public void Every_shipped_default_file_is_under_2_MiB_and_each_compressed_copy_is_the_published_file_byte_for_byte()
    {
        var files = SourceStream.CsvFiles(DefaultDataFolder, SearchOption.AllDirectories).ToList();
        Assert.All(files, f => Assert.True(new FileInfo(f).Length < TwoMebibytes, $"{f} is {new FileInfo(f).Length:N0} bytes"));

        var compressed = files.Where(SourceStream.IsCompressed).ToList();
        Assert.NotEmpty(compressed);
        foreach (var copy in compressed)
        {
            var published = Directory.EnumerateFiles(RealData.Folder, SourceStream.PublishedName(copy), SearchOption.AllDirectories).Single();
            Assert.Equal(Sha256(File.OpenRead(published)), Sha256(new GZipStream(File.OpenRead(copy), CompressionMode.Decompress)));
        }
    }

    [Fact]
    public async Task A_compressed_file_imports_as_the_csv_it_holds_under_the_published_name()
    {
        using var files = new TempFiles();
        var plain = RealData.GiasLinks2023;
        var copy = Compress(plain, Path.Combine(files.Folder, Path.GetFileName(plain) + ".gz"));
        await using var viaCsv = new AtlasFactory();
        await using var viaGzip = new AtlasFactory();

        var expected = await viaCsv.ImportAsync("gias-links", plain);
        var run = await viaGzip.ImportAsync("gias-links", copy);

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal((expected.FileName, expected.ContentHash, expected.ExtractDate), (run.FileName, run.ContentHash, run.ExtractDate));
        Assert.Equal((expected.RowsRead, expected.RowsInserted, 0), (run.RowsRead, run.RowsInserted, run.RowsRejected));
        Assert.Equal(
            await viaCsv.WithStoreAsync(db => db.EstablishmentLinks.CountAsync()),
            await viaGzip.WithStoreAsync(db => db.EstablishmentLinks.CountAsync()));
    }

    [Fact]
    public async Task A_cut_short_gzip_file_is_refused_and_nothing_is_applied()
    {
        using var files = new TempFiles();
        var whole = Compress(RealData.GiasLinks2023, Path.Combine(files.Folder, "whole.csv.gz"));
        var bytes = await File.ReadAllBytesAsync(whole);
        var cut = Path.Combine(files.Folder, Path.GetFileName(RealData.GiasLinks2023) + ".gz");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);
        await using var factory = new AtlasFactory();

        var run = await factory.ImportAsync("gias-links", cut);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains(Path.GetFileName(RealData.GiasLinks2023), run.Message);
        Assert.Contains("gzip", run.Message);
        Assert.Equal(0, await factory.WithStoreAsync(db => db.EstablishmentLinks.CountAsync()));
    }

    private static string Compress(string source, string target)
    {
        using (var input = File.OpenRead(source))
        using (var output = new GZipStream(File.Create(target), CompressionLevel.Fastest))
            input.CopyTo(output);
        return target;
    }

    private static string Sha256(Stream stream)
    {
        using (stream) return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
