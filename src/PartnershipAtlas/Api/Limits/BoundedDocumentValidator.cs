using GraphQL;
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
public sealed class BoundedDocumentValidator(DocumentValidator rules, IOptions<LimitsOptions> options) : IDocumentValidator
{
    public Task<IValidationResult> ValidateAsync(in ValidationOptions validation)
    {
        var limits = options.Value;
        var document = validation.Document;
        var operation = validation.Operation;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var shape = DocumentShape.Measure(document, operation);
        if (validation.UserContext.TryGetValue(CostReport.Key, out var value) && value is CostReport report) report.Analysis = System.Diagnostics.Stopwatch.GetElapsedTime(started);
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
        return rules.ValidateAsync(validation);
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
