using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Attainment;

/// <summary>Computes a network's attainment from its members and their loaded result sets (no I/O).</summary>
public static class AttainmentSummary
{
    /// <summary>A member on the date: its URN and when it joined (null when the source does not say).</summary>
    public sealed record Member(int Urn, DateOnly? Joined, DateOnly? OpenDate);

    public static PartnershipAttainment Compute(AttainmentRequest request, IReadOnlyCollection<Member> members, IReadOnlyDictionary<int, ResultValues> schools, IReadOnlyList<ResultValues> benchmarks)
    {
        var rules = request.Rules;
        var counted = new List<(Member Member, ResultValues Values)>();
        var excluded = 0;
        foreach (var member in members)
        {
            if (request.TrustMeasureRule && !(JoinedOrOpened(member) <= request.TrustMeasureCutOff))
            {
                excluded++;
                continue;
            }
            if (schools.TryGetValue(member.Urn, out var values)) counted.Add((member, values));
        }

        GroupSummary Summarise(PupilGroup group)
        {
            var (code, weightCode) = (rules.CodeFor(request.Measure, group), rules.WeightCodeFor(request.Measure, group));
            var withValue = counted.Select(c => (Value: c.Values.ValueOf(code), Weight: c.Values.ValueOf(weightCode))).Where(x => x.Value is not null).ToList();
            var weighted = withValue.Where(x => x.Weight is > 0).ToList();
            var pupils = weighted.Sum(x => x.Weight!.Value);
            return new GroupSummary(
                code,
                withValue.Count,
                counted.Count(c => c.Values.Read(code).Status == MeasureStatus.Suppressed),
                (int)pupils,
                withValue.Count == 0 ? null : withValue.Average(x => x.Value!.Value),
                pupils == 0 ? null : weighted.Sum(x => x.Value!.Value * x.Weight!.Value) / pupils);
        }

        AttainmentBenchmark Benchmark(ResultValues v) => new(v.Set.Level, v.Set.LaCode, v.Set.Name,
            v.Read(rules.CodeFor(request.Measure, PupilGroup.All)), v.Read(rules.CodeFor(request.Measure, PupilGroup.Disadvantaged)), v.Read(rules.CodeFor(request.Measure, PupilGroup.Other)));

        var laCodes = counted.Select(c => c.Values.Set.LaCode).ToHashSet();
        return new PartnershipAttainment(
            request,
            members.Count,
            excluded,
            counted.OrderBy(c => c.Member.Urn).Select(c => new AttainmentSchool(c.Member.Urn, c.Values.Set.Name, JoinedOrOpened(c.Member), MembershipActivity.FromSource(c.Member.Joined, c.Member.OpenDate) == ActiveFromSource.OpenDate,
                c.Values.Read(request.Measure), (int?)c.Values.ValueOf(rules.WeightCodeFor(request.Measure, PupilGroup.All)))).ToList(),
            Summarise(PupilGroup.All),
            Summarise(PupilGroup.Disadvantaged),
            Summarise(PupilGroup.Other),
            benchmarks.Where(b => b.Set.Level == ResultLevel.LocalAuthority && laCodes.Contains(b.Set.LaCode)).OrderBy(b => b.Set.LaCode).Select(Benchmark).ToList(),
            benchmarks.Where(b => b.Set.Level == ResultLevel.National).Select(Benchmark).FirstOrDefault(),
            benchmarks.Where(b => b.Set.Level == ResultLevel.NationalStateFunded).Select(Benchmark).FirstOrDefault());
    }

    /// <summary>
    /// When the membership became active (<see cref="MembershipActivity.ActiveFrom"/>): the later of the join and open
    /// dates, so the open date stands in when GIAS gives no join date (an academy's URN opens when it joins its first
    /// trust). Neither known: null, and the trust-measure rule leaves it out.
    /// </summary>
    private static DateOnly? JoinedOrOpened(Member member) => MembershipActivity.ActiveFrom(member.Joined, member.OpenDate);
}
