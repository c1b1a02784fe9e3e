using Microsoft.AspNetCore.Hosting;

namespace PartnershipAtlas.Tests.Support;

/// <summary>The real server with some configuration keys set (limits, persisted documents, …).</summary>
public sealed class ConfiguredAtlasFactory(IReadOnlyDictionary<string, string> settings) : AtlasFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
