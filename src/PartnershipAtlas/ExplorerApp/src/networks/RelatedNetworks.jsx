import { Link } from 'react-router';
import { useWithAsOf } from '../app/asOf.js';
import { kindLabel } from '../common/format.js';

function NetworkList({ title, testId, networks, none }) {
  const withAsOf = useWithAsOf();
  return (
    <div>
      <h3>{title}</h3>
      {networks.length === 0 ? <p data-testid={`${testId}-none`}>{none}</p> : (
        <ul data-testid={testId}>
          {networks.map((n) => (
            <li key={n.id}><Link to={withAsOf(`/networks/${encodeURIComponent(n.id)}`)}>{n.name}</Link> ({kindLabel(n.kind)})</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The networks inside this one (an umbrella trust's trusts) and the networks it is inside, on the date. */
export default function RelatedNetworks({ memberNetworks, partOf }) {
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">Member and parent networks</h2>
      <NetworkList title="Networks inside this one" testId="member-networks" networks={memberNetworks} none="No network is a member of this one on the date." />
      <NetworkList title="Networks this one is part of" testId="parent-networks" networks={partOf} none="This network is not part of another on the date." />
    </section>
  );
}
