// The one way the explorer talks to the server: POST /graphql with a persisted document's id (never its text).
// Documents are imported from .graphql files (build/persisted-documents.mjs turns them into { id, name }).

export class ApiError extends Error {
  constructor(message, { status, retryAfter, code } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.retryAfter = retryAfter;
    this.code = code;
  }
}

const JSON_TYPES = 'application/graphql-response+json, application/json';

async function post(document, variables, accept, signal) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: accept },
      body: JSON.stringify({ documentId: document.id, variables }),
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(`The server could not be reached (${e.message}).`);
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After') || '60');
    throw new ApiError(`Too many requests: the server asks to wait ${seconds} s. Try again after ${new Date(Date.now() + seconds * 1000).toLocaleTimeString()}.`, { status: 429, retryAfter: seconds });
  }
  return response;
}

async function errorOf(response) {
  const body = await response.json().catch(() => null);
  const messages = body?.errors?.map((e) => e.message).filter(Boolean);
  return new ApiError(messages?.length ? messages.join(' ') : `The server answered HTTP ${response.status}.`, { status: response.status });
}

/** Runs a document; resolves to its `data`, or rejects with an ApiError carrying the API's message. */
export async function query(document, variables = {}, signal) {
  const response = await post(document, variables, JSON_TYPES, signal);
  const body = await response.json().catch(() => null);
  if (!body) throw new ApiError(`The server answered HTTP ${response.status} with no GraphQL response.`, { status: response.status });
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join(' '), { status: response.status, code: body.errors[0].extensions?.code });
  return body.data;
}

/** The document's first connection as CSV (the server walks every page): resolves to the CSV text. */
export async function queryCsv(document, variables = {}, signal) {
  const response = await post(document, variables, 'text/csv', signal);
  if (!response.ok) throw await errorOf(response);
  return response.text();
}
