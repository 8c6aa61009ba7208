// The built assets, stored gzip-compressed: the Go binary embeds web/dist and
// serves each asset's gzip bytes as they are to browsers that accept gzip
// (and decompresses them for the rare client that does not), so the binary
// and every first load carry the compressed size. Each compressible asset of
// dist/assets/ over 1 KB is replaced by `<name>.gz`; smaller ones, files
// that are compressed already (images, fonts in woff2) and the HTML pages,
// which are small and revalidated on every visit, stay plain.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The smallest asset worth compressing, in bytes. */
export const minimumSize = 1024;

const compressible = /\.(?:m?js|css|svg|json|map|txt|xml|wasm|ttf|otf)$/;

/**
 * shouldGzip reports whether the asset fileName of size bytes is stored
 * compressed.
 * @param {string} fileName the asset's path under dist/, e.g. assets/x.js
 * @param {number} size
 * @returns {boolean}
 */
export function shouldGzip(fileName, size) {
  return fileName.startsWith('assets/') && compressible.test(fileName) && size > minimumSize;
}

/**
 * gzip returns data compressed at the best level with a header that names
 * no file and no time (node's zlib writes neither), so that the same input
 * always gives the same bytes and `make check-web` stays stable.
 * @param {Uint8Array} data
 * @returns {Buffer}
 */
export function gzip(data) {
  return gzipSync(data, { level: 9 });
}

/**
 * gzipAssets is the Vite plugin that, once the bundle is written, replaces
 * each asset shouldGzip picks by its `.gz`.
 */
export function gzipAssets() {
  return {
    name: 'gzip-assets',
    apply: 'build',
    writeBundle: {
      order: 'post',
      handler(options, bundle) {
        for (const fileName of Object.keys(bundle)) {
          const file = join(options.dir, fileName);
          const data = readFileSync(file);
          if (!shouldGzip(fileName, data.length)) {
            continue;
          }
          writeFileSync(`${file}.gz`, gzip(data));
          unlinkSync(file);
        }
      },
    },
  };
}
