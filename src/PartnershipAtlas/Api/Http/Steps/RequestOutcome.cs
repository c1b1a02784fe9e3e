using GraphQL;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>How a request ended, as telemetry counts it: <c>ok</c>, <c>partial</c> (ran with errors) or <c>rejected</c> (did not run).</summary>
public static class RequestOutcome
{
    public const string Ok = "ok";

    public static string Of(ExecutionResult result) => result.Errors is { Count: > 0 } ? (result.Executed ? "partial" : "rejected") : Ok;
}
