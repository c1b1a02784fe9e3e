using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PartnershipAtlas.Api.Querying;

/// <summary>Which conditions of a filter the store can serve from an index, reading only the few rows they keep.</summary>
public static class IndexedColumns
{
    /// <summary>The names of an entity's columns that lead an index, its key's first column included.</summary>
    public static HashSet<string> Of(IEntityType entity) =>
        entity.GetIndexes().Select(i => i.Properties[0]).Concat(entity.FindPrimaryKey()?.Properties.Take(1) ?? []).Select(p => p.Name).ToHashSet();

    /// <summary>Whether a condition at the top of the filter (joined by <c>and</c>) reads one of <paramref name="indexed"/> directly.</summary>
    public static bool Narrow<T>(Expression<Func<T, bool>> where, IReadOnlySet<string> indexed) =>
        Conjuncts(where.Body).Any(condition => Reads(condition, where.Parameters[0], indexed));

    /// <summary>The conditions joined by <c>and</c> at the top of a filter.</summary>
    public static IEnumerable<Expression> Conjuncts(Expression body) =>
        body is BinaryExpression { NodeType: ExpressionType.AndAlso } and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [body];

    /// <summary>Whether the condition reads any of the row's <paramref name="columns"/> directly.</summary>
    public static bool Reads(Expression condition, ParameterExpression row, IReadOnlySet<string> columns)
    {
        var finder = new ColumnFinder(row, columns);
        finder.Visit(condition);
        return finder.Found;
    }

    private sealed class ColumnFinder(ParameterExpression row, IReadOnlySet<string> columns) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == row && columns.Contains(node.Member.Name)) Found = true;
            return base.VisitMember(node);
        }
    }
}
