using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace PartnershipAtlas.Api.Http;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer (the same options and converters, so every answer is the same bytes), which
/// also writes an answer in one piece: serialized synchronously into pooled memory, then written with its
/// Content-Length, so Kestrel sends the headers and the body in one write instead of a chunked body and its end
/// (issue 20: on a loaded machine the socket writes were the largest share of `{ __typename }`'s time).
/// </summary>
public sealed class ResponseSerializer(IErrorInfoProvider errorInfoProvider) : GraphQLSerializer(errorInfoProvider)
{
    /// <summary>The UTF-8 JSON of <paramref name="value"/>.</summary>
    public byte[] ToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions);

    /// <summary>Writes <paramref name="value"/> as the whole response body, with its Content-Length.</summary>
    public Task WriteBodyAsync<T>(HttpResponse response, T value, CancellationToken cancellationToken)
    {
        var body = ToUtf8Bytes(value);
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length, cancellationToken);
    }
}
