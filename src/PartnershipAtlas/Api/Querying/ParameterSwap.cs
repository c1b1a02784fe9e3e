using System.Linq.Expressions;

namespace PartnershipAtlas.Api.Querying;

/// <summary>Replaces a lambda's parameter with another expression (to graft one lambda's body into another tree).</summary>
public sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
}
