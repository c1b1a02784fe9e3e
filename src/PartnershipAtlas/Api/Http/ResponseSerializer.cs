using System.Buffers;
using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.ObjectPool;

namespace PartnershipAtlas.Api.Http;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer (the same options and converters, so every answer is the same bytes), which
/// also writes an answer in one piece: serialized synchronously into pooled memory, then written with its
/// Content-Length, so Kestrel sends the headers and the body in one write instead of a chunked body and its end
/// (issue 20: on a loaded machine the socket writes were the largest share of `{ __typename }`'s time).
/// </summary>
public sealed class ResponseSerializer(IErrorInfoProvider errorInfoProvider) : GraphQLSerializer(errorInfoProvider)
{
    /// <summary>Buffers larger than this (a big answer's) are let go instead of kept for the next answer.</summary>
    private const int LargestKeptBuffer = 1 << 20;

    private readonly ObjectPool<ArrayBufferWriter<byte>> buffers = new DefaultObjectPool<ArrayBufferWriter<byte>>(new BufferPolicy(), Environment.ProcessorCount * 4);

    /// <summary>The UTF-8 JSON of <paramref name="value"/>.</summary>
    public byte[] ToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions);

    /// <summary>Writes <paramref name="value"/> as the whole response body, with its Content-Length, from a buffer kept for the next answer.</summary>
    public async Task WriteBodyAsync<T>(HttpResponse response, T value, CancellationToken cancellationToken)
    {
        var buffer = buffers.Get();
        try
        {
            await using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) JsonSerializer.Serialize(writer, value, SerializerOptions);
            response.ContentLength = buffer.WrittenCount;
            await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        }
        finally
        {
            buffers.Return(buffer);
        }
    }

    private JsonWriterOptions WriterOptions => new()
    {
        Encoder = SerializerOptions.Encoder,
        Indented = SerializerOptions.WriteIndented,
        IndentCharacter = SerializerOptions.IndentCharacter,
        IndentSize = SerializerOptions.IndentSize,
        NewLine = SerializerOptions.NewLine,
        MaxDepth = SerializerOptions.MaxDepth,
    };

    /// <summary>Answers' buffers: kept and emptied for the next answer, unless a big answer made them large.</summary>
    private sealed class BufferPolicy : PooledObjectPolicy<ArrayBufferWriter<byte>>
    {
        public override ArrayBufferWriter<byte> Create() => new(16 * 1024);

        public override bool Return(ArrayBufferWriter<byte> buffer)
        {
            if (buffer.Capacity > LargestKeptBuffer) return false;
            buffer.ResetWrittenCount();
            return true;
        }
    }
}
