namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// Tests that measure the whole process (its managed heap) join this collection: xUnit runs it after every parallel
/// collection has finished, one test at a time, so another test's allocations cannot show up in the measurement.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone (measures the whole process)";
}
