import { useQuery } from '../api/useQuery.js';
import BarTable from '../common/BarTable.jsx';
import QueryState from '../common/QueryState.jsx';
import { number } from '../common/format.js';
import ofstedMix from './ofstedMix.graphql';
import profile from './profile.graphql';

const percentOf = (part, whole) => (whole ? Math.round((1000 * part) / whole) / 10 : null);
const shown = (value) => (value === null || value === undefined ? '–' : `${value.toFixed(1)}%`);

/** Pupils, FSM-ever and the Ofsted mix of the members, beside their LAs and every open school loaded (England). */
export default function Profile({ id, asOf }) {
  const result = useQuery(profile, { id, asOf });
  return (
    <section aria-labelledby="profile-heading" aria-busy={result.loading}>
      <h2 id="profile-heading">Profile</h2>
      <QueryState result={result} what="the profile">
        {(data) => <ProfileFigures profile={data.node.profile} asOf={asOf} />}
      </QueryState>
    </section>
  );
}

function ProfileFigures({ profile: p, asOf }) {
  const laCodes = p.localAuthorities.map((l) => l.laCode).filter(Boolean);
  const mix = useQuery(ofstedMix, { asOf, laCodes }, { skip: laCodes.length === 0 });
  const rated = (counts, key) => counts.filter((c) => c[key]).reduce((sum, c) => sum + (c.count ?? c.members), 0);
  const grades = [...new Set([...p.ofstedGrades.map((g) => g.grade), ...(mix.data?.england ?? []).map((g) => g.ofstedGrade)].filter(Boolean))].sort();
  const members = rated(p.ofstedGrades, 'grade');
  const rows = grades.map((grade) => ({
    key: grade,
    label: grade,
    values: [
      percentOf(p.ofstedGrades.find((g) => g.grade === grade)?.members ?? 0, members),
      mix.data ? percentOf(mix.data.localAuthorities.find((g) => g.ofstedGrade === grade)?.count ?? 0, rated(mix.data.localAuthorities, 'ofstedGrade')) : null,
      mix.data ? percentOf(mix.data.england.find((g) => g.ofstedGrade === grade)?.count ?? 0, rated(mix.data.england, 'ofstedGrade')) : null,
    ],
  }));
  return (
    <>
      <dl className="facts">
        <div><dt>Pupils</dt><dd>{number(p.pupils)}</dd></div>
        <div><dt>Capacity</dt><dd>{number(p.capacity)}</dd></div>
        <div><dt>Full</dt><dd>{p.percentFull === null ? '–' : `${p.percentFull.toFixed(0)}%`}</dd></div>
        <div><dt>Local authorities</dt><dd>{p.localAuthorities.length}</dd></div>
        <div><dt>Mean distance between members</dt><dd>{p.meanDistanceKm === null ? '–' : `${p.meanDistanceKm.toFixed(1)} km`}</dd></div>
        <div><dt>Good or outstanding</dt><dd>{p.shareGoodOrOutstanding === null ? '–' : `${(p.shareGoodOrOutstanding * 100).toFixed(0)}%`}</dd></div>
      </dl>
      <table>
        <caption>Pupils ever eligible for free school meals (census, weighted by pupils)</caption>
        <thead><tr><th scope="col">Members</th><th scope="col">Their local authorities</th><th scope="col">England</th></tr></thead>
        <tbody><tr><td className="numeric">{shown(p.fsmEver.value)}</td><td className="numeric">{shown(p.fsmEver.localAuthorities)}</td><td className="numeric">{shown(p.fsmEver.england)}</td></tr></tbody>
      </table>
      {p.fsmEver.schoolsCovered === 0 && <p className="hint">No census is loaded for these schools yet (import the school census to see it).</p>}
      {mix.error && <p role="alert">The Ofsted comparison could not be loaded: {mix.error.message}</p>}
      {rows.length > 0 && (
        <BarTable caption="Latest Ofsted rating, % of rated schools (bar: the members)" labelHeader="Rating"
          columns={['Members', 'Their local authorities', 'England (every open school loaded)']} rows={rows} format={shown} />
      )}
    </>
  );
}
