using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
            builder.UseSetting("Atlas:Limits:CostPerMinute", "100000000");
            builder.ConfigureServices(services => services.InterceptStore(Counter));
        }

        public async Task InitializeAsync()
        {
            CreateClient();
            var trusts = new List<Partnership>();
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
                    trusts.Add(partnership);
                }
                for (var p = 0; p < Partnerships; p++)
                {
                    var umbrella = new Partnership { Kind = PartnershipKind.UmbrellaTrust, Name = $"Generated umbrella {p}", SourceKey = $"GENERATED:UMBRELLA:{p}" };
                    umbrella.Memberships.Add(new Membership { MemberPartnership = trusts[p], Source = "generated", Role = MembershipRole.Member });
                    var alliance = new Partnership { Kind = PartnershipKind.Other, Name = $"Generated alliance {p}", SourceKey = $"GENERATED:ALLIANCE:{p}" };
                    alliance.Memberships.Add(new Membership { MemberPartnership = umbrella, Source = "generated", Role = MembershipRole.Member });
                    db.Partnerships.AddRange(umbrella, alliance);
                }
                return await db.SaveChangesAsync();
            });
            await this.CreateClient().DataAsync(ThreeLevels, new { parents = 2 }); // today's membership index read once, so that every count below uses it (2 parents: the response cache keeps no answer the counts ask for)
            await Services.GetRequiredService<ActiveMembershipIndexes>().WhenReadAsync();
            await Services.GetRequiredService<HeldEstablishments>().WhenReadAsync(); // and the held rows, which answer the schools by URN
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
    /// <summary>Alliances holding an umbrella trust holding a trust of 10 schools: networks two deep.</summary>
    private const string Nested = """
        query($parents: Int) { partnerships(first: $parents, kinds: [OTHER]) { nodes { name
          memberNetworks { name memberNetworks { name partOf { name } } }
          memberCount(includeNested: true)
          members(includeNested: true, first: 20) { totalCount nodes { memberPartnership { name } establishment { name } } } } } }
        """;

    [Fact]
    public async Task Nested_networks_take_the_same_statements_for_one_and_a_hundred_parents()
    {
        var client = store.CreateClient();
        store.Counter.Reset();
        var one = await client.DataAsync(Nested, new { parents = 1 });
        var few = store.Counter.Count;
        store.Counter.Reset();
        var many = await client.DataAsync(Nested, new { parents = Partnerships });
        var statements = store.Counter.Count;

        var alliances = many["partnerships"]!["nodes"]!.AsArray();
        Assert.Equal(Partnerships, alliances.Count);
        Assert.All(alliances, a => Assert.Equal(2 + MembersEach, a!["memberCount"]!.GetValue<int>()));
        Assert.All(alliances, a => Assert.Equal(2 + MembersEach, a!["members"]!["nodes"]!.AsArray().Count));
        var umbrella = one["partnerships"]!["nodes"]![0]!["memberNetworks"]![0]!;
        Assert.Equal("Generated umbrella 0", umbrella["name"]!.GetValue<string>());
        Assert.Equal("Generated umbrella 0", umbrella["memberNetworks"]![0]!["partOf"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(few, statements);
        // Per nested read: one statement per level of nesting (and one more finding none), then one for the members.
        Assert.InRange(statements, 1, 6 + 2 * (NestingDepth + 2));
    }

    /// <summary>The nesting depth of the generated alliances; nested reads take one statement per level.</summary>
    private const int NestingDepth = 2;
}
