import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { useAsOf, today } from '../app/asOf.js';
import NotFound from '../common/NotFound.jsx';
import QueryState from '../common/QueryState.jsx';
import { kindLabel, number } from '../common/format.js';
import SchoolMap from '../map/SchoolMap.jsx';
import ExportButtons from './ExportButtons.jsx';
import GrowthChart from './GrowthChart.jsx';
import MembersTable from './MembersTable.jsx';
import OverlappingNetworks from './OverlappingNetworks.jsx';
import Profile from './Profile.jsx';
import RelatedNetworks from './RelatedNetworks.jsx';
import Attainment from './Attainment.jsx';
import network from './network.graphql';
import { useMemberPoints } from './useMemberPoints.js';

const SERIES_FROM = '2010-01-01';

export default function NetworkPage() {
  const { id } = useParams();
  const [asOf] = useAsOf();
  const result = useQuery(network, { id, asOf, from: SERIES_FROM, to: asOf ?? today() });
  if ((result.data && !result.data.node?.kind) || result.error?.code === 'INVALID_NODE_ID') return <NotFound what="network" id={id} />;
  return (
    <QueryState result={result} what="the network">
      {(data) => <Network network={data.node} asOf={asOf} />}
    </QueryState>
  );
}

function Network({ network: n, asOf }) {
  const ids = useMemo(() => [n.id], [n.id]);
  const points = useMemberPoints(ids, asOf);
  const mapPoints = useMemo(() => (points.data?.[0] ?? []).map((p) => ({ ...p, networks: [n.name] })), [points.data, n.name]);
  return (
    <article className="network">
      <h1>{n.name}</h1>
      <dl className="facts">
        <div><dt>Kind</dt><dd>{kindLabel(n.kind)}</dd></div>
        <div><dt>Members {asOf ? `on ${asOf}` : 'today'}</dt><dd data-testid="member-count">{number(n.memberCount)}</dd></div>
        <div><dt>Opened</dt><dd>{n.openDate ?? '–'}</dd></div>
        <div><dt>Closed</dt><dd>{n.closeDate ?? '–'}</dd></div>
        {n.status && <div><dt>Status</dt><dd>{n.status}</dd></div>}
        {n.groupId && <div><dt>GIAS group</dt><dd>{n.groupId}</dd></div>}
        {n.companiesHouseNumber && <div><dt>Companies House</dt><dd>{n.companiesHouseNumber}</dd></div>}
      </dl>
      <ExportButtons network={n} asOf={asOf} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {points.error ? <p role="alert">The map could not be loaded: {points.error.message}</p>
          : points.loading ? <p className="loading" role="status">Loading the map…</p>
          : <SchoolMap points={mapPoints} label={`Members of ${n.name}`} />}
        <MembersTable id={n.id} asOf={asOf} name={n.name} />
      </section>
      <GrowthChart series={n.memberCountSeries} name={n.name} />
      <Profile id={n.id} asOf={asOf} />
      <Attainment id={n.id} asOf={asOf} />
      <OverlappingNetworks overlaps={n.overlappingPartnerships} self={n.id} />
      <RelatedNetworks memberNetworks={n.memberNetworks} partOf={n.partOf} />
    </article>
  );
}
