// Apollo Client against the running server: queries and mutations with
// variables, user errors read from the payload, GraphQL errors and the
// server's codes as Apollo surfaces them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { staffToken, unique, url } from './env.js';

function client(token?: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: url, headers: token ? { authorization: `Bearer ${token}` } : {} }),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
  });
}

const CERTIFICATIONS = gql`
  query Certifications($first: Int!, $search: String) {
    certifications(first: $first, filter: { search: $search }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id displayName organization { acronym } }
    }
  }
`;

const REGISTER = gql`
  mutation Register($input: RegisterCandidateInput!) {
    registerCandidate(input: $input) {
      candidate { id msscCandidateId name email }
      userErrors { field code message }
    }
  }
`;

test('a query with variables', async () => {
  const { data } = await client().query<any>({ query: CERTIFICATIONS, variables: { first: 3, search: 'Certfied Weldng Inspector' } });
  assert.equal(data.certifications.nodes.length, 3);
  assert.match(data.certifications.nodes[0].displayName, /Certified Welding Inspector/);
  const all = await client().query<any>({ query: CERTIFICATIONS, variables: { first: 5 } });
  assert.equal(all.data.certifications.totalCount >= 164, true);
  assert.equal(all.data.certifications.pageInfo.hasNextPage, true);
});

test('the Apollo cache normalizes Relay nodes by their global IDs', async () => {
  const c = new ApolloClient({ link: new HttpLink({ uri: url }), cache: new InMemoryCache() });
  const { data } = await c.query<any>({ query: CERTIFICATIONS, variables: { first: 2 } });
  const id = data.certifications.nodes[0].id;
  const cached = c.cache.extract() as Record<string, unknown>;
  assert.ok(cached[`Certification:${id}`], 'the certification is cached under its ID');
});

test('a mutation with variables, and its user errors', async () => {
  const staff = client(staffToken);
  const number = unique('C-APOLLO');
  const ok = await staff.mutate<any>({ mutation: REGISTER, variables: { input: { msscCandidateId: number, name: 'Apollo Client', email: 'apollo@example.com' } } });
  assert.deepEqual(ok.data.registerCandidate.userErrors, []);
  assert.equal(ok.data.registerCandidate.candidate.msscCandidateId, number);

  const again = await staff.mutate<any>({ mutation: REGISTER, variables: { input: { msscCandidateId: number, name: 'Apollo Client', email: 'apollo@example.com' } } });
  assert.equal(again.data.registerCandidate.candidate, null);
  assert.equal(again.data.registerCandidate.userErrors[0].code, 'CONFLICT');

  const bad = await staff.mutate<any>({ mutation: REGISTER, variables: { input: { msscCandidateId: unique('C-BAD'), name: ' ', email: 'not-an-email' } } });
  const fields = bad.data.registerCandidate.userErrors.map((e: any) => e.field.join('.'));
  assert.ok(fields.includes('input.email'), `user errors name the email: ${JSON.stringify(bad.data.registerCandidate.userErrors)}`);
  assert.ok(bad.data.registerCandidate.userErrors.every((e: any) => e.code === 'BAD_USER_INPUT' && e.message));
});

test('GraphQL errors carry the server codes', async () => {
  // An anonymous mutation: UNAUTHENTICATED in extensions.code.
  await assert.rejects(
    client().mutate({ mutation: REGISTER, variables: { input: { msscCandidateId: 'C-1', name: 'x', email: 'x@example.com' } } }),
    (err: unknown) => CombinedGraphQLErrors.is(err) && err.errors[0]?.extensions?.code === 'UNAUTHENTICATED',
  );
  // A query over a limit, answered 400 as application/graphql-response+json.
  await assert.rejects(
    client().query({ query: gql`{ fees { kind kind kind kind kind kind kind kind kind kind kind } }` }),
    (err: unknown) => CombinedGraphQLErrors.is(err) && err.errors[0]?.extensions?.code === 'MAX_SELECTIONS_EXCEEDED',
  );
  // An argument out of range.
  await assert.rejects(
    client().query({ query: CERTIFICATIONS, variables: { first: 100000 } }),
    (err: unknown) => CombinedGraphQLErrors.is(err) && err.errors[0]?.extensions?.code === 'BAD_USER_INPUT',
  );
});

test('the response carries its cost and the budget headers', async () => {
  let headers: Headers | undefined;
  const link = ApolloLink.from([
    new ApolloLink((operation, forward) => forward(operation)),
    new HttpLink({
      uri: url,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        headers = res.headers;
        return res;
      },
    }),
  ]);
  const c = new ApolloClient({ link, cache: new InMemoryCache() });
  const result = await c.query<any>({ query: CERTIFICATIONS, variables: { first: 10 }, fetchPolicy: 'no-cache' });
  assert.equal(result.data.certifications.nodes.length, 10);
  assert.ok(Number(headers?.get('x-ratelimit-limit')) > 0, 'X-RateLimit-Limit');
  assert.ok(headers?.get('x-ratelimit-remaining') !== null, 'X-RateLimit-Remaining');
  const raw = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ certifications(first: 10) { nodes { id organization { name } } } }' }),
  });
  const body = await raw.json();
  assert.deepEqual([body.extensions.cost.requested, body.extensions.cost.actual], [21, 1], JSON.stringify(body.extensions));
});
