using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using PartnershipAtlas.Benchmarks;

namespace PartnershipAtlas.Tests.Support;

public static class StatementCounterClients
{
    /// <summary>A client of the same server and store whose SQL statements this counter counts.</summary>
    public static HttpClient ClientFor(this StatementCounter counter, WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.InterceptStore(counter))).CreateClient();
}
