import { useState } from 'react';
import { Link } from 'react-router';
import { queryCsv } from '../api/client.js';
import { download } from '../api/csv.js';
import { useQuery } from '../api/useQuery.js';
import { useWithAsOf } from '../app/asOf.js';
import ErrorMessage from '../common/ErrorMessage.jsx';
import { number } from '../common/format.js';
import members from './members.graphql';
import membersCsv from './membersCsv.graphql';

const PAGE = 20;
const COLUMNS = [
  { key: 'name', label: 'School', order: (d) => ({ establishment: { name: d } }) },
  { key: 'urn', label: 'URN', order: (d) => ({ establishment: { urn: d } }) },
  { key: 'la', label: 'Local authority', order: (d) => ({ establishment: { laName: d } }) },
  { key: 'phase', label: 'Phase', order: (d) => ({ establishment: { phase: d } }) },
  { key: 'pupils', label: 'Pupils', order: (d) => ({ establishment: { numberOfPupils: d } }) },
  { key: 'joined', label: 'Joined', order: (d) => ({ joined: d }) },
];

/** The members, sorted by any column (server-side) and paged with cursors; the whole table as CSV. */
export default function MembersTable({ id, asOf, name }) {
  const [sort, setSort] = useState({ key: 'name', direction: 'ASC' });
  const [cursors, setCursors] = useState([null]);
  const [csvError, setCsvError] = useState(null);
  const withAsOf = useWithAsOf();
  const column = COLUMNS.find((c) => c.key === sort.key);
  const variables = { id, asOf, first: PAGE, after: cursors.at(-1), order: [column.order(sort.direction)] };
  const result = useQuery(members, variables);
  const connection = result.data?.node?.members;

  const sortBy = (key) => {
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'ASC' ? 'DESC' : 'ASC' }));
    setCursors([null]);
  };
  const exportCsv = async () => {
    setCsvError(null);
    try {
      download(await queryCsv(membersCsv, { id, asOf, order: variables.order }), `members-${name.replace(/\W+/g, '-').toLowerCase()}.csv`);
    } catch (e) {
      setCsvError(e);
    }
  };

  return (
    <div className="members" aria-busy={result.loading}>
      <p>
        <button type="button" onClick={exportCsv}>Download the members table (CSV)</button>
      </p>
      {csvError && <ErrorMessage error={csvError} what="the CSV" />}
      {result.error && <ErrorMessage error={result.error} what="the members" />}
      <table className="sortable" data-testid="members-table">
        <caption>
          Members{connection ? `: ${number(connection.totalCount)}` : ''}, sorted by {column.label.toLowerCase()} ({sort.direction === 'ASC' ? 'ascending' : 'descending'})
          {result.loading && <span role="status"> (loading…)</span>}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.key} aria-sort={c.key === sort.key ? (sort.direction === 'ASC' ? 'ascending' : 'descending') : undefined}>
                <button type="button" onClick={() => sortBy(c.key)}>{c.label}</button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {connection?.nodes.map((m) => (
            <tr key={m.establishment?.urn ?? `${m.role}-${m.joined}`}>
              <td>{m.establishment ? <Link to={withAsOf(`/schools/${m.establishment.urn}`)}>{m.establishment.name}</Link> : '(an organisation)'}</td>
              <td className="numeric">{m.establishment?.urn}</td>
              <td>{m.establishment?.laName}</td>
              <td>{m.establishment?.phase}</td>
              <td className="numeric">{number(m.establishment?.numberOfPupils)}</td>
              <td>{m.joined ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager" aria-label="Members pages">
        <button type="button" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous page</button>
        <span>Page {cursors.length}{connection ? ` of ${Math.max(1, Math.ceil(connection.totalCount / PAGE))}` : ''}</span>
        <button type="button" disabled={!connection?.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, connection.pageInfo.endCursor])}>Next page</button>
      </nav>
    </div>
  );
}
