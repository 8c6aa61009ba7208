import { defineConfig } from 'vite';

// The app is served by the Go binary at /app/; GraphiQL's page is built
// beside it and served at /, loading its assets from /app/assets/.
export default defineConfig({
  base: '/app/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { index: 'index.html', graphiql: 'graphiql.html' },
    },
  },
});
