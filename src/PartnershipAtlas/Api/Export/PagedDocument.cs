using GraphQL.Types;
using GraphQLParser.AST;

namespace PartnershipAtlas.Api.Export;

/// <summary>
/// A fresh copy of a request's document (the request's own may be cached) with its table found, and when the table is
/// a connection, made to walk it page by page: its <c>first</c>/<c>last</c>/<c>after</c>/<c>before</c> give way to
/// <c>first: &lt;page&gt;, after: $atlasExportAfter</c>, and it also selects <c>atlasExportPage: pageInfo { hasNextPage endCursor }</c>.
/// </summary>
public sealed record PagedDocument(GraphQLDocument Document, TableShape Table)
{
    public const string AfterVariable = "atlasExportAfter";
    public const string PageInfoKey = "atlasExportPage";

    /// <summary>The paged copy, or null when the document selects no connection and no list.</summary>
    public static PagedDocument? Prepare(ISchema schema, string text, string? operationName, int pageSize)
    {
        var document = GraphQLParser.Parser.Parse(text);
        if (OperationSelection.Of(document, operationName) is not { } operation || TableShape.Find(schema, document, operation) is not { } table) return null;
        if (table.Connection is { } connection) Rewrite(connection, operation, pageSize);
        return new(document, table);
    }

    private static void Rewrite(GraphQLField connection, GraphQLOperationDefinition operation, int pageSize)
    {
        var arguments = connection.Arguments?.Items.Where(a => a.Name.StringValue is not ("first" or "last" or "after" or "before")).ToList() ?? [];
        arguments.Add(new GraphQLArgument(new GraphQLName("first"), new GraphQLIntValue(pageSize)));
        arguments.Add(new GraphQLArgument(new GraphQLName("after"), new GraphQLVariable(new GraphQLName(AfterVariable))));
        connection.Arguments = new GraphQLArguments(arguments);
        connection.SelectionSet!.Selections.Add(new GraphQLField(new GraphQLName("pageInfo"))
        {
            Alias = new GraphQLAlias(new GraphQLName(PageInfoKey)),
            SelectionSet = new GraphQLSelectionSet([new GraphQLField(new GraphQLName("hasNextPage")), new GraphQLField(new GraphQLName("endCursor"))]),
        });
        operation.Variables ??= new GraphQLVariablesDefinition([]);
        operation.Variables.Items.Add(new GraphQLVariableDefinition(new GraphQLVariable(new GraphQLName(AfterVariable)), new GraphQLNamedType(new GraphQLName("String"))));
    }
}
