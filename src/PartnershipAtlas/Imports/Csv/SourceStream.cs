using System.IO.Compression;

namespace PartnershipAtlas.Imports.Csv;

/// <summary>
/// Opens a source file for reading. A <c>.gz</c> file is read decompressed, so a published file can be kept
/// gzip-compressed, byte for byte the same once decompressed (the default data keeps its files over 2 MiB so).
/// </summary>
public static class SourceStream
{
    public const string CompressedSuffix = ".gz";

    /// <summary>The file patterns an import folder is searched with: CSV files and gzip-compressed CSV files.</summary>
    public static readonly string[] CsvPatterns = ["*.csv", "*.csv" + CompressedSuffix];

    public static bool IsCompressed(string path) => path.EndsWith(CompressedSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The published file's name: <c>england_census.csv</c> for <c>england_census.csv.gz</c>.</summary>
    public static string PublishedName(string path)
    {
        var name = Path.GetFileName(path);
        return IsCompressed(name) ? name[..^CompressedSuffix.Length] : name;
    }

    /// <summary>A folder's CSV files, compressed or not (searched as <paramref name="option"/> says).</summary>
    public static IEnumerable<string> CsvFiles(string folder, SearchOption option = SearchOption.TopDirectoryOnly) =>
        CsvPatterns.SelectMany(pattern => Directory.EnumerateFiles(folder, pattern, option));

    /// <summary>
    /// Whether a gzip file's trailer (its last four bytes: the decompressed length, modulo 2^32) agrees with the length
    /// it decompressed to. .NET's <see cref="GZipStream"/> ends quietly at a cut, so this is what tells a copy cut short.
    /// </summary>
    public static bool TrailerMatches(FileStream file, long decompressedLength)
    {
        if (file.Length < 4) return false;
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer) == (uint)decompressedLength;
    }

    /// <summary>The content to read and the file underneath it (whose position and length measure progress).</summary>
    public static (Stream Content, FileStream File) Open(string path, bool useAsync = false)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync);
        return (IsCompressed(path) ? new GZipStream(file, CompressionMode.Decompress) : file, file);
    }
}
