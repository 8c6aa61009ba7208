// The GraphiQL page served at / in development: React and GraphiQL come
// from the npm packages, bundled into the binary's embedded files, and the
// editor opens on the README's example queries, one tab each (only those are
// built in: scripts/readme-examples.mjs).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import examples from 'virtual:readme-examples';
// The first tab: what the Headers tab is for, kept as written (comments
// included) since it is read in the editor.
import headersHelp from './headers-help.graphql?raw';

const fetcher = createGraphiQLFetcher({
  url: `${location.origin}/graphql`,
  subscriptionUrl: `${location.origin.replace(/^http/, 'ws')}/graphql`,
});
const tabs = [headersHelp, ...examples].map((query) => ({ query }));

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: 'headers', shouldPersistHeaders: false }),
);
