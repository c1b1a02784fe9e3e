using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using PartnershipAtlas.Api.Auth;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Audit;

/// <summary>
/// Every successful mutation and <c>import partnerships</c> leaves an audit entry (actor by key name, operation, before
/// and after) readable by an admin key only; a refused mutation (wrong, expired or editor-less key, or bad input)
/// leaves none, only a refused-request metric.
/// </summary>
public sealed class AuditLogTests(AuditLogTests.Server server) : IClassFixture<AuditLogTests.Server>
{
    public const string EditorKey = "audit-editor-secret";
    public const string AdminKey = "audit-admin-secret";
    public const string ExpiredKey = "audit-expired-secret";
    public const string ReaderKey = "audit-reader-secret";

    public sealed class Server : AtlasFactory, IAsyncLifetime
    {
        public int[] Urns { get; private set; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var keys = new (string Name, string Key, string Role, string? Expires)[]
            {
                ("maps-team", EditorKey, "editor", null), ("auditor", AdminKey, "admin", null), ("old-editor", ExpiredKey, "editor", "2020-01-01"), ("viewer", ReaderKey, "reader", null),
            };
            for (var i = 0; i < keys.Length; i++)
            {
                builder.UseSetting($"Atlas:ApiKeys:{i}:Name", keys[i].Name);
                builder.UseSetting($"Atlas:ApiKeys:{i}:Sha256", ApiKeyAuthentication.Hash(keys[i].Key));
                builder.UseSetting($"Atlas:ApiKeys:{i}:Roles:0", keys[i].Role);
                if (keys[i].Expires is { } expires) builder.UseSetting($"Atlas:ApiKeys:{i}:Expires", expires);
            }
            builder.UseSetting(ApiKeyStore.FileKey, Path.Combine(Path.GetTempPath(), $"no-keys-{Guid.NewGuid():N}.json"));
        }

