import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-sse';

/** What codegen leaves of a document in replaceDocumentWithHash mode: its persisted id, typed by its result and variables. */
type Persisted<R, V> = TypedDocumentNode<R, V> & { __meta__?: { hash?: string } };

function documentId<R, V>(document: Persisted<R, V>): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('The document has no persisted hash: run `npm run codegen`.');
  return hash.startsWith('sha256:') ? hash : `sha256:${hash}`;
}

/**
 * A small PartnershipAtlas client. Queries go by persisted document id with GET, so the server's ETag applies: an
 * answer asked for again is sent back as 304 Not Modified until the store changes, and the copy kept here is used.
 */
export class AtlasClient {
  private readonly kept = new Map<string, { etag: string; body: unknown }>();
  private stream?: Client;

  constructor(private readonly baseUrl: string, private readonly fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)) {}

  /** Runs a query; `notModified` is true when the server answered 304 and the kept copy was returned. */
  async query<R, V>(document: Persisted<R, V>, variables: V): Promise<{ data: R; notModified: boolean }> {
    const url = `${this.baseUrl}/graphql?documentId=${encodeURIComponent(documentId(document))}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
    const kept = this.kept.get(url);
    const headers: Record<string, string> = { Accept: 'application/graphql-response+json' };
    if (kept) headers['If-None-Match'] = kept.etag;
    const response = await this.fetchImpl(url, { headers });
    if (response.status === 304 && kept) return { data: (kept.body as { data: R }).data, notModified: true };
    const body = (await response.json()) as { data?: R; errors?: { message: string }[] };
    if (!response.ok || body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
    const etag = response.headers.get('ETag');
    if (etag) this.kept.set(url, { etag, body });
    return { data: body.data, notModified: false };
  }

  /**
   * Calls `next` for each event of a persisted subscription (over Server-Sent Events); returns the function that stops
   * it. `connected` is called once the server has accepted the stream (from then on no change is missed).
   */
  subscribe<R, V>(document: Persisted<R, V>, variables: V, next: (data: R) => void, error: (e: unknown) => void = console.error,
    connected: () => void = () => undefined): () => void {
    this.stream ??= createClient({ url: `${this.baseUrl}/graphql/stream`, fetchFn: this.fetchImpl, retryAttempts: 5 });
    // The server takes a persisted document id in place of the text (graphql-sse sends the request as it is given).
    const request = { documentId: documentId(document), variables } as unknown as { query: string };
    return this.stream.subscribe<R>(request, {
      next: (result) => (result.data ? next(result.data as R) : error(result.errors)),
      error,
      complete: () => undefined,
    }, { connected });
  }

  dispose(): void {
    this.stream?.dispose();
  }
}
