import { AtlasClient } from './atlas';
import { RecentRuns, StoreChanged } from './documents';
import type { RecentRunsQuery } from './gql/graphql';

/** The page: the newest import runs, refreshed when the store changes, and polled (cheaply, with ETags) meanwhile. */
const client = new AtlasClient(window.location.origin);
const status = document.getElementById('status')!;
const rows = document.getElementById('runs')!;

function cell(text: string | number | null | undefined): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  return td;
}

function render(data: RecentRunsQuery): void {
  rows.replaceChildren(
    ...(data.importRuns?.nodes ?? []).reverse().map((run) => {
      const tr = document.createElement('tr');
      tr.append(cell(run.id), cell(run.dataset), cell(run.fileName), cell(run.status), cell(run.rowsRead), cell(run.rowsRejected), cell(run.finishedAt));
      return tr;
    }),
  );
}

async function refresh(reason: string): Promise<void> {
  const { data, notModified } = await client.query(RecentRuns, { last: 20 });
  if (!notModified) render(data);
  status.textContent = `${data.importRuns?.totalCount ?? 0} runs; ${reason} at ${new Date().toLocaleTimeString()}${notModified ? ' (not modified)' : ''}`;
}

client.subscribe(StoreChanged, {}, (event) => void refresh(`store stamp ${event.storeChanged.stamp}`));
setInterval(() => void refresh('polled'), 60_000);
void refresh('loaded');