        public async Task InitializeAsync()
        {
            var export = new CsvRecount(RealData.GiasExport2022);
            Urns = export.Rows.Where(r => export.Value(r, "EstablishmentStatus (name)") == "Open").Select(r => int.Parse(export.Value(r, "URN"), CultureInfo.InvariantCulture)).Take(5).ToArray();
            await ImportAsync("gias-establishments", RealData.GiasExport2022);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const string Create = "mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }";
    private const string Add = "mutation($input: AddMemberInput!) { addMember(input: $input) { id } }";
    private const string End = "mutation($input: EndMembershipInput!) { endMembership(input: $input) { id left } }";
    private const string Log = "query($where: AuditEntryFilterInput, $first: Int, $after: String) { auditLog(where: $where, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id at actor operation before after } } }";

    private async Task<JsonNode> SendAsync(string? key, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        using var response = await server.CreateClient().SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<JsonNode> EditAsync(string query, object variables)
    {
        var result = await SendAsync(EditorKey, query, variables);
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!;
    }

    private async Task<List<JsonNode>> EntriesAsync(object? where = null)
    {
        var result = await SendAsync(AdminKey, Log, new { where, first = 50 });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return [.. result["data"]!["auditLog"]!["nodes"]!.AsArray().Select(n => n!)];
    }

    [Fact]
    public async Task Each_successful_mutation_has_an_entry_naming_the_key_with_before_and_after()
    {
        var name = $"Audited cluster {Guid.NewGuid():N}";
        var id = (await EditAsync(Create, new { input = new { kind = "PROGRAMME_CLUSTER", name } }))["createPartnership"]!["id"]!.GetValue<string>();
        var member = (await EditAsync(Add, new { input = new { partnershipId = id, urn = server.Urns[0], joined = "2021-09-01" } }))["addMember"]!["id"]!.GetValue<string>();
        await EditAsync(End, new { input = new { membershipId = member, left = "2022-08-31" } });

        var entries = (await EntriesAsync()).Where(e => e["after"]!.ToString().Contains(name, StringComparison.Ordinal) || e["operation"]!.GetValue<string>() != "createPartnership").ToList();
        var created = entries.Single(e => e["operation"]!.GetValue<string>() == "createPartnership");
        var added = entries.Last(e => e["operation"]!.GetValue<string>() == "addMember");
        var ended = entries.Last(e => e["operation"]!.GetValue<string>() == "endMembership");

        Assert.All(new[] { created, added, ended }, e => Assert.Equal("maps-team", e["actor"]!.GetValue<string>()));
        Assert.Null(created["before"]);
        Assert.Contains(name, created["after"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"\"EstablishmentUrn\":{server.Urns[0]}", added["after"]!.GetValue<string>(), StringComparison.Ordinal);
        var before = JsonNode.Parse(ended["before"]!.GetValue<string>())!.AsObject().Single();
        var after = JsonNode.Parse(ended["after"]!.GetValue<string>())!.AsObject().Single();
        Assert.StartsWith("Membership#", before.Key, StringComparison.Ordinal);
        Assert.Null(before.Value!["Left"]);
        Assert.Equal("2022-08-31", after.Value!["Left"]!.GetValue<string>());
        Assert.DoesNotContain(EditorKey, (await SendAsync(AdminKey, Log, new { first = 100 })).ToJsonString(), StringComparison.Ordinal);
    }

    public static TheoryData<string?, string, string> Refused => new()
    {
        { null, "AUTH_NOT_AUTHENTICATED", "not_authenticated" },
        { "wrong-secret", "AUTH_NOT_AUTHENTICATED", "not_authenticated" },
        { ExpiredKey, "AUTH_KEY_EXPIRED", "expired" },
        { ReaderKey, "AUTH_NOT_AUTHORIZED", "not_authorized" },
        { AdminKey, "AUTH_NOT_AUTHORIZED", "not_authorized" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_mutation_leaves_no_entry_only_a_refused_request_metric(string? key, string code, string reason)
    {
        var entriesBefore = (await EntriesAsync()).Count;
        var refusedBefore = await RefusedCountAsync(reason);

        var result = await SendAsync(key, Create, new { input = new { kind = "PROGRAMME_CLUSTER", name = "Never written" } });

        Assert.Equal(code, result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(entriesBefore, (await EntriesAsync()).Count);
        Assert.DoesNotContain("Never written", (await SendAsync(AdminKey, Log, new { first = 100 })).ToJsonString(), StringComparison.Ordinal);
        // The scrape endpoint keeps its answer for a moment, so the count is polled.
        Assert.True(await Eventually.WaitForAsync(async () => await RefusedCountAsync(reason) > refusedBefore), $"atlas_auth_refused_total for {reason} did not rise");
    }

    [Fact]
    public async Task A_mutation_refused_for_its_input_leaves_no_entry()
    {
        var entriesBefore = (await EntriesAsync()).Count;

        var result = await SendAsync(EditorKey, Create, new { input = new { kind = "PROGRAMME_CLUSTER", name = "Bad dates", openDate = "2022-01-01", closeDate = "2021-01-01" } });

        Assert.Equal("INVALID_DATE_RANGE", result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(entriesBefore, (await EntriesAsync()).Count);
    }

    [Theory]
    [InlineData(null, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(EditorKey, "AUTH_NOT_AUTHORIZED")]
    [InlineData(ExpiredKey, "AUTH_KEY_EXPIRED")]
    public async Task Only_an_admin_key_reads_the_audit_log(string? key, string code)
    {
        await EditAsync(Create, new { input = new { kind = "PROGRAMME_CLUSTER", name = $"Secret cluster {Guid.NewGuid():N}" } });
        await EntriesAsync();

        var result = await SendAsync(key, Log, new { first = 50 });

        Assert.Equal(code, result["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(result["data"]?["auditLog"]);
    }

    [Fact]
    public async Task The_audit_log_filters_by_where_and_pages_with_cursors()
    {
        for (var i = 0; i < 3; i++) await EditAsync(Create, new { input = new { kind = "THEMATIC", name = $"Paged network {i} {Guid.NewGuid():N}" } });

        var created = await EntriesAsync(new { operation = new { eq = "createPartnership" } });
        var first = (await SendAsync(AdminKey, Log, new { where = new { operation = new { eq = "createPartnership" } }, first = 2 }))["data"]!["auditLog"]!;
        var rest = (await SendAsync(AdminKey, Log, new { where = new { operation = new { eq = "createPartnership" } }, first = 50, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))["data"]!["auditLog"]!;

        Assert.True(created.Count >= 3);
        Assert.All(created, e => Assert.Equal("createPartnership", e["operation"]!.GetValue<string>()));
        Assert.Equal(created.Count, first["totalCount"]!.GetValue<int>());
        Assert.Equal(created.Select(e => e["id"]!.ToString()), first["nodes"]!.AsArray().Concat(rest["nodes"]!.AsArray()).Select(e => e!["id"]!.ToString()));
    }

    [Fact]
    public async Task An_import_of_the_partnerships_file_has_an_entry_and_a_refused_file_none()
    {
        using var good = new TempCsv("audited-partnerships.csv",
            [PartnershipsFileTests.Header, "partnership,AUD1,THEMATIC,Audited thematic,,,2020-09-01,,,,,,,,,,,,,",
             $"member,AUD1,,,,,,,{server.Urns[1]},,,LEAD,2020-09-01,,,,,,,", $"member,AUD1,,,,,,,{server.Urns[2]},,,MEMBER,2020-09-01,,,,,,,"]);
        using var bad = new TempCsv("refused-partnerships.csv", [PartnershipsFileTests.Header, "partnership,AUD2,OPPORTUNITY_AREA,Refused,,,,,,,,,,,,,,,,"]);

        var run = await server.ImportAsync("partnerships", good.Path);
        var refused = await server.ImportAsync("partnerships", bad.Path);

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal(ImportStatus.Failed, refused.Status);
        var entry = Assert.Single(await EntriesAsync(new { operation = new { eq = "import partnerships" } }));
        Assert.Equal("command-line", entry["actor"]!.GetValue<string>());
        var before = JsonNode.Parse(entry["before"]!.GetValue<string>())!;
        var after = JsonNode.Parse(entry["after"]!.GetValue<string>())!;
        Assert.Equal(before["memberships"]!.GetValue<long>() + 2, after["memberships"]!.GetValue<long>());
        Assert.Equal(before["partnerships"]!.GetValue<long>() + 1, after["partnerships"]!.GetValue<long>());
        Assert.Equal(run.Id, after["run"]!["Id"]!.GetValue<long>());
        Assert.Equal("audited-partnerships.csv", after["run"]!["FileName"]!.GetValue<string>());
    }

    private async Task<double> RefusedCountAsync(string reason)
    {
        var metrics = await server.CreateClient().GetStringAsync("/metrics");
        return Regex.Matches(metrics, $"atlas_auth_refused_total\\{{[^}}]*reason=\"{reason}\"[^}}]*\\}} (\\d+)")
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }
}
