using Sylvan.Data.Csv;

namespace PartnershipAtlas.Imports.Csv;

/// <summary>
/// Streams the records of a CSV file, maps columns by header name and knows the line each record starts on
/// (records may hold quoted line breaks, so records and lines differ).
/// </summary>
public sealed class CsvRows : IDisposable
{
    private readonly CsvDataReader reader;
    private readonly Dictionary<string, int> ordinals = new(StringComparer.OrdinalIgnoreCase);
    private int nextLine;
    private bool lastRecordShort;
    private bool lastRecordInQuote;

    private readonly Stream stream;

    private CsvRows(CsvDataReader reader, Stream stream)
    {
        this.reader = reader;
        this.stream = stream;
        for (var i = 0; i < reader.FieldCount; i++) ordinals.TryAdd(reader.GetName(i).Trim(), i);
        nextLine = 2;
    }

    public IReadOnlyCollection<string> Headers => ordinals.Keys;

    public int HeaderCount => reader.FieldCount;

    /// <summary>The 1-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>How many fields the current record has (ragged files have more or fewer than the header).</summary>
    public int RowFieldCount => reader.RowFieldCount;

    /// <summary>
    /// Whether the file stops inside its last record (fewer fields than the header, or an open quote): the file was
    /// cut short, so it is refused whole rather than losing its last row quietly. Read after the last record.
    /// </summary>
    /// <param name="shortRowsAreNormal">The dataset publishes short rows, so only an open quote counts.</param>
    public bool EndsMidRecord(SourceFile file, bool shortRowsAreNormal = false) =>
        !file.EndsWithLineBreak && (lastRecordInQuote || (lastRecordShort && !shortRowsAreNormal));

    public static CsvRows Open(SourceFile file)
    {
        var (content, underlying) = SourceStream.Open(file.Path);
        var text = new StreamReader(content, file.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var options = new CsvDataReaderOptions
        {
            Delimiter = ',',
            HasHeaders = true,
            OwnsReader = true,
            HeaderComparer = StringComparer.OrdinalIgnoreCase,
            MaxBufferSize = 1 << 22,
        };
        try
        {
            return new CsvRows(CsvDataReader.Create(text, options), underlying);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>The ordinal of the first of these header names that the file has.</summary>
    public int? Find(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (ordinals.TryGetValue(name, out var ordinal)) return ordinal;
        }
        return null;
    }

    /// <summary>Told how far the file has been read, every <see cref="ProgressEvery"/> records.</summary>
    public IProgress<ImportProgress>? Progress { get; set; }

    public const int ProgressEvery = 1000;

    private int records;

    public async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken)) return false;
        if (++records % ProgressEvery == 0) Progress?.Report(new ImportProgress(records, stream.Position, stream.Length));
        Line = nextLine;
        var raw = reader.GetRawRecordSpan();
        nextLine += CountLineBreaks(raw);
        lastRecordShort = reader.RowFieldCount < reader.FieldCount;
        lastRecordInQuote = raw.Count('"') % 2 == 1;
        return true;
    }

    /// <summary>The trimmed value of a field, or an empty string when the column or the field is absent.</summary>
    public string Get(int? ordinal) =>
        ordinal is int i && i < reader.RowFieldCount ? reader.GetString(i).Trim() : string.Empty;

    /// <summary>The field as published (not trimmed: a single space is a marker of its own).</summary>
    public string GetRaw(int ordinal) => ordinal < reader.RowFieldCount ? reader.GetString(ordinal) : string.Empty;

    private static int CountLineBreaks(ReadOnlySpan<char> raw)
    {
        var count = raw.Count('\n');
        return count == 0 ? 1 : count;
    }

    public void Dispose() => reader.Dispose();
}
