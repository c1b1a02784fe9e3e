using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// The printed schema is a committed contract: <c>schema/schema.graphql</c> must equal the server's. After a deliberate
/// change, regenerate it with <c>UPDATE_SCHEMA=1 dotnet test --filter SchemaTests</c> and commit both.
/// </summary>
public sealed class SchemaTests(AtlasFactory factory) : IClassFixture<AtlasFactory>
{
    private static string SchemaFile => Path.Combine(RealData.RepositoryRoot, "schema", "schema.graphql");

    [Fact]
    public void The_committed_schema_equals_the_servers()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        var printed = schema.Print(new GraphQL.Utilities.PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(SchemaFile, printed);

        Assert.True(File.Exists(SchemaFile), $"{SchemaFile} is missing: run UPDATE_SCHEMA=1 dotnet test --filter SchemaTests");
        Assert.Equal(File.ReadAllText(SchemaFile).ReplaceLineEndings("\n"), printed);
    }

    [Fact]
    public void Every_type_and_field_has_a_description()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var undocumented = schema.AllTypes
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType)
            .SelectMany(t => (t.Description is null ? [t.Name] : Array.Empty<string>())
                .Concat(t is IComplexGraphType complex ? complex.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{t.Name}.{f.Name}") : []))
            .ToList();

        Assert.Empty(undocumented);
    }
}
