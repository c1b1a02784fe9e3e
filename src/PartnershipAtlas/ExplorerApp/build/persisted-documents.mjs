// Vite plugin: every `import doc from './x.graphql'` becomes { id: 'sha256:<hex>', name: '<operation name>' }.
// The app sends only the id; the document texts are written to <outDir>/documents/<hex>.graphql, which the server
// loads at start as persisted documents (Explorer/ExplorerDocuments.cs). The id is the SHA-256 of the file's exact
// UTF-8 text, as the server computes it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export default function persistedDocuments() {
  const documents = new Map();
  return {
    name: 'atlas-persisted-documents',
    load(id) {
      if (!id.endsWith('.graphql')) return null;
      const text = readFileSync(id, 'utf8');
      const hash = createHash('sha256').update(text, 'utf8').digest('hex');
      const name = /\b(?:query|mutation)\s+(\w+)/.exec(text)?.[1];
      if (!name) this.error(`${id}: every explorer document needs a named operation`);
      documents.set(hash, text);
      return `export default ${JSON.stringify({ id: `sha256:${hash}`, name })};`;
    },
    generateBundle() {
      for (const [hash, text] of documents) {
        this.emitFile({ type: 'asset', fileName: `documents/${hash}.graphql`, source: text });
      }
    },
  };
}
