using System.Text;

namespace PartnershipAtlas.Api;

/// <summary>Opaque global ids, as HotChocolate writes them: base64 of <c>TypeName:key</c>.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, object key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    public static (string TypeName, string Key)? Decode(string id)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(id));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
