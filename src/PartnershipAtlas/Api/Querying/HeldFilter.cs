using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// What rows held in memory carry, for <see cref="HeldFilter"/> and <see cref="HeldOrder{T}"/>: the navigations read
/// with them, the text columns the store compares under a collation (not by code point), whether the store orders
/// text by code point, and the row's columns that lead an index (<see cref="IndexedColumns"/>).
/// </summary>
public sealed record HeldShape(IReadOnlySet<PropertyInfo> Loaded, IReadOnlySet<PropertyInfo> Collated, bool TextByCodePoint, IReadOnlySet<string> Indexed);

/// <summary>
/// A <c>where:</c> filter (the expression <see cref="FilterExpressions"/> builds for the store) evaluated on rows held in
/// memory, with the store's meaning: C# null semantics, which EF Core's translation emulates; text equal and
/// <c>contains</c> by code point, as SQL compares them. A filter that reads a navigation the rows are held without, a
/// column compared under a collation, <c>startsWith</c> or <c>endsWith</c> (SQLite's <c>LIKE</c> ignores the case of
/// ASCII letters, PostgreSQL's does not), or an expression it does not know is not evaluated here: the store answers it.
/// </summary>
/// <remarks>
/// Each filter's shape (its expression with every constant taken out) is compiled once; a request only fills in its
/// values. Compiling per request would cost more than the statement it saves. The shape compiles to a maker of the
/// row test: the tests of list items (<c>some</c>, <c>all</c>, <c>none</c>) are made once a request, before it, rather
/// than once a row, as a lambda inside a compiled lambda would be.
/// </remarks>
public static class HeldFilter
{
    /// <summary>The most shapes kept compiled; a filter of a new shape past that is answered by the store.</summary>
    public const int MaxShapes = 500;

    private static readonly ConcurrentDictionary<string, Delegate> Compiled = new();

    /// <summary>The filter as a test on a held row, or null when only the store can answer it.</summary>
    public static Func<T, bool>? Of<T>(Expression<Func<T, bool>> where, HeldShape shape)
    {
        var values = Expression.Parameter(typeof(object[]), "values");
        var rewriter = new Rewriter(shape, values, where.Parameters[0]);
        var body = rewriter.Visit(where.Body);
        if (!rewriter.Supported) return null;
        var key = typeof(T).TypeHandle.Value + ":" + rewriter.Key;
        if (!Compiled.TryGetValue(key, out var made))
        {
            if (Compiled.Count >= MaxShapes) return null;
            made = Compiled.GetOrAdd(key, _ => Expression.Lambda<Func<object?[], Func<T, bool>>>(
                Expression.Block(rewriter.Hoisted.Select(h => h.Variable), [.. rewriter.Hoisted.Select(h => Expression.Assign(h.Variable, h.Lambda)), Expression.Lambda<Func<T, bool>>(body!, where.Parameters[0])]),
                values).Compile());
        }
        return ((Func<object?[], Func<T, bool>>)made)(rewriter.Values.ToArray());
    }

    private sealed class Rewriter(HeldShape shape, ParameterExpression values, ParameterExpression row) : ExpressionVisitor
    {
        private static readonly MethodInfo ContainsText = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        private static readonly HashSet<string> SequenceMethods = [nameof(Enumerable.Contains), nameof(Enumerable.Any), nameof(Enumerable.All)];

        private readonly StringBuilder key = new();
        private readonly Dictionary<ParameterExpression, int> parameters = new() { [row] = 0 };

        public bool Supported { get; private set; } = true;

        /// <summary>The constants taken out of the filter, in the order the compiled shape reads them.</summary>
        public List<object?> Values { get; } = [];

        /// <summary>The filter's shape: every node's kind, type and member, and no constant's value.</summary>
        public string Key => key.ToString();

        public override Expression? Visit(Expression? node)
        {
            if (node is null || !Supported) return node;
            key.Append((int)node.NodeType).Append(',').Append(node.Type.TypeHandle.Value).Append(';');
            switch (node.NodeType)
            {
                case ExpressionType.Lambda or ExpressionType.Parameter or ExpressionType.Constant or ExpressionType.MemberAccess or ExpressionType.Call
                    or ExpressionType.Not or ExpressionType.Convert or ExpressionType.AndAlso or ExpressionType.OrElse
                    or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
                    or ExpressionType.LessThan or ExpressionType.LessThanOrEqual:
                    return base.Visit(node);
                default:
                    Supported = false;
                    return node;
            }
        }

        /// <summary>The tests of list items, each made once a request into its variable (inner ones first).</summary>
        public List<(ParameterExpression Variable, LambdaExpression Lambda)> Hoisted { get; } = [];

        protected override Expression VisitLambda<TDelegate>(Expression<TDelegate> node)
        {
            foreach (var parameter in node.Parameters) parameters[parameter] = parameters.Count;
            var lambda = (LambdaExpression)base.VisitLambda(node);
            if (!Supported || ReadsOuterParameters(lambda)) return lambda;
            var variable = Expression.Variable(lambda.Type, "test" + Hoisted.Count);
            Hoisted.Add((variable, lambda));
            return variable;
        }

        /// <summary>Whether a lambda reads a parameter of a lambda around it (then it is made where it stands).</summary>
        private bool ReadsOuterParameters(LambdaExpression lambda)
        {
            var finder = new OuterParameterFinder(lambda.Parameters, values, Hoisted.Select(h => h.Variable));
            finder.Visit(lambda.Body);
            return finder.Found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!parameters.TryGetValue(node, out var at)) Supported = false;
            key.Append('p').Append(at).Append(';');
            return node;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            Values.Add(node.Value);
            return Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(Values.Count - 1)), node.Type);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            key.Append(node.Member.MetadataToken).Append('@').Append(node.Member.DeclaringType!.TypeHandle.Value).Append(';');
            if (node.Expression is not ConstantExpression && node.Member is PropertyInfo property && !Readable(property)) Supported = false;
            return base.VisitMember(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Method is { } method) key.Append(method.MethodHandle.Value).Append(';');
            if (node.Left.Type == typeof(string) && node.NodeType is not (ExpressionType.Equal or ExpressionType.NotEqual)) Supported = false;
            return base.VisitBinary(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.Method is { } method) key.Append(method.MethodHandle.Value).Append(';');
            return base.VisitUnary(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var method = node.Method;
            key.Append(method.MethodHandle.Value).Append(';');
            if (method.DeclaringType == typeof(Microsoft.EntityFrameworkCore.EF) && method.Name == nameof(Microsoft.EntityFrameworkCore.EF.Parameter))
            {
                return Visit(node.Arguments[0])!; // a list the store takes as one parameter: in memory, the list
            }
            if (method != ContainsText && !(method.DeclaringType == typeof(Enumerable) && SequenceMethods.Contains(method.Name))) Supported = false;
            return base.VisitMethodCall(node);
        }

        /// <summary>A column (not one compared under a collation), or a navigation the rows are held with.</summary>
        private bool Readable(PropertyInfo property)
        {
            if (shape.Collated.Contains(property)) return false;
            var type = property.PropertyType;
            return QueryScalars.IsScalar(type) || shape.Loaded.Contains(property);
        }
    }

    private sealed class OuterParameterFinder(IEnumerable<ParameterExpression> own, ParameterExpression values, IEnumerable<ParameterExpression> hoisted) : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> known = [.. own, values, .. hoisted];

        public bool Found { get; private set; }

        protected override Expression VisitLambda<TDelegate>(Expression<TDelegate> node)
        {
            known.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!known.Contains(node)) Found = true;
            return node;
        }
    }
}
