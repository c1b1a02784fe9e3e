// The server's explorer settings (GET /explorer/config.json: the optional tile layer), fetched once.
let pending;
export function explorerConfig() {
  pending ??= fetch('/explorer/config.json').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  return pending;
}
