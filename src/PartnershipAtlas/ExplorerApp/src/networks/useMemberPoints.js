import { queryCsv } from '../api/client.js';
import { parseCsv } from '../api/csv.js';
import { useQuery } from '../api/useQuery.js';
import memberPoints from './memberPoints.graphql';

// Every member with its location, whatever the network's size: the document is asked for as CSV, so the server
// walks the pages (one request, charged once).
async function loadPoints(document, variables, signal) {
  const rows = parseCsv(await queryCsv(document, variables, signal));
  return rows.map((r) => ({
    urn: Number(r['establishment.urn']), name: r['establishment.name'],
    easting: r['establishment.easting'], northing: r['establishment.northing'],
  }));
}

/** The members of each network id (on the date), as map points: { data: [[point…] per id], error, loading }. */
export function useMemberPoints(ids, asOf) {
  return useQuery(memberPoints, { ids, asOf }, { skip: ids.length === 0, run: loadAll });
}

async function loadAll(document, { ids, asOf }, signal) {
  return Promise.all(ids.map((id) => loadPoints(document, { id, asOf }, signal)));
}
