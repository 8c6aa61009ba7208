// Runs the GraphQL-over-HTTP compliance audit of the graphql-http package
// against the server at RECERT_URL and fails unless every check is ok:
// no warning, no notice, no error.
//
//   RECERT_URL=http://127.0.0.1:8080/graphql node audit.mjs
import { auditServer } from 'graphql-http';

const url = process.env.RECERT_URL;
if (!url) {
  console.error('RECERT_URL is not set; run through scripts/start-test-server.sh');
  process.exit(2);
}

const results = await auditServer({ url });
const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
for (const r of results) {
  counts[r.status] = (counts[r.status] ?? 0) + 1;
  if (r.status !== 'ok') {
    let detail = r.reason;
    if (r.response) {
      const body = await r.response.text().catch(() => '');
      detail += ` (status ${r.response.status}, content-type ${r.response.headers.get('content-type')}, body ${body.slice(0, 300)})`;
    }
    console.log(`${r.status.toUpperCase()} ${r.id} ${r.name}: ${detail}`);
  }
}
console.log(`graphql-http audit: ${counts.ok}/${results.length} ok, ${counts.warn} warn, ${counts.notice} notice, ${counts.error} error`);
if (counts.ok !== results.length) {
  process.exit(1);
}
