// The GraphQL client: urql over fetch for queries and mutations, graphql-ws
// for the subscription, and a multipart request for uploads.
import { Client, fetchExchange, subscriptionExchange, type CombinedError, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { createClient as createWSClient, type Client as WSClient } from 'graphql-ws';
import { print } from 'graphql';
import { graphqlURL } from './config';
import { currentSession } from './auth';

let ws: WSClient | null = null;

function socket(): WSClient {
  if (!ws) {
    ws = createWSClient({
      url: graphqlURL.replace(/^http/, 'ws'),
      connectionParams: () => {
        const s = currentSession();
        return s ? { Authorization: `Bearer ${s.token}` } : {};
      },
      retryAttempts: 20,
    });
  }
  return ws;
}

/** client is the app's one GraphQL client; every request carries the session's token. */
export const client = new Client({
  url: graphqlURL,
  requestPolicy: 'network-only',
  preferGetMethod: false,
  exchanges: [
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query || '' };
        return {
          subscribe(sink) {
            const unsubscribe = socket().subscribe(input, sink);
            return { unsubscribe };
          },
        };
      },
    }),
  ],
  fetchOptions: (): RequestInit => {
    const s = currentSession();
    const headers: Record<string, string> = s ? { Authorization: `Bearer ${s.token}` } : {};
    return { headers };
  },
});

/** errorText says in words what went wrong, with the API's own message. */
export function errorText(error: CombinedError | Error | unknown): string {
  const e = error as CombinedError;
  if (e?.graphQLErrors?.length) return e.graphQLErrors.map((g) => g.message).join(' ');
  if (e?.networkError) return `The API could not be reached: ${e.networkError.message}. Check your connection and try again.`;
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}

/**
 * upload sends a mutation with one file as a GraphQL multipart request
 * (the file goes at fileVariable, a dotted path such as "input.copy") and
 * returns its data.
 */
export async function upload<R, V extends AnyVariables>(document: TypedDocumentNode<R, V>, variables: V, fileVariable: string, file: File): Promise<R> {
  const copy = JSON.parse(JSON.stringify(variables, (_k, v) => (v instanceof File ? null : v))) as Record<string, unknown>;
  const path = fileVariable.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]] = null;
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(document), variables: copy }));
  form.append('map', JSON.stringify({ 0: [`variables.${fileVariable}`] }));
  form.append('0', file, file.name);
  const s = currentSession();
  const res = await fetch(graphqlURL, {
    method: 'POST',
    body: form,
    headers: { 'Apollo-Require-Preflight': 'true', ...(s ? { Authorization: `Bearer ${s.token}` } : {}) },
  });
  const body = await res.json().catch(() => null);
  if (body?.errors?.length) throw new Error(body.errors.map((e: { message: string }) => e.message).join(' '));
  if (!res.ok || !body?.data) throw new Error(`The upload failed (HTTP ${res.status}).`);
  return body.data as R;
}

/**
 * firstResult resolves to the first result of a query or mutation, and
 * ends the operation a moment later rather than from within that result:
 * ending a request inside its own answer (as toPromise does) aborts what
 * the client still reads of it, which the page reports as an uncaught
 * AbortError.
 */
export function firstResult<T>(source: { subscribe(onResult: (r: T) => void): { unsubscribe(): void } }): Promise<T> {
  return new Promise((resolve) => {
    let done = false;
    const sub = source.subscribe((r) => {
      if (done) return;
      done = true;
      resolve(r);
      setTimeout(() => sub.unsubscribe(), 0);
    });
  });
}
