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

/** headersHelp is the first tab: what the Headers tab is for. */
const headersHelp = `# MSSC Recertification API
#
# Each tab holds one of the
# README's examples: press the
# run button or Ctrl-Enter.
#
# To sign in, open "Headers"
# below and paste
# {"Authorization": "Bearer <token>"}
# with a token printed by
#   make token
# (staff) or by
#   make token ROLE=CANDIDATE
#     SUBJECT=C-1001 CANDIDATE=C-1001
# Without it you are anonymous:
# the catalog and the check only.
{
  viewer { subject roles }
  catalogVersion
}
`;

const fetcher = createGraphiQLFetcher({
  url: `${location.origin}/graphql`,
  subscriptionUrl: `${location.origin.replace(/^http/, 'ws')}/graphql`,
});
const tabs = [headersHelp, ...examples].map((query) => ({ query }));

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: 'headers', shouldPersistHeaders: false }),
);
