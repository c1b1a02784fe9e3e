// Registers the dashboard's documents (src/gql/persisted-documents.json, written by `npm run codegen`) with a
// PartnershipAtlas server, as a deploy step: node scripts/register.mjs BASE_URL REGISTRATION_KEY
// The server answers each with its id, the SHA-256 of the text: it must equal the hash codegen put in the client.
import { readFile } from 'node:fs/promises';

const [base, key] = process.argv.slice(2);
if (!base || !key) {
  console.error('Usage: node scripts/register.mjs BASE_URL REGISTRATION_KEY (Atlas:PersistedDocuments:RegistrationKey)');
  process.exit(2);
}
const documents = JSON.parse(await readFile(new URL('../src/gql/persisted-documents.json', import.meta.url), 'utf8'));
for (const [id, text] of Object.entries(documents)) {
  const hash = id.replace(/^sha256:/, '');
  const response = await fetch(`${base}/graphql/documents`, { method: 'POST', headers: { 'X-Registration-Key': key, 'Content-Type': 'text/plain' }, body: text });
  const body = await response.json();
  if (!response.ok || body.documentId !== `sha256:${hash}`) {
    console.error(`Registering ${hash} failed: ${response.status} ${JSON.stringify(body)}`);
    process.exit(1);
  }
  console.log(body.documentId);
}
