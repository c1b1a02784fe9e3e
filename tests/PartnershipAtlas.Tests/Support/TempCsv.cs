namespace PartnershipAtlas.Tests.Support;

/// <summary>A small CSV file a test writes for itself (name chosen by the test, in its own folder), deleted afterwards.</summary>
public sealed class TempCsv : IDisposable
{
    private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"atlas-csv-{Guid.NewGuid():N}");

    public TempCsv(string fileName, params string[] lines)
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, fileName);
        File.WriteAllText(Path, string.Join("\r\n", lines) + "\r\n");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
