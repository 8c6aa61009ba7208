// Prints the gzipped size of the JavaScript the app's first page loads (the
// entry script of dist/index.html and its module preloads) and fails above
// the budget of 250 KB. The build stores most assets gzipped already
// (scripts/gzip-assets.mjs): their size is that of their .gz.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budget = 250 * 1024;
const html = readFileSync('dist/index.html', 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/app\/([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const name of scripts) {
  const zipped = `dist/${name}.gz`;
  const size = existsSync(zipped) ? readFileSync(zipped).length : gzipSync(readFileSync(`dist/${name}`), { level: 9 }).length;
  total += size;
  console.log(`  ${name}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`first-load JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${budget / 1024} KB)`);
if (!scripts.length || total > budget) {
  console.error(scripts.length ? 'over the budget' : 'no script found in dist/index.html');
  process.exit(1);
}
