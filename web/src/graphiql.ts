// The GraphiQL page served at / in development: React and GraphiQL come
// from the npm packages, bundled into the binary's embedded files, and the
// editor opens on the README's example queries, one tab each.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import readme from '../../README.md?raw';

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

/** examples are the graphql blocks of the README's Examples section. */
export function examples(markdown: string): string[] {
  const start = markdown.indexOf('## Examples');
  const end = markdown.indexOf('\n## ', start + 1);
  const section = start < 0 ? '' : markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
}

const fetcher = createGraphiQLFetcher({
  url: `${location.origin}/graphql`,
  subscriptionUrl: `${location.origin.replace(/^http/, 'ws')}/graphql`,
});
const tabs = [headersHelp, ...examples(readme)].map((query) => ({ query }));

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: 'headers', shouldPersistHeaders: false }),
);
