// The schema the server serves, printed as SDL, and its checks.
//
//   node schema.mjs print            prints the served schema (RECERT_URL)
//   node schema.mjs check FILE       fails when FILE differs from the served schema
//
// The schema is read by introspection and printed by graphql-js, so it is
// exactly what clients and tools see.
import { readFileSync } from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

export async function servedSchema(url) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({
      query: getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        inputValueDeprecation: true,
      }),
    }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.errors) {
    throw new Error(`introspection failed (${res.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return printSchema(buildClientSchema(body.data)) + '\n';
}

function firstDifference(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) {
      return `line ${i + 1}:\n  committed: ${JSON.stringify(x[i] ?? '<end of file>')}\n  served:    ${JSON.stringify(y[i] ?? '<end of file>')}`;
    }
  }
  return '';
}

const [command, file] = process.argv.slice(2);
if (command === 'print' || command === 'check') {
  const url = process.env.RECERT_URL;
  if (!url) {
    console.error('RECERT_URL is not set; run through scripts/start-test-server.sh');
    process.exit(2);
  }
  const served = await servedSchema(url);
  if (command === 'print') {
    process.stdout.write(served);
  } else {
    const committed = readFileSync(file, 'utf8');
    if (committed !== served) {
      console.error(`${file} differs from the schema the server serves; run \`make schema\` and commit it.`);
      console.error(firstDifference(committed, served));
      process.exit(1);
    }
    console.log(`${file} is the schema the server serves`);
  }
} else if (command !== undefined) {
  console.error('usage: node schema.mjs print | check FILE');
  process.exit(2);
}
