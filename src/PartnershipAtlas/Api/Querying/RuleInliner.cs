using System.Linq.Expressions;
using System.Reflection;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// Puts rules written once as lambdas into queries that name them by marker methods: a call to a marker becomes the
/// rule's body over the call's arguments (and rules may name other rules). EF Core cannot call a method that returns
/// an expression, so a query written as one lambda (as <c>EF.CompileAsyncQuery</c> takes it) names its rules this way,
/// while queries built per request bind the same rules to their values.
/// </summary>
public sealed class RuleInliner(IReadOnlyDictionary<MethodInfo, LambdaExpression> rules) : ExpressionVisitor
{
    public Expression<T> Inline<T>(Expression<T> query) => (Expression<T>)Visit(query);

    /// <summary>A rule's body with its parameters bound to these expressions, its own rules inlined.</summary>
    public Expression Apply(LambdaExpression rule, params Expression[] arguments) =>
        Visit(rule.Parameters.Zip(arguments).Aggregate(rule.Body, (body, bound) => new ParameterSwap(bound.First, bound.Second).Visit(body)));

    protected override Expression VisitMethodCall(MethodCallExpression node) =>
        rules.TryGetValue(node.Method, out var rule) ? Apply(rule, [.. node.Arguments.Select(Visit)!]) : base.VisitMethodCall(node);
}
