import { useMemo } from 'react';
import SchoolMap from '../map/SchoolMap.jsx';
import { useMemberPoints } from '../networks/useMemberPoints.js';

/** Both networks' members on the map, coloured by network, the shared schools marked. */
export default function PairMap({ pair, asOf }) {
  const ids = useMemo(() => [pair.a.id, pair.b.id], [pair]);
  const result = useMemberPoints(ids, asOf);
  const groups = useMemo(() => [{ label: pair.a.name }, { label: pair.b.name }], [pair]);
  const points = useMemo(() => {
    if (!result.data) return [];
    const [a, b] = result.data;
    const inB = new Set(b.map((p) => p.urn));
    const inA = new Set(a.map((p) => p.urn));
    return [
      ...a.map((p) => ({ ...p, group: 0, marked: inB.has(p.urn), networks: inB.has(p.urn) ? [pair.a.name, pair.b.name] : [pair.a.name] })),
      ...b.filter((p) => !inA.has(p.urn)).map((p) => ({ ...p, group: 1, networks: [pair.b.name] })),
    ];
  }, [result.data, pair]);
  if (result.error) return <p role="alert">The map could not be loaded: {result.error.message}</p>;
  if (!result.data) return <p className="loading" role="status">Loading the pair's members…</p>;
  return <SchoolMap points={points} groups={groups} label={`${pair.a.name} and ${pair.b.name}`} />;
}
