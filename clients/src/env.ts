// What scripts/start-test-server.sh tells the client tests about the server.

function need(name: string): string {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set; run the client tests through scripts/start-test-server.sh`);
  }
  return v;
}

/** The GraphQL endpoint, http://127.0.0.1:PORT/graphql. */
export const url = need('RECERT_URL');
/** The same endpoint for websockets. */
export const wsURL = url.replace(/^http/, 'ws');
/** A STAFF bearer token. */
export const staffToken = need('RECERT_STAFF_TOKEN');

/** A string no other test run uses, for names that must be unique. */
export function unique(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}`;
}

/** Posts a GraphQL request with fetch, as staff when asked. */
export async function post<T = any>(query: string, variables: Record<string, unknown> = {}, asStaff = false): Promise<{ status: number; body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if (asStaff) {
    headers.authorization = `Bearer ${staffToken}`;
  }
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: await res.json() };
}
