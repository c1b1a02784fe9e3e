using System.Security.Cryptography;
using System.Text;

namespace PartnershipAtlas.Imports.Csv;

/// <summary>What one streaming pass over a file tells before it is parsed: its hash, encoding and shape.</summary>
public sealed record SourceFile(string Path, long Length, string Sha256, Encoding Encoding, bool HasUtf8Bom, bool HasUtf16Bom, bool EndsWithLineBreak, long? FirstNulByte, string? Unreadable = null)
{
    /// <summary>The published file's name (without <c>.gz</c> for a compressed copy).</summary>
    public string FileName => SourceStream.PublishedName(Path);

    public string EncodingName => Encoding.CodePage == 1252 ? "windows-1252" : HasUtf8Bom ? "utf-8 (BOM)" : "utf-8";

    static SourceFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Reads the file once: SHA-256, UTF-8 validity (else Windows-1252, as GIAS writes), NUL bytes, final line break.
    /// A <c>.gz</c> file is measured decompressed (its hash is the published file's); one that cannot be
    /// decompressed is <see cref="Unreadable"/>.
    /// </summary>
    public static async Task<SourceFile> InspectAsync(string path, CancellationToken cancellationToken)
    {
        var (stream, file) = SourceStream.Open(path, useAsync: true);
        await using var _ = file;
        await using var __ = stream;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var validUtf8 = true;
        long? firstNul = null;
        long offset = 0;
        byte last = 0;
        var head = new byte[3];
        var headLength = 0;
        var buffer = new byte[1 << 16];
        int read;
        string? unreadable = null;
        while ((read = await ReadAsync(stream, buffer, e => unreadable = e, cancellationToken)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            hash.AppendData(chunk);
            for (; headLength < 3 && headLength < read; headLength++) head[headLength] = chunk[headLength];
            if (firstNul is null && chunk.IndexOf((byte)0) is var nul and >= 0) firstNul = offset + nul;
            if (validUtf8) validUtf8 = TryDecode(utf8, chunk);
            last = chunk[^1];
            offset += read;
        }

        if (unreadable is null && SourceStream.IsCompressed(path) && !SourceStream.TrailerMatches(file, offset))
            unreadable = $"it is not a whole gzip file (it ends after {offset:N0} decompressed bytes, not the length its trailer gives: cut short?)";
        var bom = headLength == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
        var utf16 = headLength >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        var encoding = validUtf8 ? new UTF8Encoding(false) : Encoding.GetEncoding(1252);
        return new SourceFile(path, offset, Convert.ToHexStringLower(hash.GetHashAndReset()), encoding, bom, utf16, last == (byte)'\n', firstNul, unreadable);
    }

    private static async Task<int> ReadAsync(Stream stream, byte[] buffer, Action<string> unreadable, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            unreadable($"it is not a readable gzip file ({e.Message})");
            return 0;
        }
    }

    private static bool TryDecode(Decoder decoder, ReadOnlySpan<byte> chunk)
    {
        try
        {
            decoder.GetCharCount(chunk, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
