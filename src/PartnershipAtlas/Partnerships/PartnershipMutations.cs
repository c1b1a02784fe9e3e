using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Auth;
using PartnershipAtlas.Data;
using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Partnerships;

/// <summary>
/// createPartnership, addMember, endMembership, recordReview: for editors (API key with the editor role). Each checks
/// everything before it writes, so a refused call (clear error with a code) changes nothing; a call that writes writes
/// its audit entry (<see cref="Audit.AuditEntry"/>) in the same transaction.
/// </summary>
public static class PartnershipMutations
{
    public const string Source = MembershipSources.Api;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<PartnershipGraphType>("createPartnership")
            .Description("Creates a network no DfE extract holds. Needs an editor API key.")
            .Argument<NonNullGraphType<CreatePartnershipInputGraphType>>("input", "The network.")
            .ResolveAsync(async c => await Editing(c, (db, ct) => CreateAsync(db, c.GetArgument<CreatePartnershipInput>("input"), ct)));
        mutation.Field<MembershipGraphType>("addMember")
            .Description("Adds a school, organisation or network to a network, with a role and dates. Needs an editor API key.")
            .Argument<NonNullGraphType<AddMemberInputGraphType>>("input", "The membership.")
            .ResolveAsync(async c => await Editing(c, (db, ct) => AddMemberAsync(db, c.GetArgument<AddMemberInput>("input"), ct)));
        mutation.Field<MembershipGraphType>("endMembership")
            .Description("Ends an open membership on a date. Needs an editor API key.")
            .Argument<NonNullGraphType<EndMembershipInputGraphType>>("input", "The membership and its end.")
            .ResolveAsync(async c => await Editing(c, (db, ct) => EndMembershipAsync(db, c.GetArgument<EndMembershipInput>("input"), ct)));
        mutation.Field<ReviewGraphType>("recordReview")
            .Description("Records a self-review, peer review or follow-up support event. Needs an editor API key.")
            .Argument<NonNullGraphType<RecordReviewInputGraphType>>("input", "The review.")
            .ResolveAsync(async c => await Editing(c, (db, ct) => RecordReviewAsync(db, c.GetArgument<RecordReviewInput>("input"), ct)));
    }

    private static async Task<object?> Editing<T>(IResolveFieldContext context, Func<AtlasDbContext, CancellationToken, Task<T>> change)
    {
        Editors.Require(context);
        var db = context.Db();
        db.Auditing = new Audit.AuditEntry { Actor = Editors.ActorOf(context), Operation = context.FieldDefinition.Name };
        try
        {
            return await change(db, context.CancellationToken);
        }
        finally
        {
            db.Auditing = null;
        }
    }

    private static async Task<Partnership> CreateAsync(AtlasDbContext db, CreatePartnershipInput input, CancellationToken ct)
    {
        Check(MembershipRules.KindError(input.Kind), "DERIVED_KIND");
        Check(string.IsNullOrWhiteSpace(input.Name) ? "name is empty" : null, "INVALID_INPUT");
        Check(MembershipRules.DatesError(input.OpenDate, input.CloseDate, "openDate", "closeDate"), "INVALID_DATE_RANGE");
        Check(input.FederationType is not null && input.Kind != PartnershipKind.Federation ? "federationType is only for FEDERATION" : null, "INVALID_INPUT");
        Check(input.Denomination is not null && input.Kind != PartnershipKind.Diocese ? "denomination is only for DIOCESE" : null, "INVALID_INPUT");
        var key = PartnershipKeys.Prefixed(PartnershipKeys.ApiPrefix, input.Key ?? PartnershipKeys.ByName(input.Kind, input.Name));
        Check(await db.Partnerships.AnyAsync(p => p.SourceKey == key, ct) ? $"a network with key {key} already exists" : null, "DUPLICATE_PARTNERSHIP");
        var partnership = new Partnership
        {
            Kind = input.Kind, Name = input.Name.Trim(), SourceKey = key, Code = input.Code, OpenDate = input.OpenDate, CloseDate = input.CloseDate,
            FederationType = input.FederationType, Denomination = input.Denomination,
        };
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        return partnership;
    }

    private static async Task<Membership> AddMemberAsync(AtlasDbContext db, AddMemberInput input, CancellationToken ct)
    {
        var partnership = await PartnershipAsync(db, input.PartnershipId, ct);
        Check(MembershipRules.KindError(partnership.Kind), "DERIVED_KIND");
        var named = new object?[] { input.Urn, input.OrganisationId, input.Organisation, input.MemberPartnershipId }.Count(x => x is not null);
        Check(named != 1 ? "name the member with exactly one of urn, organisationId, organisation and memberPartnershipId" : null, "INVALID_MEMBER");
        Check(MembershipRules.DatesError(input.Joined, input.Left), "INVALID_DATE_RANGE");
        if (input.Urn is int urn) await EstablishmentAsync(db, urn, ct);
        var organisation = await OrganisationAsync(db, input, ct);
        var network = input.MemberPartnershipId is { } memberId ? await PartnershipAsync(db, memberId, ct, "memberPartnershipId") : null;
        using var nesting = network is null ? null : await NestingGate.EnterAsync(ct);
        if (network is not null) await NestingAsync(db, new NetworkEdge(partnership.Id, network.Id), ct);
        var (urnOfMember, organisationId, networkId) = (input.Urn, organisation?.Id ?? 0, network?.Id ?? 0);
        var existing = await db.Memberships.AsNoTracking()
            .Where(m => m.PartnershipId == partnership.Id && (urnOfMember != null ? m.EstablishmentUrn == urnOfMember
                : networkId != 0 ? m.MemberPartnershipId == networkId : organisationId != 0 && m.OrganisationId == organisationId))
            .ToListAsync(ct);
        var member = input.Urn is int u ? $"URN {u}" : network?.Name ?? organisation!.Name;
        if (existing.FirstOrDefault(m => MembershipRules.Overlap(input.Joined, input.Left, m.Joined, m.Left)) is { } overlap)
        {
            Check(MembershipRules.OverlapError(member, input.Joined, input.Left, overlap.Joined, overlap.Left), "OVERLAPPING_MEMBERSHIP");
        }
        var membership = new Membership
        {
            PartnershipId = partnership.Id, EstablishmentUrn = input.Urn, Organisation = organisation, MemberPartnershipId = network?.Id,
            Role = input.Role ?? MembershipRole.Member, Joined = input.Joined, Left = input.Left, Source = Source,
        };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return membership;
    }

    /// <summary>
    /// One network membership checked and written at a time in this process, so two calls at once cannot each pass
    /// the cycle check with the other's half of a cycle (A into B while B goes into A).
    /// </summary>
    private static readonly SemaphoreSlim NestingWrites = new(1, 1);

    private static class NestingGate
    {
        public static async Task<IDisposable> EnterAsync(CancellationToken ct)
        {
            await NestingWrites.WaitAsync(ct);
            return new Release();
        }

        private sealed class Release : IDisposable
        {
            private int released;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref released, 1) == 0) NestingWrites.Release();
            }
        }
    }

    /// <summary>Refuses a network membership that would put a network inside itself or nest networks too deep (<see cref="NetworkNesting"/>), naming the networks.</summary>
    private static async Task NestingAsync(AtlasDbContext db, NetworkEdge added, CancellationToken ct)
    {
        var edges = await db.Memberships.AsNoTracking().Where(m => m.MemberPartnershipId != null)
            .Select(m => new NetworkEdge(m.PartnershipId, m.MemberPartnershipId!.Value)).ToListAsync(ct);
        if (NetworkNesting.Problem(edges.Append(added)) is not { } problem) return;
        var ids = problem.Networks.Distinct().ToList();
        var names = await db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        Check(problem.Message(id => names[id]), problem.Code);
    }

    private static async Task<Membership> EndMembershipAsync(AtlasDbContext db, EndMembershipInput input, CancellationToken ct)
    {
        var id = GlobalId.Decode(input.MembershipId) is (MembershipGraphType.TypeName, var key) && long.TryParse(key, out var parsed) ? parsed : (long?)null;
        var membership = id is null ? null : await db.Memberships.FirstOrDefaultAsync(m => m.Id == id, ct);
        Check(membership is null ? $"no membership has the id '{input.MembershipId}'" : null, "UNKNOWN_MEMBERSHIP");
        Check(MembershipSources.IsDerived(membership!.Source)
            ? $"this membership comes from {membership.Source}: it changes when that data is imported again, not by hand" : null, "DERIVED_MEMBERSHIP");
        Check(membership.Left is { } left ? $"this membership already ended on {left:yyyy-MM-dd}" : null, "MEMBERSHIP_ENDED");
        Check(MembershipRules.DatesError(membership.Joined, input.Left), "INVALID_DATE_RANGE");
        membership.Left = input.Left;
        membership.ImportRunId = null;
        await db.SaveChangesAsync(ct);
        return membership;
    }

    private static async Task<Review> RecordReviewAsync(AtlasDbContext db, RecordReviewInput input, CancellationToken ct)
    {
        var partnership = await PartnershipAsync(db, input.PartnershipId, ct);
        var reviewer = input.ReviewerUrn ?? (input.Kind == ReviewKind.SelfReview ? input.ReviewedUrn : null);
        await EstablishmentAsync(db, input.ReviewedUrn, ct);
        if (reviewer is int r) await EstablishmentAsync(db, r, ct);
        Check(input.Kind == ReviewKind.SelfReview && reviewer != input.ReviewedUrn ? "a self-review's reviewer is the reviewed school" : null, "INVALID_REVIEW");
        Check(input.Kind == ReviewKind.PeerReview && (reviewer is null || reviewer == input.ReviewedUrn) ? "a peer review needs a reviewerUrn other than the reviewed school" : null, "INVALID_REVIEW");
        var active = MembershipQueries.ActiveOn(input.Date);
        var isMember = await db.Memberships.Where(m => m.PartnershipId == partnership.Id && m.EstablishmentUrn == input.ReviewedUrn).AnyAsync(active, ct);
        Check(isMember ? null : $"URN {input.ReviewedUrn} is not a member of {partnership.Name} on {input.Date:yyyy-MM-dd}", "NOT_A_MEMBER");
        var review = new Review
        {
            PartnershipId = partnership.Id, Date = input.Date, Kind = input.Kind, ReviewerUrn = reviewer, ReviewedUrn = input.ReviewedUrn,
            Focus = input.Focus, Outcome = input.Outcome, Source = Source,
        };
        db.Reviews.Add(review);
        await db.SaveChangesAsync(ct);
        return review;
    }

    private static async Task<Partnership> PartnershipAsync(AtlasDbContext db, string globalId, CancellationToken ct, string argument = "partnershipId")
    {
        var id = GlobalId.Decode(globalId) is (PartnershipGraphType.TypeName, var key) && int.TryParse(key, out var parsed) ? parsed : (int?)null;
        var partnership = id is null ? null : await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        Check(partnership is null ? $"{argument}: no partnership has the id '{globalId}'" : null, "UNKNOWN_PARTNERSHIP");
        return partnership!;
    }

    private static async Task EstablishmentAsync(AtlasDbContext db, int urn, CancellationToken ct) =>
        Check(await db.Establishments.AnyAsync(e => e.Urn == urn, ct) ? null : $"URN {urn} is not a known establishment", "UNKNOWN_URN");

    private static async Task<Organisation?> OrganisationAsync(AtlasDbContext db, AddMemberInput input, CancellationToken ct)
    {
        if (input.OrganisationId is int id)
        {
            var known = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
            Check(known is null ? $"no organisation has the number {id}" : null, "UNKNOWN_ORGANISATION");
            return known;
        }
        if (input.Organisation is not { } named) return null;
        Check(string.IsNullOrWhiteSpace(named.Name) ? "organisation name is empty" : null, "INVALID_MEMBER");
        var key = PartnershipKeys.Organisation(named.Kind, named.Name);
        return await db.Organisations.FirstOrDefaultAsync(o => o.SourceKey == key, ct)
            ?? new Organisation { Name = named.Name.Trim(), Kind = named.Kind, SourceKey = key };
    }

    private static void Check(string? error, string code)
    {
        if (error is not null) throw AtlasErrors.Coded(error[..1].ToUpperInvariant() + error[1..] + ".", code);
    }
}
