using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Auth;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Api.Querying;

namespace PartnershipAtlas.Audit;

/// <summary>One audited edit.</summary>
public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One edit (a mutation, or an import of the partnerships file), written in the edit's own transaction.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The entry's number, in the order edits were written.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When the edit was written (UTC).").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actor")
            .Description("The name of the API key that made the edit (never the key), or `command-line` for an import run by the command line or a schedule.")
            .Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The mutation (e.g. `addMember`) or command (`import partnerships`).").Resolve(c => c.Source.Operation);
        Field<StringGraphType>("before").Description("What the changed rows held before, as JSON keyed by `Type#key` (null when the edit only added rows).").Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Description("What the changed rows hold after, as JSON keyed by `Type#key`.").Resolve(c => c.Source.After);
    }
}

public sealed class AuditLogConnectionGraphType() : ConnectionGraphType<AuditEntryGraphType, AuditEntry>("AuditLog");

/// <summary><c>auditLog</c>: for API keys with the admin role.</summary>
public static class AuditQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<AuditLogConnectionGraphType>("auditLog")
            .Description("Every audited edit, oldest first (use last: n for the newest), optionally filtered by `where`. Needs an API key with the admin role.")
            .PagingArguments()
            .WhereAndOrder(typeof(AuditEntry))
            .ResolveAsync(async c =>
            {
                Editors.RequireAdmin(c);
                return await c.PageAsync(c.Db().AuditEntries.AsNoTracking(), e => e.Id);
            });
}
