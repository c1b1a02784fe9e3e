import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { useAsOf, useWithAsOf } from '../app/asOf.js';
import NotFound from '../common/NotFound.jsx';
import QueryState from '../common/QueryState.jsx';
import { kindLabel, number } from '../common/format.js';
import SchoolMap from '../map/SchoolMap.jsx';
import Lineage from './Lineage.jsx';
import MembershipTimeline from './MembershipTimeline.jsx';
import ResultsSeries from './ResultsSeries.jsx';
import school from './school.graphql';

export default function SchoolPage() {
  const { urn } = useParams();
  const [asOf] = useAsOf();
  const valid = /^\d{1,9}$/.test(urn);
  const result = useQuery(school, { urn: Number(urn), asOf }, { skip: !valid });
  if (!valid || (result.data && !result.data.establishment)) return <NotFound what="school with URN" id={urn} />;
  return (
    <QueryState result={result} what="the school">
      {(data) => <School school={data.establishment} asOf={asOf} />}
    </QueryState>
  );
}

function School({ school: s, asOf }) {
  const withAsOf = useWithAsOf();
  const points = useMemo(() => [{ urn: s.urn, name: s.name, easting: s.easting, northing: s.northing, networks: s.memberships.map((m) => m.partnership.name) }], [s]);
  return (
    <article className="school">
      <h1>{s.name}</h1>
      <dl className="facts">
        <div><dt>URN</dt><dd>{s.urn}</dd></div>
        <div><dt>Type</dt><dd>{s.type ?? '–'}</dd></div>
        <div><dt>Phase</dt><dd>{s.phase ?? '–'}</dd></div>
        <div><dt>Status</dt><dd>{s.status ?? '–'}</dd></div>
        <div><dt>Local authority</dt><dd>{s.laName ?? '–'}</dd></div>
        <div><dt>Region</dt><dd>{s.region ?? '–'}</dd></div>
        <div><dt>Pupils</dt><dd>{number(s.numberOfPupils)}</dd></div>
        <div><dt>Opened</dt><dd>{s.openDate ?? '–'}</dd></div>
        {s.closeDate && <div><dt>Closed</dt><dd>{s.closeDate}</dd></div>}
      </dl>
      <section aria-labelledby="networks-heading">
        <h2 id="networks-heading">Networks {asOf ? `on ${asOf}` : 'today'}</h2>
        {s.memberships.length === 0 ? <p>This school is in no network on the date.</p> : (
          <table data-testid="school-networks">
            <caption>{s.memberships.length} networks</caption>
            <thead><tr><th scope="col">Network</th><th scope="col">Kind</th><th scope="col">Role</th><th scope="col">Joined</th></tr></thead>
            <tbody>
              {s.memberships.map((m) => (
                <tr key={m.partnership.id}>
                  <td><Link to={withAsOf(`/networks/${encodeURIComponent(m.partnership.id)}`)}>{m.partnership.name}</Link></td>
                  <td>{kindLabel(m.partnership.kind)}</td>
                  <td>{kindLabel(m.role)}</td>
                  <td>{m.joined ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <SchoolMap points={points} label={`Where ${s.name} is`} />
      <MembershipTimeline history={s.membershipHistory} asOf={asOf} opened={s.openDate} />
      <Lineage lineage={s.lineage} />
      <ResultsSeries urn={s.urn} />
    </article>
  );
}
