import { AtlasClient } from './atlas';
import { RecentRuns, StoreChanged } from './documents';

declare const process: { argv: string[]; exit(code: number): never }; // Node's, without @types/node

/**
 * The dashboard's client run against a real server (the test suite's DashboardExampleTests): a persisted query, the
 * same query again answered 304 from the kept copy, then one storeChanged event over Server-Sent Events, after
 * which the query is answered anew. Prints one JSON line per step; exits 1 on failure.
 * Usage: node dist-check/check.js BASE_URL (the test writes to the store once the subscription is open).
 */
const base = process.argv[2];
const client = new AtlasClient(base);
const say = (step: Record<string, unknown>) => console.log(JSON.stringify(step));
const timeout = setTimeout(() => {
  say({ step: 'timeout' });
  process.exit(1);
}, 60_000);

const first = await client.query(RecentRuns, { last: 5 });
say({ step: 'query', totalCount: first.data.importRuns?.totalCount, notModified: first.notModified });
const again = await client.query(RecentRuns, { last: 5 });
say({ step: 'again', totalCount: again.data.importRuns?.totalCount, notModified: again.notModified });

const stamp = await new Promise<number>((resolve, reject) => {
  const stop = client.subscribe(StoreChanged, {}, (event) => {
    stop();
    resolve(event.storeChanged.stamp);
  }, reject, () => say({ step: 'subscribed' }));
});
say({ step: 'storeChanged', stamp });
const after = await client.query(RecentRuns, { last: 5 });
say({ step: 'after', totalCount: after.data.importRuns?.totalCount, notModified: after.notModified });
client.dispose();
clearTimeout(timeout);
