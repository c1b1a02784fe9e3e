using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Benchmarks;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// Batched loading: a three-level query over 10 and over 1,000 parents runs the same number of SQL statements
/// (counted by an EF Core command interceptor), so statements grow with the depth of a query, not its rows.
/// </summary>
public sealed class StatementCountTests(StatementCountTests.GeneratedStore store) : IClassFixture<StatementCountTests.GeneratedStore>
{
    public const int Partnerships = 100;
    public const int MembersEach = 10;

    /// <summary>A store with 100 generated partnerships of 10 members each (1,000 member establishments).</summary>
    public sealed class GeneratedStore : AtlasFactory, IAsyncLifetime
    {
        public StatementCounter Counter { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Atlas:Limits:MaxCost", "1000000");
            builder.ConfigureServices(services => services.InterceptStore(Counter));
        }

        public async Task InitializeAsync()
        {
            CreateClient();
            await WithStoreAsync(async db =>
            {
                for (var p = 0; p < Partnerships; p++)
                {
                    var partnership = new Partnership { Kind = PartnershipKind.MultiAcademyTrust, Name = $"Generated trust {p}", SourceKey = $"GENERATED:{p}" };
                    for (var m = 0; m < MembersEach; m++)
                    {
                        var establishment = new Establishment { Urn = 100_000 + p * MembersEach + m, Name = $"Generated school {p}/{m}" };
                        partnership.Memberships.Add(new Membership { Establishment = establishment, Source = "generated", Role = MembershipRole.Member });
                    }
                    db.Partnerships.Add(partnership);
                }
                return await db.SaveChangesAsync();
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string ThreeLevels = """
        query($parents: Int) { partnerships(first: $parents) { nodes { name memberCount
          members(first: 10) { totalCount nodes { role establishment { name memberships { partnership { name } } } } } } } }
        """;

    private async Task<(int Statements, int Members)> RunAsync(int parents)
    {
        var client = store.CreateClient();
        store.Counter.Reset();
        var data = await client.DataAsync(ThreeLevels, new { parents });
        var statements = store.Counter.Count;
        var members = data["partnerships"]!["nodes"]!.AsArray().Sum(p => p!["members"]!["nodes"]!.AsArray().Count);
        return (statements, members);
    }

    [Fact]
    public async Task Ten_and_a_thousand_parents_take_the_same_number_of_statements()
    {
        var few = await RunAsync(1);
        var many = await RunAsync(Partnerships);

        Assert.Equal(MembersEach, few.Members);
        Assert.Equal(Partnerships * MembersEach, many.Members);
        Assert.Equal(few.Statements, many.Statements);
        Assert.InRange(many.Statements, 1, 10);
    }
}
