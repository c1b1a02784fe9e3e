using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using PartnershipAtlas.Api.Paging;

namespace PartnershipAtlas.Api.Limits;

/// <summary>
/// Cost analysis in the spirit of IBM's GraphQL cost spec, as HotChocolate applies it: a connection field weighs 10,
/// other object fields 1, scalars 0, a <c>where</c> or <c>order</c> argument 10 more; the <c>nodes</c>/<c>edges</c> of
/// a connection count <c>first</c>/<c>last</c> times (default 20) and other lists the assumed list size. Introspection
/// costs nothing. Runs as a validation rule, so a request over a limit is refused before anything executes; depth and
/// the size of the expansion are checked before any rule (<see cref="BoundedDocumentValidator"/>).
/// </summary>
public sealed class QueryCost(IOptions<LimitsOptions> options, CostRateLimiter limiter)
{
    private const double ConnectionWeight = 10;
    private const double ArgumentWeight = 10;

    public IValidationRule Rule() => new ComplexityValidationRule(new ComplexityOptions
    {
        MaxDepth = null,
        MaxComplexity = null,
        DefaultComplexityImpactDelegate = Impact,
        ValidateComplexityDelegate = ValidateAsync,
    });

    private FieldComplexityResult Impact(FieldImpactContext context)
    {
        var field = context.FieldDefinition;
        if (field.Name.StartsWith("__", StringComparison.Ordinal)) return new(0, 0);
        var type = field.ResolvedType!;
        var named = type.GetNamedType();
        var weight = named is ScalarGraphType or EnumerationGraphType ? 0 : named.Name.EndsWith("Connection", StringComparison.Ordinal) ? ConnectionWeight : 1;
        foreach (var argument in context.FieldAst.Arguments?.Items ?? [])
        {
            if (argument.Name.StringValue is "where" or "order") weight += ArgumentWeight;
        }
        var list = (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;
        return new(weight, list ? ListSize(context) : 1);
    }

    /// <summary>The rows a list field stands for: <c>first</c>/<c>last</c> of the connection around <c>nodes</c>/<c>edges</c>, else the assumed size.</summary>
    private double ListSize(FieldImpactContext context)
    {
        if (context.FieldDefinition.Name is "nodes" or "edges" && context.Parent is { } parent && parent.FieldDefinition.Arguments?.Find("first") is not null)
        {
            var size = parent.GetArgument<int?>("first") ?? parent.GetArgument<int?>("last") ?? PageRequest.DefaultSize;
            return Math.Max(size, 0);
        }
        return options.Value.DefaultListSize;
    }

    private Task ValidateAsync(ComplexityValidationContext context)
    {
        var validation = context.ValidationContext;
        var report = validation.UserContext.TryGetValue(CostReport.Key, out var value) ? value as CostReport : null;
        context.Error = Charge((int)Math.Min(int.MaxValue, Math.Ceiling(context.TotalImpact)), report, validation.Document, validation.Operation);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Checks an operation's cost against <c>MaxCost</c> and charges it to the report's client (none: no one is
    /// charged): the error that refuses it, or null. The rule calls it once the cost is known; so does
    /// <see cref="BoundedDocumentValidator"/> for an operation whose cost it already knows.
    /// </summary>
    public ValidationError? Charge(int cost, CostReport? report, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var limits = options.Value;
        if (report is not null) report.Requested = cost;
        if (cost > limits.MaxCost)
        {
            return Limit(document, operation, "HC0047",
                $"The maximum allowed field cost was exceeded: the request costs {cost}, {LimitsOptions.Section}:MaxCost is {limits.MaxCost}.",
                new() { ["fieldCost"] = cost, ["maxFieldCost"] = limits.MaxCost });
        }
        if (report is not null && !limiter.TryConsume(report.Client, Math.Max(cost, 1), out var retryAfter))
        {
            report.RetryAfter = retryAfter;
            return Limit(document, operation, "RATE_LIMITED",
                $"The cost rate limit was exceeded: {limits.CostPerMinute} per minute ({LimitsOptions.Section}:CostPerMinute). Retry after {retryAfter.TotalSeconds:0} s.",
                new() { ["costPerMinute"] = limits.CostPerMinute, ["retryAfterSeconds"] = (int)retryAfter.TotalSeconds });
        }
        return null;
    }

    private static ValidationError Limit(GraphQLDocument document, GraphQLOperationDefinition operation, string code, string message, Dictionary<string, object?> details)
    {
        var error = new ValidationError(document.Source, null, message, operation) { Code = code };
        foreach (var (key, detail) in details) error.AddExtension(key, detail);
        return error;
    }
}
