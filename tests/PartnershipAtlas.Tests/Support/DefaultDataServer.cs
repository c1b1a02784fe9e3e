namespace PartnershipAtlas.Tests.Support;

/// <summary>The server on a real loopback port with the shipped default data loaded, as a first start leaves it.</summary>
public sealed class DefaultDataServer : AtlasFactory, IAsyncLifetime
{
    public string BaseUrl { get; private set; } = "";

    protected override bool LoadDefaultData => true;

    public Task InitializeAsync()
    {
        BaseUrl = StartOnLoopback();
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
