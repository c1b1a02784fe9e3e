using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Sylvan.Data.Csv;

namespace PartnershipAtlas.Attainment;

/// <summary>
/// The labels of performance-table fields, from the DfE field guides shipped in <c>FieldGuides/</c> (one per key
/// stage and exam year). A year without a guide takes the nearest year's label.
/// </summary>
public static partial class FieldGuide
{
    private static readonly Lazy<FrozenDictionary<(KeyStage, int), FrozenDictionary<string, string>>> Guides = new(LoadAll);

    public static string? Label(KeyStage keyStage, int year, string code) =>
        Guides.Value.Where(g => g.Key.Item1 == keyStage)
            .OrderBy(g => Math.Abs(g.Key.Item2 - year)).ThenByDescending(g => g.Key.Item2)
            .Select(g => g.Value.GetValueOrDefault(code))
            .FirstOrDefault(label => label is not null);

    /// <summary>The years that have a guide for the key stage.</summary>
    public static IEnumerable<int> Years(KeyStage keyStage) => Guides.Value.Keys.Where(k => k.Item1 == keyStage).Select(k => k.Item2).Order();

    private static FrozenDictionary<(KeyStage, int), FrozenDictionary<string, string>> LoadAll()
    {
        var assembly = typeof(FieldGuide).Assembly;
        var guides = new Dictionary<(KeyStage, int), FrozenDictionary<string, string>>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success) continue;
            var keyStage = Enum.Parse<KeyStage>(match.Groups[1].Value, ignoreCase: true);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            guides[(keyStage, int.Parse(match.Groups[2].Value))] = Read(stream);
        }
        return guides.ToFrozenDictionary();
    }

    /// <summary>Reads a guide: UTF-8 (with or without BOM) or, as some are, Windows-1252.</summary>
    private static FrozenDictionary<string, string> Read(Stream stream)
    {
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        string content;
        try
        {
            content = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.GetBuffer(), 0, (int)bytes.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            content = Encoding.GetEncoding(1252).GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
        }
        using var text = new StringReader(content);
        using var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, HeaderComparer = StringComparer.OrdinalIgnoreCase });
        var code = Ordinal(reader, "FieldName", "Field Name", "Metafile heading");
        var label = Ordinal(reader, "Label/Description", "Metafile description");
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            if (code >= reader.RowFieldCount || label >= reader.RowFieldCount) continue;
            var name = reader.GetString(code).Trim();
            if (name.Length > 0) labels.TryAdd(name, Whitespace().Replace(reader.GetString(label), " ").Trim());
        }
        return labels.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static int Ordinal(CsvDataReader reader, params string[] names)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (names.Contains(reader.GetName(i).Trim(), StringComparer.OrdinalIgnoreCase)) return i;
        }
        throw new InvalidDataException($"A field guide lacks a column named {string.Join(" or ", names)}.");
    }

    [GeneratedRegex(@"\.(ks[24])-(\d{4})\.csv$", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
