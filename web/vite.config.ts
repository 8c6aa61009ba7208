/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { readmeExamples } from './scripts/readme-examples.mjs';
import { graphqlMinify } from './scripts/graphql-minify.mjs';
import { htmlMinify } from './scripts/html-minify.mjs';
import { gzipAssets } from './scripts/gzip-assets.mjs';

// The app is served by the Go binary at /app/; GraphiQL's page is built
// beside it and served at /, loading its assets from /app/assets/. GraphiQL
// gets only the README's examples (virtual:readme-examples), not the whole
// README. The app's GraphQL documents and the built HTML pages are minified
// (scripts/graphql-minify.mjs, scripts/html-minify.mjs). The assets are
// written gzip-compressed, `<name>.gz` in place of `<name>`, and the binary
// serves them so (scripts/gzip-assets.mjs). `npm test` runs the unit tests
// of src/ and scripts/ (vitest).
export default defineConfig({
  base: '/app/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [
    readmeExamples(fileURLToPath(new URL('../README.md', import.meta.url)), (p) => readFileSync(p, 'utf8')),
    graphqlMinify(fileURLToPath(new URL('./src/', import.meta.url))),
    htmlMinify(),
    gzipAssets(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { index: 'index.html', graphiql: 'graphiql.html' },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
  },
});
