using GraphQL;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// Why a step stopped a request before it ran: the error to answer with, and its status (null: the spec's status for a
/// document that could not run, 400 in graphql-response+json and 200 in application/json). <see cref="Allow"/> fills
/// the header of a 405.
/// </summary>
public sealed record Refusal(int? Status, ExecutionResult Result, string? Allow = null)
{
    public static Refusal Of(int status, string message, string? allow = null) => Of(status, new RequestError(message), allow);

    public static Refusal Of(int status, ExecutionError error, string? allow = null) => new(status, new ExecutionResult { Errors = [error] }, allow);

    /// <summary>A document that cannot run (a syntax error), answered with the spec's status for the media type.</summary>
    public static Refusal NotExecuted(ExecutionError error) => new(null, new ExecutionResult { Errors = [error] });

    private sealed class RequestError(string message) : ExecutionError(message);
}
