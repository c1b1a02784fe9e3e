using System.Buffers;

namespace PartnershipAtlas.Api.Limits;

/// <summary>Reads a request body up to a size limit (whatever the transport enforces).</summary>
public static class RequestBody
{
    /// <summary>The body's bytes, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    /// <remarks>A body with a Content-Length is read straight into an array of its size; others through a pooled buffer.</remarks>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        if (request.ContentLength is long length)
        {
            var exact = new byte[length];
            var filled = await request.Body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
            if (filled < exact.Length) return exact[..filled];
            return await request.Body.ReadAsync(new byte[1], cancellationToken) == 0 ? exact : null;
        }
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var buffer = new MemoryStream();
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
