using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace PartnershipAtlas.Api.Limits;

/// <summary>
/// Measures a document's expansion (<see cref="DocumentShape"/>, linear in its text) before any validation rule runs,
/// and refuses one over <see cref="LimitsOptions.MaxSelectionNodes"/>, <see cref="LimitsOptions.MaxDepth"/> or
/// <see cref="LimitsOptions.MaxIntrospectionDepth"/> without running the rules at all: several of GraphQL.NET's rules
/// (overlapping fields, complexity) walk fragments as often as they are spread, so on a document built to explode they
/// would take time in proportion to its expansion. What passes has a bounded expansion, so every rule after it does too.
/// </summary>
/// <remarks>
/// An operation without variables that has passed (<see cref="Passed"/>) is not validated again: what the rules found
/// (that it is valid, its cost, its arguments' values) depends on its text alone, and the parsed document is shared
/// by every request that sends that text. Its cost is still checked and charged to the client each time
/// (<see cref="QueryCost.Charge"/>), since the rate limit depends on the request.
/// </remarks>
public sealed class BoundedDocumentValidator(DocumentValidator rules, QueryCost cost, IOptions<LimitsOptions> options) : IDocumentValidator
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Passed> passed = [];

    /// <summary>What validating an operation without variables found, once it passed.</summary>
    private sealed record Passed(int Cost, Variables? Variables, IReadOnlyDictionary<GraphQLField, IDictionary<string, ArgumentValue>>? ArgumentValues,
        IReadOnlyDictionary<ASTNode, IDictionary<string, DirectiveInfo>>? DirectiveValues);

    public Task<IValidationResult> ValidateAsync(in ValidationOptions validation)
    {
        var limits = options.Value;
        var document = validation.Document;
        var operation = validation.Operation;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var report = validation.UserContext.TryGetValue(CostReport.Key, out var value) ? value as CostReport : null;
        var constant = operation is { Variables: null or { Items.Count: 0 } };
        if (constant && passed.TryGetValue(operation!, out var known))
        {
            var refusal = cost.Charge(known.Cost, report, document, operation!);
            if (report is not null) report.Analysis = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            return Task.FromResult<IValidationResult>(refusal is not null ? new ValidationResult([refusal])
                : new ValidationResult([]) { Variables = known.Variables, ArgumentValues = known.ArgumentValues, DirectiveValues = known.DirectiveValues });
        }
        var shape = DocumentShape.Measure(document, operation);
        if (report is not null) report.Analysis = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (shape.Nodes > limits.MaxSelectionNodes)
        {
            return Refuse(document, operation, "MAX_SELECTION_NODES",
                $"The GraphQL document expands to {Described(shape.Nodes)} fields, fragment spreads and directives, more than the {limits.MaxSelectionNodes} allowed ({LimitsOptions.Section}:MaxSelectionNodes).",
                new() { ["detectedSelectionNodes"] = shape.Nodes, ["allowedSelectionNodes"] = limits.MaxSelectionNodes });
        }
        if (shape.Depth > limits.MaxDepth || shape.FullDepth > limits.MaxIntrospectionDepth)
        {
            var (detected, allowed, key) = shape.Depth > limits.MaxDepth ? (shape.Depth, limits.MaxDepth, "MaxDepth") : (shape.FullDepth, limits.MaxIntrospectionDepth, "MaxIntrospectionDepth");
            return Refuse(document, operation, "MAX_EXECUTION_DEPTH",
                $"The GraphQL document has an execution depth of {detected} which exceeds the max allowed execution depth of {allowed} ({LimitsOptions.Section}:{key}).",
                new() { ["detectedExecutionDepth"] = detected, ["allowedExecutionDepth"] = allowed });
        }
        return constant && report is not null ? RememberAsync(rules.ValidateAsync(validation), operation!, report) : rules.ValidateAsync(validation);
    }

    private async Task<IValidationResult> RememberAsync(Task<IValidationResult> validating, GraphQLOperationDefinition operation, CostReport report)
    {
        var result = await validating;
        if (result.IsValid) passed.AddOrUpdate(operation, new Passed(report.Requested, result.Variables, result.ArgumentValues, result.DirectiveValues));
        return result;
    }

    private static string Described(long nodes) => nodes == long.MaxValue ? "more than 9.2 × 10^18" : nodes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<IValidationResult> Refuse(GraphQLDocument document, GraphQLOperationDefinition? operation, string code, string message, Dictionary<string, object?> details)
    {
        var error = operation is null ? new ValidationError(message) : new ValidationError(document.Source, null, message, operation);
        error.Code = code;
        foreach (var (key, detail) in details) error.AddExtension(key, detail);
        return Task.FromResult<IValidationResult>(new ValidationResult([error]));
    }
}
