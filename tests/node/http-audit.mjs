// Audits a GraphQL endpoint against the GraphQL-over-HTTP spec with
// graphql-http's server audits.
//
//   node http-audit.mjs <graphqlUrl>
//
// Prints one line per audit ("<status> <id> <name>[: <reason>]"), then one JSON
// line {"ok":N,"notice":N,"warn":N,"error":N}. Exits 0 only when there is no
// warn and no error ("notice" is graphql-http's informational level).
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  process.stderr.write('usage: node http-audit.mjs <graphqlUrl>\n');
  process.exit(2);
}

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const audit of serverAudits({ url })) {
  let result;
  try {
    result = await audit.fn();
  } catch (e) {
    // graphql-http throws only on a fatal problem (e.g. the server is down).
    result = { id: audit.id, name: audit.name, status: 'error', reason: String(e?.message || e) };
  }
  counts[result.status] = (counts[result.status] ?? 0) + 1;
  const reason = result.status === 'ok' ? '' : `: ${String(result.reason).replace(/\s+/g, ' ')}`;
  process.stdout.write(`${result.status.padEnd(6)} ${result.id} ${result.name}${reason}\n`);
}
process.stdout.write(`${JSON.stringify(counts)}\n`);
process.exitCode = counts.warn === 0 && counts.error === 0 ? 0 : 1;
