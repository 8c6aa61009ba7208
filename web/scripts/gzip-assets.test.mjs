// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { gzip, gzipAssets, shouldGzip } from './gzip-assets.mjs';

test('scripts, styles and other text assets over 1 KB are compressed; small ones, images and the pages are not', () => {
  expect(shouldGzip('assets/index-abc.js', 2048)).toBe(true);
  expect(shouldGzip('assets/index-abc.css', 2048)).toBe(true);
  expect(shouldGzip('assets/logo-abc.svg', 2048)).toBe(true);
  expect(shouldGzip('assets/index-abc.js', 1024)).toBe(false);
  expect(shouldGzip('assets/photo-abc.png', 50000)).toBe(false);
  expect(shouldGzip('assets/font-abc.woff2', 50000)).toBe(false);
  expect(shouldGzip('index.html', 50000)).toBe(false);
});

test('the gzip bytes name no file and no time and depend only on the input', () => {
  const data = Buffer.from('export const answer = 42;\n'.repeat(100));
  const zipped = gzip(data);
  expect([...zipped.subarray(0, 3)]).toEqual([0x1f, 0x8b, 8]);
  expect(zipped[3]).toBe(0); // FLG: no FNAME, FCOMMENT, FEXTRA or FHCRC
  expect(zipped.readUInt32LE(4)).toBe(0); // MTIME
  expect(gzip(data).equals(zipped)).toBe(true);
  expect(gunzipSync(zipped).equals(data)).toBe(true);
});

test('the plugin replaces each picked asset by its .gz after the bundle is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gzip-assets-'));
  mkdirSync(join(dir, 'assets'));
  const big = 'body { margin: 0; }\n'.repeat(100);
  writeFileSync(join(dir, 'assets/big.css'), big);
  writeFileSync(join(dir, 'assets/small.js'), 'export {};\n');
  writeFileSync(join(dir, 'index.html'), '<p>x</p>'.repeat(500));
  const plugin = gzipAssets();
  expect(plugin.apply).toBe('build');
  plugin.writeBundle.handler({ dir }, { 'assets/big.css': {}, 'assets/small.js': {}, 'index.html': {} });
  expect(readdirSync(join(dir, 'assets')).sort()).toEqual(['big.css.gz', 'small.js']);
  expect(readdirSync(dir).sort()).toEqual(['assets', 'index.html']);
  expect(gunzipSync(readFileSync(join(dir, 'assets/big.css.gz'))).toString()).toBe(big);
});
