using System.Text;

namespace PartnershipAtlas.Tests.Support;

/// <summary>Small files a test writes for itself (Windows-1252 and CRLF, as GIAS publishes), deleted when disposed.</summary>
public sealed class TempFiles : IDisposable
{
    static TempFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly string folder = Directory.CreateTempSubdirectory("atlas-files-").FullName;

    /// <summary>The folder the files are in, for a file a test writes itself.</summary>
    public string Folder => folder;

    /// <summary>Writes the lines under <paramref name="fileName"/> (the name carries the extract date, as DfE names files).</summary>
    public string Write(string fileName, IEnumerable<string> lines)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", Encoding.GetEncoding(1252));
        return path;
    }

    /// <summary>Copies a test data file from <c>TestData/</c>, optionally under another name.</summary>
    public string Copy(string testDataFile, string? fileName = null)
    {
        var path = Path.Combine(folder, fileName ?? testDataFile);
        File.Copy(Path.Combine(RealData.RepositoryRoot, "tests", "PartnershipAtlas.Tests", "TestData", testDataFile), path);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
