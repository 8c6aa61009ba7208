// A graphql-ws client (graphql-transport-ws) subscribes to catalog changes
// and receives the one a staff member makes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { post, staffToken, unique, wsURL } from './env.js';

test('a catalog change reaches a graphql-ws subscriber', async () => {
  const client = createClient({
    url: wsURL,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${staffToken}` },
    retryAttempts: 0,
  });
  const versions: string[] = [];
  let wake: () => void = () => {};
  const ended = new Promise<void>((resolve, reject) => {
    client.subscribe<{ catalogChanged: { catalogVersion: string } }>(
      { query: 'subscription { catalogChanged { catalogVersion } }' },
      {
        next: (msg) => {
          if (msg.errors) {
            reject(new Error(JSON.stringify(msg.errors)));
            return;
          }
          versions.push(msg.data!.catalogChanged.catalogVersion);
          wake();
        },
        error: reject,
        complete: resolve,
      },
    );
  });
  try {
    // The server registers the subscription soon after the subscribe
    // message; a change made before would go unannounced, so changes are
    // made until one is announced, and the last announced must be the
    // catalog's version.
    let current = '';
    for (let attempt = 0; attempt < 20 && !versions.includes(current); attempt++) {
      const created = await post(
        `mutation($in: OrganizationInput!) { createOrganization(input: $in, reason: "graphql-ws client test") { organization { id } userErrors { message } } }`,
        { in: { name: unique('Subscription Test Board') } },
        true,
      );
      assert.equal(created.status, 200);
      assert.deepEqual(created.body.data.createOrganization.userErrors, [], JSON.stringify(created.body));
      current = (await post('{ catalogVersion }')).body.data.catalogVersion;
      if (!versions.includes(current)) {
        await Promise.race([new Promise<void>((r) => (wake = r)), new Promise((r) => setTimeout(r, 500))]);
      }
    }
    assert.ok(versions.includes(current), `announced ${JSON.stringify(versions)}, the catalog is at ${current}`);
  } finally {
    await client.dispose();
  }
  await Promise.race([ended, new Promise((r) => setTimeout(r, 1000))]);
});
