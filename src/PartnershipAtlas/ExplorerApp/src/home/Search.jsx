import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { useWithAsOf } from '../app/asOf.js';
import ErrorMessage from '../common/ErrorMessage.jsx';
import { kindLabel } from '../common/format.js';
import search from './search.graphql';

const URN = /^\d{5,7}$/;

// Names are stored as published (trusts often in capitals) and `contains` is case-sensitive: try the usual casings.
function nameContains(term) {
  const title = term.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
  const casings = [...new Set([term, term.toLowerCase(), term.toUpperCase(), title])];
  return { or: casings.map((c) => ({ name: { contains: c } })) };
}

/** Schools by name or URN and networks by name, as you type (after a short pause). */
export default function Search() {
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const byUrn = URN.test(term);
  const result = useQuery(search, { schoolWhere: nameContains(term), networkWhere: nameContains(term), urn: byUrn ? Number(term) : 0, byUrn }, { skip: term.length < 2 });
  const withAsOf = useWithAsOf();
  const data = result.data;
  const schools = [...(data?.school ? [data.school] : []), ...(data?.schools.nodes ?? [])];
  return (
    <section className="search" aria-labelledby="search-heading">
      <h2 id="search-heading">Find a school or a network</h2>
      <label htmlFor="search">School name or URN, or network name</label>
      <input id="search" type="search" role="searchbox" autoComplete="off" value={text} aria-describedby="search-status"
        onChange={(e) => setText(e.target.value)} placeholder="e.g. Oasis, 136888" />
      <p id="search-status" className="hint" role="status">
        {term.length < 2 ? 'Type two or more characters.' : result.loading ? 'Searching…' : data ? `${schools.length} schools and ${data.networks.nodes.length} networks shown.` : ''}
      </p>
      {result.error && <ErrorMessage error={result.error} what="the search" />}
      {data && term.length >= 2 && (
        <div className="search-results">
          <div>
            <h3>Schools {data.schools.totalCount > schools.length && <span className="hint">(first {schools.length} of {data.schools.totalCount})</span>}</h3>
            <ul>{schools.map((s) => <li key={s.urn}><Link to={withAsOf(`/schools/${s.urn}`)}>{s.name}</Link> <span className="hint">URN {s.urn} · {s.laName} · {s.phase}</span></li>)}</ul>
          </div>
          <div>
            <h3>Networks {data.networks.totalCount > data.networks.nodes.length && <span className="hint">(first {data.networks.nodes.length} of {data.networks.totalCount})</span>}</h3>
            <ul>{data.networks.nodes.map((n) => <li key={n.id}><Link to={withAsOf(`/networks/${encodeURIComponent(n.id)}`)}>{n.name}</Link> <span className="hint">{kindLabel(n.kind)}</span></li>)}</ul>
          </div>
        </div>
      )}
    </section>
  );
}
